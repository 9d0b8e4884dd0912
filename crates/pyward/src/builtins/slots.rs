//! Dunder methods of builtin types as callables (`object.__init__`, `dict.__setitem__`, ...),
//! for `super().__init__(...)` and explicit `Base.__method__(self, ...)` calls from user
//! classes. Each applies the builtin behaviour to the receiver (or its builtin payload), never
//! the user's override, so calling them from an override cannot loop.

use super::opslots;
use crate::bytecode::{BinOp, CmpOp};
use crate::exc::{self, PyResult};
use crate::natives;
use crate::types::BuiltinType;
use crate::types::class::Property;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

natives! {
    /// Builtin dunder methods reachable through a user class's MRO.
    SlotFn {
        Init => "__init__" => init,
        New => "__new__" => new,
        Repr => "__repr__" => repr,
        Str => "__str__" => str_,
        Eq => "__eq__" => eq,
        Ne => "__ne__" => ne,
        Lt => "__lt__" => lt,
        Le => "__le__" => le,
        Gt => "__gt__" => gt,
        Ge => "__ge__" => ge,
        Hash => "__hash__" => hash,
        Getattribute => "__getattribute__" => getattribute,
        Setattr => "__setattr__" => setattr,
        Delattr => "__delattr__" => delattr,
        Format => "__format__" => format,
        InitSubclass => "__init_subclass__" => init_subclass,
        Getitem => "__getitem__" => getitem,
        Setitem => "__setitem__" => setitem,
        Delitem => "__delitem__" => delitem,
        Len => "__len__" => len,
        Contains => "__contains__" => contains,
        Iter => "__iter__" => iter,
        Mro => "mro" => mro,
        Call => "__call__" => call,
        SliceIndices => "indices" => slice_indices,
        Next => "__next__" => next,
        Index => "__index__" => index,
        AddNote => "add_note" => add_note,
        WithTraceback => "with_traceback" => with_traceback,
        Derive => "derive" => super::excgroup::derive,
        Split => "split" => super::excgroup::split,
        Subgroup => "subgroup" => super::excgroup::subgroup,
        Add => "__add__" => opslots::add,
        Radd => "__radd__" => opslots::radd,
        Sub => "__sub__" => opslots::sub,
        Rsub => "__rsub__" => opslots::rsub,
        Mul => "__mul__" => opslots::mul,
        Rmul => "__rmul__" => opslots::rmul,
        Truediv => "__truediv__" => opslots::truediv,
        Rtruediv => "__rtruediv__" => opslots::rtruediv,
        Floordiv => "__floordiv__" => opslots::floordiv,
        Rfloordiv => "__rfloordiv__" => opslots::rfloordiv,
        Mod => "__mod__" => opslots::mod_,
        Rmod => "__rmod__" => opslots::rmod,
        Pow => "__pow__" => opslots::pow,
        Rpow => "__rpow__" => opslots::rpow,
        Lshift => "__lshift__" => opslots::lshift,
        Rlshift => "__rlshift__" => opslots::rlshift,
        Rshift => "__rshift__" => opslots::rshift,
        Rrshift => "__rrshift__" => opslots::rrshift,
        And => "__and__" => opslots::and,
        Rand => "__rand__" => opslots::rand,
        Or => "__or__" => opslots::or,
        Ror => "__ror__" => opslots::ror,
        Xor => "__xor__" => opslots::xor,
        Rxor => "__rxor__" => opslots::rxor,
        Neg => "__neg__" => opslots::neg,
        Pos => "__pos__" => opslots::pos,
        Abs => "__abs__" => opslots::abs,
        Invert => "__invert__" => opslots::invert,
        Bool => "__bool__" => opslots::bool_,
        Int => "__int__" => opslots::int,
        Float => "__float__" => opslots::float,
        Floor => "__floor__" => opslots::floor,
        Ceil => "__ceil__" => opslots::ceil,
        Trunc => "__trunc__" => opslots::trunc,
        Round => "__round__" => opslots::round,
        Divmod => "__divmod__" => opslots::divmod,
        Rdivmod => "__rdivmod__" => opslots::rdivmod,
    }
}

natives! {
    /// `property.setter` / `getter` / `deleter`.
    PropMethod {
        Setter => "setter" => setter,
        Getter => "getter" => getter,
        Deleter => "deleter" => deleter,
    }
}

