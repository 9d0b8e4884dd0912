//! Operator and conversion dunders of builtin numbers and containers as callables:
//! `(3).__add__(4)`, `int.__mul__`, `map(str.__add__, ...)`, `super().__lt__(other)` in a
//! subclass of a builtin. Each is one row of `SlotFn` (slots.rs); `has` says which builtin
//! types define which operator, as CPython's type slots do.
//!
//! The result follows CPython's slot functions: a number's operator answers NotImplemented
//! for an operand it does not handle itself (`int.__add__(1, 2.0)`: float is higher in the
//! tower, so only `float.__radd__` handles it), as does a set's or dict's for a non-set or
//! non-dict operand; otherwise the operator's ordinary behaviour applies to the builtin
//! values (a subclass instance's payload).

use crate::bytecode::{BinOp, CmpOp};
use crate::exc::{self, PyResult};
use crate::types::BuiltinType;
use crate::value::Value;
use crate::vm::{Args, Vm};

/// Rank in the numeric tower (int < float < complex), or None for a non-number.
fn num_rank(t: BuiltinType) -> Option<u8> {
    match t {
        BuiltinType::Int | BuiltinType::Bool => Some(0),
        BuiltinType::Float => Some(1),
        BuiltinType::Complex => Some(2),
        _ => None,
    }
}

/// Whether builtin type `t` defines the binary operator `op` (its reflected form when
/// `reflected`).
pub(super) fn has_binop(t: BuiltinType, op: BinOp, reflected: bool) -> bool {
    use BinOp as B;
    use BuiltinType as T;
    match t {
        T::Int | T::Bool => op != B::MatMul,
        T::Float => matches!(
            op,
            B::Add | B::Sub | B::Mul | B::TrueDiv | B::FloorDiv | B::Mod | B::Pow
        ),
        T::Complex => matches!(op, B::Add | B::Sub | B::Mul | B::TrueDiv | B::Pow),
        T::Str | T::Bytes | T::ByteArray => match op {
            B::Add => !reflected,
            B::Mul | B::Mod => true,
            _ => false,
        },
        T::List | T::Tuple => match op {
            B::Add => !reflected,
            B::Mul => true,
            _ => false,
        },
        T::Set | T::FrozenSet => matches!(op, B::Or | B::And | B::Sub | B::Xor),
        T::Dict => op == B::Or,
        _ => false,
    }
}

/// Whether builtin type `t` defines the unary or conversion dunder `name`.
pub(super) fn has_unary(t: BuiltinType, name: &str) -> bool {
    let number = num_rank(t).is_some();
    let real = matches!(t, BuiltinType::Int | BuiltinType::Bool | BuiltinType::Float);
    match name {
        "__neg__" | "__pos__" | "__abs__" | "__bool__" => {
            number || (name == "__bool__" && t == BuiltinType::NoneType)
        }
        "__invert__" => matches!(t, BuiltinType::Int | BuiltinType::Bool),
        "__int__" | "__float__" | "__floor__" | "__ceil__" | "__trunc__" | "__round__"
        | "__divmod__" | "__rdivmod__" => real,
        _ => false,
    }
}

/// Whether `name` is one of the unary or conversion dunders `has_unary` answers for.
pub(super) fn is_unary_name(name: &str) -> bool {
    matches!(
        name,
        "__neg__"
            | "__pos__"
            | "__abs__"
            | "__bool__"
            | "__invert__"
            | "__int__"
            | "__float__"
            | "__floor__"
            | "__ceil__"
            | "__trunc__"
            | "__round__"
            | "__divmod__"
            | "__rdivmod__"
    )
}

/// Whether comparing a `me` of type `tm` with an `other` of type `to` is the builtin's own
/// business (else its comparison answers NotImplemented).
fn comparable(tm: BuiltinType, to: BuiltinType, op: CmpOp) -> bool {
    use BuiltinType as T;
    if let Some(rm) = num_rank(tm) {
        // Complex numbers compare for equality only; that is the VM's error to raise.
        return num_rank(to).is_some_and(|ro| ro <= rm);
    }
    let equality = matches!(op, CmpOp::Eq | CmpOp::Ne);
    match tm {
        T::Str => to == T::Str,
        T::Bytes | T::ByteArray => matches!(to, T::Bytes | T::ByteArray),
        T::List | T::Tuple => to == tm,
        T::Set | T::FrozenSet => matches!(to, T::Set | T::FrozenSet),
        T::Dict | T::Range => equality && to == tm,
        _ => false,
    }
}

