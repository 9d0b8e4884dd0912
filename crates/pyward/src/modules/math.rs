//! `math`: CPython 3.11's math module (Modules/mathmodule.c), with its error behaviour.

use crate::exc::{self, PyResult};
use crate::natives;
use crate::value::Value;
use crate::vm::ops::int::to_big;
use crate::vm::{Args, Vm};

natives! {
    /// `math` functions.
    MathFn {
        Sqrt => "sqrt" => sqrt,
        Floor => "floor" => floor,
        Ceil => "ceil" => ceil,
    }
}

/// Build the module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "math")?;
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        super::set_attr(vm, m, name, Value::Float(v))?;
    }
    for f in [MathFn::Sqrt, MathFn::Floor, MathFn::Ceil] {
        super::set_attr(
            vm,
            m,
            f.name(),
            Value::Native(crate::builtins::Native::Math(f)),
        )?;
    }
    Ok(m)
}

/// The argument as a float (ints converted), or CPython's "must be real number" error.
fn float_arg(vm: &Vm, v: Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(f),
        _ => match to_big(vm, v) {
            Some(b) => crate::vm::ops::arith::int_to_f64(&b),
            None => Err(exc::type_error(format!(
                "must be real number, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

fn sqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("sqrt", 1, 1)?;
    let x = float_arg(vm, args.pos[0])?;
    if x < 0.0 {
        return Err(exc::value_error("math domain error"));
    }
    Ok(Value::Float(x.sqrt()))
}

fn round_to_int(vm: &mut Vm, args: &Args, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    args.arity(name, 1, 1)?;
    let v = args.pos[0];
    if to_big(vm, v).is_some() {
        return Ok(match v {
            Value::Bool(b) => Value::Int(i64::from(b)),
            _ => v,
        });
    }
    let x = float_arg(vm, v)?;
    if x.is_nan() {
        return Err(exc::value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(exc::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    let r = f(x);
    crate::vm::ops::int::from_big(vm, crate::builtins::float_to_big(r))
}

fn floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    round_to_int(vm, &args, "floor", f64::floor)
}

fn ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    round_to_int(vm, &args, "ceil", f64::ceil)
}