/// Whether builtin type `t` has the slot `name`.
pub fn slot_of(t: BuiltinType, name: &str) -> Option<SlotFn> {
    let s = SlotFn::lookup(name)?;
    let container = matches!(
        t,
        BuiltinType::Dict
            | BuiltinType::List
            | BuiltinType::Tuple
            | BuiltinType::Set
            | BuiltinType::FrozenSet
            | BuiltinType::Str
            | BuiltinType::Bytes
            | BuiltinType::ByteArray
            | BuiltinType::Range
    );
    let mutable = matches!(
        t,
        BuiltinType::Dict | BuiltinType::List | BuiltinType::ByteArray
    );
    let iterator = t.is_iterator() || t == BuiltinType::Generator;
    let ok = match s {
        SlotFn::Mro | SlotFn::SliceIndices => false,
        SlotFn::AddNote | SlotFn::WithTraceback => t.is_exception(),
        SlotFn::Derive | SlotFn::Split | SlotFn::Subgroup => t.is_exception_group(),
        SlotFn::Call => t == BuiltinType::Type,
        SlotFn::Next => iterator,
        SlotFn::Index => matches!(t, BuiltinType::Int | BuiltinType::Bool),
        SlotFn::Iter if iterator => true,
        SlotFn::Getitem | SlotFn::Len | SlotFn::Contains | SlotFn::Iter => container,
        SlotFn::Setitem | SlotFn::Delitem => mutable,
        _ => match binop_of(s) {
            Some((op, reflected)) => opslots::has_binop(t, op, reflected),
            None if opslots::is_unary_name(s.name()) => opslots::has_unary(t, s.name()),
            None => true,
        },
    };
    ok.then_some(s)
}

/// The binary operator a slot implements, and whether it is the reflected form.
fn binop_of(s: SlotFn) -> Option<(BinOp, bool)> {
    use SlotFn as S;
    Some(match s {
        S::Add => (BinOp::Add, false),
        S::Radd => (BinOp::Add, true),
        S::Sub => (BinOp::Sub, false),
        S::Rsub => (BinOp::Sub, true),
        S::Mul => (BinOp::Mul, false),
        S::Rmul => (BinOp::Mul, true),
        S::Truediv => (BinOp::TrueDiv, false),
        S::Rtruediv => (BinOp::TrueDiv, true),
        S::Floordiv => (BinOp::FloorDiv, false),
        S::Rfloordiv => (BinOp::FloorDiv, true),
        S::Mod => (BinOp::Mod, false),
        S::Rmod => (BinOp::Mod, true),
        S::Pow => (BinOp::Pow, false),
        S::Rpow => (BinOp::Pow, true),
        S::Lshift => (BinOp::LShift, false),
        S::Rlshift => (BinOp::LShift, true),
        S::Rshift => (BinOp::RShift, false),
        S::Rrshift => (BinOp::RShift, true),
        S::And => (BinOp::And, false),
        S::Rand => (BinOp::And, true),
        S::Or => (BinOp::Or, false),
        S::Ror => (BinOp::Or, true),
        S::Xor => (BinOp::Xor, false),
        S::Rxor => (BinOp::Xor, true),
        _ => return None,
    })
}

fn recv(args: &Args) -> PyResult<Value> {
    args.get(0)
        .ok_or_else(|| exc::type_error("descriptor needs an argument"))
}

fn rest(args: &Args) -> Args {
    Args {
        pos: args.pos.iter().skip(1).copied().collect(),
        kw: args.kw.clone(),
    }
}

fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = recv(&args)?;
    let extra = rest(&args);
    match vm.heap.get_obj(me) {
        Some(Object::Exception(_)) => vm.init_exception_args(me, extra.pos.to_vec()),
        Some(Object::Instance(i)) if !matches!(i.payload, Value::None) => {
            let cls = i.class;
            let t = vm.base_type_of(cls);
            let payload = crate::builtins::construct(vm, t, extra)?;
            if let Some(id) = me.obj() {
                if let Object::Instance(i) = vm.heap.get_mut(id) {
                    i.payload = payload;
                }
            }
        }
        Some(Object::Instance(i)) if !extra.pos.is_empty() || !extra.kw.is_empty() => {
            // object.__init__ with arguments (CPython's object_init): an error when the
            // class overrides __init__ (a `super().__init__(x)` that reached object), or
            // overrides neither __init__ nor __new__.
            let cls = i.class;
            let user = |vm: &mut Vm, name: &str| -> PyResult<bool> {
                Ok(vm
                    .class_lookup(cls, name)?
                    .is_some_and(|f| !matches!(f, Value::Native(_))))
            };
            if user(vm, "__init__")? {
                return Err(exc::type_error(
                    "object.__init__() takes exactly one argument (the instance to initialize)",
                ));
            }
            if !user(vm, "__new__")? {
                return Err(exc::type_error(format!(
                    "{}.__init__() takes exactly one argument (the instance to initialize)",
                    vm.class_name(cls)
                )));
            }
        }
        _ => {}
    }
    Ok(Value::None)
}

fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = recv(&args)?;
    if !vm.is_user_class(cls) {
        if let Value::Type(t) = cls {
            return crate::builtins::construct(vm, t, rest(&args));
        }
        return Err(exc::type_error("object.__new__(X): X is not a type object"));
    }
    let t = vm.base_type_of(cls);
    vm.new_instance(cls, t, &rest(&args))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = recv(&args)?;
    let s = match vm.heap.get_obj(me) {
        Some(Object::Exception(e)) => {
            let (cls, a) = (e.cls, e.args.clone());
            let t = vm.new_tuple(a)?;
            let inner = vm.repr(t)?;
            let inner = inner
                .strip_prefix('(')
                .and_then(|x| x.strip_suffix(')'))
                .unwrap_or("")
                .to_string();
            let inner = inner
                .strip_suffix(',')
                .map_or(inner.clone(), str::to_string);
            format!("{}({inner})", vm.class_name(cls))
        }
        Some(Object::Instance(i)) if !matches!(i.payload, Value::None) => {
            let p = i.payload;
            vm.repr(p)?
        }
        Some(Object::Instance(_)) => vm.default_repr(me),
        _ => vm.repr(me)?,
    };
    vm.new_str(s)
}

fn str_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = recv(&args)?;
    if let Some(s) = super::excgroup::group_str(vm, me)? {
        return vm.new_str(s);
    }
    let s = match vm.heap.get_obj(me) {
        Some(Object::Exception(e)) => {
            let a = e.args.clone();
            match a.as_slice() {
                [] => String::new(),
                [x] => vm.str(*x)?,
                _ => {
                    let t = vm.new_tuple(a)?;
                    vm.repr(t)?
                }
            }
        }
        _ => vm.repr(me)?,
    };
    vm.new_str(s)
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    opslots::richcmp(vm, &args, CmpOp::Eq)
}

fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    opslots::richcmp(vm, &args, CmpOp::Ne)
}

fn lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    opslots::richcmp(vm, &args, CmpOp::Lt)
}

fn le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    opslots::richcmp(vm, &args, CmpOp::Le)
}

fn gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    opslots::richcmp(vm, &args, CmpOp::Gt)
}

fn ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    opslots::richcmp(vm, &args, CmpOp::Ge)
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = recv(&args)?;
    let view = vm.builtin_view(me);
    if !view.is(me) || !vm.is_user_instance(me) {
        return Ok(Value::Int(vm.hash(view)?));
    }
    Ok(Value::Int(me.obj().map_or(0, |o| {
        i64::from(o.0).wrapping_mul(0x9E37_79B9) >> 4
    })))
}

fn getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("__getattribute__", 2, 2)?;
    let (me, name) = (args.pos[0], args.pos[1]);
    let text = vm.str_of(name).unwrap_or("").to_string();
    let found = if vm.is_user_instance(me) {
        vm.instance_getattr(me, &text)?
    } else {
        vm.getattr_opt(me, &text)?
    };
    found.ok_or_else(|| vm.no_attribute(me, &text))
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("__setattr__", 3, 3)?;
    let (me, name, v) = (args.pos[0], args.pos[1], args.pos[2]);
    let (cls, dict) = match vm.heap.get_obj(me) {
        Some(Object::Instance(i)) => (i.class, i.dict),
        Some(Object::Class(_)) => {
            vm.class_setattr(me, name, v)?;
            return Ok(Value::None);
        }
        _ => {
            vm.setattr(me, name, v)?;
            return Ok(Value::None);
        }
    };
    vm.generic_setattr(me, cls, dict, name, v)?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("__delattr__", 2, 2)?;
    let (me, name) = (args.pos[0], args.pos[1]);
    let dict = match vm.heap.get_obj(me) {
        Some(Object::Instance(i)) => i.dict,
        _ => return Err(exc::attribute_error("cannot delete attribute")),
    };
    if vm.dict_remove(dict, name)?.is_none() {
        let text = vm.str_of(name).unwrap_or("").to_string();
        return Err(vm.no_attribute_to_delete(me, &text));
    }
    Ok(Value::None)
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("__format__", 2, 2)?;
    let (me, spec) = (args.pos[0], args.pos[1]);
    let spec_text = vm.str_of(spec).unwrap_or("").to_string();
    let view = vm.builtin_view(me);
    if !view.is(me) || !vm.is_user_instance(me) {
        let s = vm.format(view, &spec_text)?;
        return vm.new_str(s);
    }
    if !spec_text.is_empty() {
        return Err(exc::type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(me)
        )));
    }
    let s = vm.str(me)?;
    vm.new_str(s)
}

fn init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let _ = (vm, args);
    Ok(Value::None)
}