/// The receiver's and the operand's builtin values and types, or None when the receiver is
/// an instance of a user class with no builtin payload (whose operators are `object`'s).
fn operands(vm: &Vm, me: Value, other: Value) -> Option<(Value, Value, BuiltinType, BuiltinType)> {
    let (vm_, vo) = (vm.builtin_view(me), vm.builtin_view(other));
    if vm.is_user_instance(vm_) {
        return None;
    }
    Some((vm_, vo, vm.builtin_type_of(vm_), vm.builtin_type_of(vo)))
}

/// `me.__op__(other)` (or `__rop__` when `reflected`).
fn arith(vm: &mut Vm, args: &Args, op: BinOp, reflected: bool) -> PyResult<Value> {
    let (lname, rname, _) = op.dunders();
    let name = if reflected { rname } else { lname };
    let max = if op == BinOp::Pow { 3 } else { 2 };
    args.arity(name, 2, max)?;
    let (me, other) = (args.pos[0], args.pos[1]);
    let Some((me, other, tm, to)) = operands(vm, me, other) else {
        return Ok(Value::NotImplemented);
    };
    let handles = match num_rank(tm) {
        Some(rm) => num_rank(to).is_some_and(|ro| ro <= rm),
        None if vm.is_user_instance(other) => false,
        None => match tm {
            BuiltinType::Set | BuiltinType::FrozenSet => {
                matches!(to, BuiltinType::Set | BuiltinType::FrozenSet)
            }
            BuiltinType::Dict => to == BuiltinType::Dict,
            _ => true,
        },
    };
    if !handles {
        return Ok(Value::NotImplemented);
    }
    let (a, b) = if reflected { (other, me) } else { (me, other) };
    match args.get(2) {
        Some(m) if !matches!(m, Value::None) => {
            let pow = crate::builtins::BuiltinFn::Pow;
            pow.call(vm, Args::positional(&[a, b, m]))
        }
        _ => vm.binop(op, a, b),
    }
}

/// `a op b` by the builtin number `a`'s own operator when it handles `b`, an instance of a
/// user subclass of a number no higher in the tower (`1.5 + MyInt(2)`): CPython tries
/// `float.__add__` before `MyInt.__radd__`, since MyInt is not a subclass of float. None
/// when `a`'s operator would answer NotImplemented.
pub(crate) fn number_forward(
    vm: &mut Vm,
    op: BinOp,
    a: Value,
    b: Value,
) -> PyResult<Option<Value>> {
    let vb = vm.builtin_view(b);
    if vm.is_user_instance(a) || vm.is_user_instance(vb) {
        return Ok(None);
    }
    let (ta, tb) = (vm.builtin_type_of(a), vm.builtin_type_of(vb));
    let handles = match (num_rank(ta), num_rank(tb)) {
        (Some(ra), Some(rb)) => rb <= ra && has_binop(ta, op, false),
        _ => false,
    };
    if !handles {
        return Ok(None);
    }
    vm.binop(op, a, vb).map(Some)
}

/// `me.__lt__(other)` and the other rich comparisons of a builtin value.
pub(super) fn richcmp(vm: &mut Vm, args: &Args, op: CmpOp) -> PyResult<Value> {
    args.arity(op.dunder(), 2, 2)?;
    builtin_richcmp(vm, op, args.pos[0], args.pos[1])
}

/// The rich comparison of `me`'s builtin type (of its builtin base, for an instance of a
/// builtin's subclass) with `other`: NotImplemented when that type does not compare with
/// `other`'s, as CPython's `tp_richcompare` slots answer. `object`'s (a user class with no
/// builtin base) knows only identity for `==` and `!=`.
pub(crate) fn builtin_richcmp(vm: &mut Vm, op: CmpOp, me: Value, other: Value) -> PyResult<Value> {
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && me.is(other) {
        return Ok(Value::Bool(op == CmpOp::Eq));
    }
    let Some((me, other, tm, to)) = operands(vm, me, other) else {
        return Ok(Value::NotImplemented);
    };
    if vm.is_user_instance(other) || !comparable(tm, to, op) {
        return Ok(Value::NotImplemented);
    }
    vm.compare(op, me, other)
}

