//! Numeric builtins: abs, round, divmod, pow, hex, oct, bin, chr, ord.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::bytecode::BinOp;
use crate::exc::{self, PyResult};
use num_integer::Integer;

use crate::types::float::{float_to_big, round_to, small_integral};
use crate::value::Value;
use crate::vm::ops::complex::ComplexUnary;
use crate::vm::ops::int::{from_big, to_big};
use crate::vm::{Args, Vm};

/// `abs(x)`.
pub fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("abs", 1, 1)?;
    let v = args.pos[0];
    if let Some(r) = vm.call_dunder(v, "__abs__", &[])? {
        return Ok(r);
    }
    match vm.builtin_view(v) {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Int(i) if i != i64::MIN => Ok(Value::Int(i.abs())),
        Value::Bool(b) => Ok(Value::Int(i64::from(b))),
        _ => match to_big(vm, v) {
            Some(i) => from_big(vm, i.abs()),
            None => {
                let view = vm.builtin_view(v);
                vm.complex_unary(ComplexUnary::Abs, view)?.ok_or_else(|| {
                    exc::type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))
                })
            }
        },
    }
}

/// `round(number[, ndigits])`: banker's rounding (float.__round__ / int.__round__).
pub fn round(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let nd_kw = args.take_kw("ndigits");
    if let Some(n) = args.take_kw("number") {
        args.pos.insert(0, n);
    }
    args.arity("round", 1, 2)?;
    let v = args.pos[0];
    if vm.is_user_instance(v) {
        let extra: Vec<Value> = nd_kw.or_else(|| args.get(1)).into_iter().collect();
        if let Some(r) = vm.call_dunder(v, "__round__", &extra)? {
            return Ok(r);
        }
    }
    let nd = match nd_kw.or_else(|| args.get(1)) {
        None | Some(Value::None) => None,
        // PyNumber_AsSsize_t(o, NULL) clips huge values instead of raising.
        Some(n) => match to_big(vm, n) {
            Some(b) => {
                Some(
                    b.to_i64()
                        .unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }),
                )
            }
            None => Some(vm.index_arg(n, "")?),
        },
    };
    match vm.builtin_view(v) {
        Value::Float(f) => match nd {
            None => {
                if f.is_nan() {
                    return Err(exc::value_error("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(exc::overflow_error(
                        "cannot convert float infinity to integer",
                    ));
                }
                let r = f.round_ties_even();
                match small_integral(r) {
                    Some(i) => Ok(Value::Int(i)),
                    None => from_big(vm, float_to_big(r)),
                }
            }
            Some(n) => match round_to(f, n) {
                Some(r) => Ok(Value::Float(r)),
                None => Err(exc::overflow_error("rounded value too large to represent")),
            },
        },
        _ => {
            let Some(i) = to_big(vm, v) else {
                return Err(exc::type_error(format!(
                    "type {} doesn't define __round__ method",
                    vm.type_name(v)
                )));
            };
            match nd {
                None => from_big(vm, i),
                Some(n) if n >= 0 => from_big(vm, i),
                Some(n) => {
                    // 10**-n beyond twice |i| always rounds to zero.
                    let digits = (i.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 2;
                    if n.unsigned_abs() > digits {
                        return Ok(Value::Int(0));
                    }
                    let p = BigInt::from(10).pow(u32::try_from(n.unsigned_abs()).unwrap_or(0));
                    let (q, r) = i.div_mod_floor(&p);
                    let twice = &r * 2;
                    let q = if twice > p || (twice == p && q.is_odd()) {
                        q + 1
                    } else {
                        q
                    };
                    from_big(vm, q * p)
                }
            }
        }
    }
}

/// `divmod(a, b)`.
pub fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("divmod", 2, 2)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    if let Some(r) = user_divmod(vm, a, b)? {
        return Ok(r);
    }
    match vm.num_divmod(vm.builtin_view(a), vm.builtin_view(b))? {
        Some((q, r)) => vm.new_tuple(vec![q, r]),
        None => Err(exc::type_error(crate::exc::messages::unsupported_binop(
            "divmod()",
            &vm.type_name(a),
            &vm.type_name(b),
        ))),
    }
}