fn view_of(vm: &Vm, args: &Args) -> PyResult<Value> {
    Ok(vm.builtin_view(recv(args)?))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("__getitem__", 2, 2)?;
    let v = view_of(vm, &args)?;
    vm.getitem(v, args.pos[1])
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("__setitem__", 3, 3)?;
    let v = view_of(vm, &args)?;
    vm.setitem(v, args.pos[1], args.pos[2])?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("__delitem__", 2, 2)?;
    let v = view_of(vm, &args)?;
    vm.delitem(v, args.pos[1])?;
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = view_of(vm, &args)?;
    let n = vm.len_of(v)?;
    Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("__contains__", 2, 2)?;
    let v = view_of(vm, &args)?;
    Ok(Value::Bool(vm.contains(v, args.pos[1])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = view_of(vm, &args)?;
    if vm.builtin_type_of(v).is_iterator() {
        // An iterator (its subclass's instance too) is its own iterator.
        return recv(&args);
    }
    vm.get_iter(v)
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // On an instance of an iterator's subclass, the builtin iterator is its payload.
    let it = view_of(vm, &args)?;
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => Err(exc::stop_iteration(vm.take_return_value(it))),
    }
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = recv(&args)?;
    Ok(match v {
        Value::Bool(b) => Value::Int(i64::from(b)),
        _ => {
            let _ = vm;
            v
        }
    })
}

/// `type.__call__(cls, *args)`: create an instance of `cls` (for metaclass `__call__`).
fn call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = recv(&args)?;
    let rest = rest(&args);
    if vm.is_user_class(cls) {
        return vm.instantiate(cls, rest);
    }
    vm.call_with(cls, rest)
}

/// `slice.indices(length)`.
fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("indices", 2, 2)?;
    let Some(Object::Slice(s)) = vm.heap.get_obj(args.pos[0]) else {
        return Err(exc::type_error(
            "descriptor 'indices' requires a 'slice' object",
        ));
    };
    let s = *s;
    let len = vm.index_arg(args.pos[1], "")?;
    if len < 0 {
        return Err(exc::value_error("length should not be negative"));
    }
    let conv = |vm: &Vm, v: Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            _ => vm.index_arg(v, "").map(Some),
        }
    };
    let step = conv(vm, s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(exc::value_error("slice step cannot be zero"));
    }
    let (start, stop, step, _) =
        crate::types::range::adjust_indices(conv(vm, s.start)?, conv(vm, s.stop)?, step, len);
    vm.new_tuple(vec![Value::Int(start), Value::Int(stop), Value::Int(step)])
}

fn mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = recv(&args)?;
    let m = vm.mro_of(cls);
    vm.new_list(m)
}

fn with_property(
    vm: &mut Vm,
    args: &Args,
    f: impl FnOnce(&mut Property, Value),
) -> PyResult<Value> {
    args.arity("property method", 2, 2)?;
    let Some(Object::Property(p)) = vm.heap.get_obj(args.pos[0]) else {
        return Err(exc::type_error("descriptor requires a 'property' object"));
    };
    let mut p = *p;
    f(&mut p, args.pos[1]);
    vm.alloc(Object::Property(p))
}

fn setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    with_property(vm, &args, |p, f| p.fset = f)
}

fn getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    with_property(vm, &args, |p, f| p.fget = f)
}

fn deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    with_property(vm, &args, |p, f| p.fdel = f)
}

/// `BaseException.add_note(note)`: append to the instance's `__notes__` list (created on
/// first use), which the traceback prints after the message.
fn add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("add_note", 2, 2)?;
    let (me, note) = (args.pos[0], args.pos[1]);
    if vm.str_of(note).is_none() {
        return Err(exc::type_error(format!(
            "note must be a str, not '{}'",
            vm.type_name(note)
        )));
    }
    let Some(Object::Exception(e)) = vm.heap.get_obj(me) else {
        return Err(exc::type_error(
            "descriptor 'add_note' requires a 'BaseException' object",
        ));
    };
    let mut dict = e.dict;
    if matches!(dict, Value::None) {
        dict = vm.new_dict()?;
        if let Some(Object::Exception(e)) = me.obj().map(|id| vm.heap.get_mut(id)) {
            e.dict = dict;
        }
    }
    let key = vm.intern("__notes__")?;
    match vm.dict_get(dict, key)? {
        None => {
            let notes = vm.new_list(vec![note])?;
            vm.dict_set(dict, key, notes)?;
        }
        Some(notes) if matches!(vm.heap.get_obj(notes), Some(Object::List(_))) => {
            vm.list_append(notes, note)?;
        }
        Some(_) => {
            return Err(exc::type_error("Cannot add note: __notes__ is not a list"));
        }
    }
    Ok(Value::None)
}

/// `BaseException.with_traceback(tb)`: returns the exception (pyward keeps its own
/// traceback).
fn with_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("with_traceback", 2, 2)?;
    Ok(args.pos[0])
}