/// A unary or conversion dunder of a builtin number.
fn unary(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    use crate::builtins::BuiltinFn;
    let max = match name {
        "__round__" => 2,
        "__divmod__" | "__rdivmod__" => 2,
        _ => 1,
    };
    let min = if name.ends_with("divmod__") { 2 } else { 1 };
    args.arity(name, min, max)?;
    let me = vm.builtin_view(args.pos[0]);
    let t = vm.builtin_type_of(me);
    if vm.is_user_instance(me) || !has_unary(t, name) {
        return Err(exc::type_error(format!(
            "descriptor '{name}' requires a number, not '{}'",
            vm.type_name(me)
        )));
    }
    let arg = |vm: &Vm, i: usize| args.get(i).map(|v| vm.builtin_view(v));
    let math = |f: crate::modules::math::MathFn, vm: &mut Vm| f.call(vm, Args::positional(&[me]));
    use crate::bytecode::UnaryOp;
    use crate::modules::math::MathFn;
    match name {
        "__neg__" => vm.unary(UnaryOp::Neg, me),
        "__pos__" => vm.unary(UnaryOp::Pos, me),
        "__invert__" => vm.unary(UnaryOp::Invert, me),
        "__abs__" => BuiltinFn::Abs.call(vm, Args::positional(&[me])),
        "__bool__" => Ok(Value::Bool(vm.truthy(me)?)),
        "__int__" | "__trunc__" => math(MathFn::Trunc, vm),
        "__floor__" => math(MathFn::Floor, vm),
        "__ceil__" => math(MathFn::Ceil, vm),
        "__float__" => crate::builtins::construct(vm, BuiltinType::Float, Args::positional(&[me])),
        "__round__" => {
            let mut a = vec![me];
            a.extend(arg(vm, 1));
            BuiltinFn::Round.call(vm, Args::positional(&a))
        }
        _ => {
            let Some(other) = arg(vm, 1) else {
                return Ok(Value::NotImplemented);
            };
            let ok =
                num_rank(vm.builtin_type_of(other)).is_some_and(|r| r <= num_rank(t).unwrap_or(0));
            if !ok || vm.is_user_instance(other) {
                return Ok(Value::NotImplemented);
            }
            let pair = if name == "__divmod__" {
                [me, other]
            } else {
                [other, me]
            };
            BuiltinFn::Divmod.call(vm, Args::positional(&pair))
        }
    }
}

/// Defines one `fn(vm, args)` per operator dunder, for the `SlotFn` table.
macro_rules! binop_slots {
    ($($f:ident, $rf:ident => $op:ident;)*) => {
        $(
            pub(super) fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
                arith(vm, &args, BinOp::$op, false)
            }
            pub(super) fn $rf(vm: &mut Vm, args: Args) -> PyResult<Value> {
                arith(vm, &args, BinOp::$op, true)
            }
        )*
    };
}

binop_slots! {
    add, radd => Add;
    sub, rsub => Sub;
    mul, rmul => Mul;
    truediv, rtruediv => TrueDiv;
    floordiv, rfloordiv => FloorDiv;
    mod_, rmod => Mod;
    pow, rpow => Pow;
    lshift, rlshift => LShift;
    rshift, rrshift => RShift;
    and, rand => And;
    or, ror => Or;
    xor, rxor => Xor;
}

/// Defines one `fn(vm, args)` per unary or conversion dunder.
macro_rules! unary_slots {
    ($($f:ident => $name:literal;)*) => {
        $(
            pub(super) fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
                unary(vm, &args, $name)
            }
        )*
    };
}

unary_slots! {
    neg => "__neg__";
    pos => "__pos__";
    abs => "__abs__";
    invert => "__invert__";
    bool_ => "__bool__";
    int => "__int__";
    float => "__float__";
    floor => "__floor__";
    ceil => "__ceil__";
    trunc => "__trunc__";
    round => "__round__";
    divmod => "__divmod__";
    rdivmod => "__rdivmod__";
}