/// `a.__divmod__(b)`, then `b.__rdivmod__(a)`, for user classes (a subclass of `a`'s type
/// that overrides `__rdivmod__` goes first).
fn user_divmod(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<Value>> {
    let (ta, tb) = (vm.type_of(a), vm.type_of(b));
    let same = ta.is(tb);
    let b_first = !same && vm.is_subclass(tb, ta) && vm.user_dunder(b, "__rdivmod__")?.is_some();
    let mut order: Vec<(Value, &str, Value)> = Vec::with_capacity(2);
    if b_first {
        order.push((b, "__rdivmod__", a));
    }
    order.push((a, "__divmod__", b));
    if !same && !b_first {
        order.push((b, "__rdivmod__", a));
    }
    for (recv, name, other) in order {
        if let Some(r) = vm.call_dunder(recv, name, &[other])? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

/// `pow(base, exp[, mod])`.
pub fn pow(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let m_kw = args.take_kw("mod");
    let exp_kw = args.take_kw("exp");
    if let Some(b) = args.take_kw("base") {
        args.pos.insert(0, b);
    }
    if let Some(e) = exp_kw {
        args.pos.push(e);
    }
    args.arity("pow", 2, 3)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    match m_kw.or_else(|| args.get(2)) {
        None | Some(Value::None) => vm.binop(BinOp::Pow, a, b),
        Some(m) => {
            if complex_modulo(vm, a, b, m) {
                return Err(exc::value_error(crate::exc::messages::complex::MODULO));
            }
            let (Some(x), Some(e), Some(md)) = (to_big(vm, a), to_big(vm, b), to_big(vm, m)) else {
                return Err(exc::type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            if md.is_zero() {
                return Err(exc::value_error("pow() 3rd argument cannot be 0"));
            }
            if md.abs() == BigInt::from(1) {
                return Ok(Value::Int(0));
            }
            vm.charge_native_ns(crate::vm::ops::bigcost::modpow_ns(e.bits(), md.bits()))?;
            let r = if e.is_negative() {
                let inv = mod_inverse(&x, &md).ok_or_else(|| {
                    exc::value_error("base is not invertible for the given modulus")
                })?;
                inv.modpow(&(-e), &md.abs())
            } else {
                x.modpow(&e, &md.abs())
            };
            // Python's result takes the modulus's sign.
            let r = if md.is_negative() && !r.is_zero() {
                r + &md
            } else {
                r
            };
            from_big(vm, r)
        }
    }
}

/// Whether `pow(a, b, m)` reaches `complex_pow` with a modulus: a complex among the three
/// and both `a` and `b` numbers `TO_COMPLEX` accepts (ternary_op tries each operand's slot).
fn complex_modulo(vm: &Vm, a: Value, b: Value, m: Value) -> bool {
    let is_complex = |v: Value| vm.complex_of(v).is_some();
    let is_number =
        |v: Value| is_complex(v) || matches!(v, Value::Float(_)) || to_big(vm, v).is_some();
    (is_complex(a) || is_complex(b) || is_complex(m)) && is_number(a) && is_number(b)
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let (mut old_r, mut r) = (num_integer::Integer::mod_floor(a, &m), m.clone());
    let (mut old_s, mut s) = (BigInt::from(1), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let tmp = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, tmp);
        let tmp = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, tmp);
    }
    if old_r != BigInt::from(1) {
        return None;
    }
    Some(num_integer::Integer::mod_floor(&old_s, &m))
}

fn radix(vm: &mut Vm, args: &Args, name: &str, base: u32, prefix: &str) -> PyResult<Value> {
    args.arity(name, 1, 1)?;
    let mut v = args.pos[0];
    if vm.is_user_instance(v) {
        if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
            v = r;
        }
    }
    let Some(i) = to_big(vm, v) else {
        return Err(exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    };
    let s = if i.is_negative() {
        format!("-{prefix}{}", (-i).to_str_radix(base))
    } else {
        format!("{prefix}{}", i.to_str_radix(base))
    };
    vm.new_str(s)
}

/// `hex(x)`.
pub fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, &args, "hex", 16, "0x")
}

/// `oct(x)`.
pub fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, &args, "oct", 8, "0o")
}

/// `bin(x)`.
pub fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, &args, "bin", 2, "0b")
}

/// `chr(i)`.
pub fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("chr", 1, 1)?;
    let v = args.pos[0];
    let Some(i) = to_big(vm, v) else {
        return Err(exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    };
    match i.to_u32().and_then(char::from_u32) {
        Some(c) => vm.new_str(c.to_string()),
        None => Err(exc::value_error("chr() arg not in range(0x110000)")),
    }
}

/// `ord(c)`.
pub fn ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("ord", 1, 1)?;
    let v = args.pos[0];
    if let Some(s) = vm.str_of(v) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::Int(i64::from(c as u32))),
            _ => Err(exc::type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.chars().count()
            ))),
        };
    }
    match vm.heap.get_obj(v) {
        Some(
            crate::types::object::Object::Bytes(b) | crate::types::object::Object::ByteArray(b),
        ) => {
            if b.len() == 1 {
                Ok(Value::Int(i64::from(b[0])))
            } else {
                Err(exc::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    b.len()
                )))
            }
        }
        _ => Err(exc::type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(v)
        ))),
    }
}
