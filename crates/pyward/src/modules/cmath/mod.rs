//! `cmath`: CPython 3.11's complex math module (Modules/cmathmodule.c).
//!
//! Arguments convert as `PyComplex_AsCComplex` does (`Vm::as_complex`: complex,
//! `__complex__`, then any real number); `rect` takes two reals. The functions themselves are
//! pure (`funcs.rs`, special values in `tables.rs`, generated from CPython by
//! scripts/gen_cmath_tables.py) and report C's errno, raised here as CPython's `math_error`
//! does: EDOM is ValueError("math domain error"), ERANGE OverflowError("math range error").

mod funcs;
mod tables;

use funcs::{Errno, Out};

use super::math::{float_arg, isclose_args};
use crate::builtins::Native;
use crate::exc::{self, PyResult};
use crate::natives;
use crate::types::complex::Complex;
use crate::value::Value;
use crate::vm::{Args, Vm};

natives! {
    /// `cmath` functions.
    CmathFn {
        Acos => "acos" => acos,
        Acosh => "acosh" => acosh,
        Asin => "asin" => asin,
        Asinh => "asinh" => asinh,
        Atan => "atan" => atan,
        Atanh => "atanh" => atanh,
        Cos => "cos" => cos,
        Cosh => "cosh" => cosh,
        Exp => "exp" => exp,
        Isclose => "isclose" => isclose,
        Isfinite => "isfinite" => isfinite,
        Isinf => "isinf" => isinf,
        Isnan => "isnan" => isnan,
        Log => "log" => log,
        Log10 => "log10" => log10,
        Phase => "phase" => phase,
        Polar => "polar" => polar,
        Rect => "rect" => rect,
        Sin => "sin" => sin,
        Sinh => "sinh" => sinh,
        Sqrt => "sqrt" => sqrt,
        Tan => "tan" => tan,
        Tanh => "tanh" => tanh,
    }
}

/// Every function, in CPython's module order.
const ALL: &[CmathFn] = &[
    CmathFn::Acos,
    CmathFn::Acosh,
    CmathFn::Asin,
    CmathFn::Asinh,
    CmathFn::Atan,
    CmathFn::Atanh,
    CmathFn::Cos,
    CmathFn::Cosh,
    CmathFn::Exp,
    CmathFn::Isclose,
    CmathFn::Isfinite,
    CmathFn::Isinf,
    CmathFn::Isnan,
    CmathFn::Log,
    CmathFn::Log10,
    CmathFn::Phase,
    CmathFn::Polar,
    CmathFn::Rect,
    CmathFn::Sin,
    CmathFn::Sinh,
    CmathFn::Sqrt,
    CmathFn::Tan,
    CmathFn::Tanh,
];

/// Build the module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "cmath")?;
    super::math::set_constants(vm, m)?;
    for (name, im) in [("infj", f64::INFINITY), ("nanj", f64::NAN)] {
        let z = vm.new_complex(Complex::new(0.0, im))?;
        super::set_attr(vm, m, name, z)?;
    }
    for &f in ALL {
        super::set_attr(vm, m, f.name(), Value::Native(Native::Cmath(f)))?;
    }
    Ok(m)
}

/// The one argument of a METH_O function, with CPython's wording.
fn one(args: &Args, name: &str) -> PyResult<Value> {
    let qualified = format!("cmath.{name}");
    args.no_kwargs(&qualified)?;
    match (args.pos.len(), args.get(0)) {
        (1, Some(v)) => Ok(v),
        (n, _) => Err(exc::type_error(format!(
            "{qualified}() takes exactly one argument ({n} given)"
        ))),
    }
}

/// The one complex argument of `name`.
fn complex_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Complex> {
    let v = one(args, name)?;
    vm.as_complex(v)
}

/// CPython's `math_error` for a non-zero errno.
fn check(errno: Errno) -> PyResult<()> {
    match errno {
        Errno::Ok => Ok(()),
        Errno::Dom => Err(exc::value_error("math domain error")),
        Errno::Range => Err(exc::overflow_error("math range error")),
    }
}

/// A complex result, or the error its errno names.
fn finish(vm: &mut Vm, (z, errno): Out) -> PyResult<Value> {
    check(errno)?;
    vm.new_complex(z)
}

macro_rules! unary {
    ($($fn_name:ident),* $(,)?) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let z = complex_arg(vm, &args, stringify!($fn_name))?;
                finish(vm, funcs::$fn_name(z))
            }
        )*
    };
}

unary!(
    acos, acosh, asin, asinh, atan, atanh, cos, cosh, exp, log10, sin, sinh, sqrt, tan, tanh,
);

/// `cmath.log(z[, base])`: log z / log base. Only the last `c_log` decides the error (each
/// resets errno), then a zero divisor is EDOM.
fn log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("cmath.log")?;
    args.arity("log", 1, 2)?;
    let x = vm.as_complex(args.pos[0])?;
    let (mut r, mut errno) = funcs::log(x);
    if let Some(base) = args.get(1) {
        let y = vm.as_complex(base)?;
        let (ly, e) = funcs::log(y);
        errno = e;
        match r.checked_div(ly) {
            Some(q) => r = q,
            None => {
                r = Complex::new(0.0, 0.0);
                errno = Errno::Dom;
            }
        }
    }
    finish(vm, (r, errno))
}

fn phase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = complex_arg(vm, &args, "phase")?;
    let (phi, errno) = funcs::phase(z);
    check(errno)?;
    Ok(Value::Float(phi))
}

/// `cmath.polar(z)`: `(abs(z), phase(z))`; ERANGE only when the modulus overflows (the
/// modulus resets the phase's errno).
fn polar(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = complex_arg(vm, &args, "polar")?;
    let (phi, _) = funcs::phase(z);
    let r = z
        .abs()
        .ok_or_else(|| exc::overflow_error("math range error"))?;
    vm.new_tuple(vec![Value::Float(r), Value::Float(phi)])
}

/// `cmath.rect(r, phi)`, two reals.
fn rect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("rect")?;
    let (Some(r), Some(phi), 2) = (args.get(0), args.get(1), args.pos.len()) else {
        return Err(exc::type_error(format!(
            "rect expected 2 arguments, got {}",
            args.pos.len()
        )));
    };
    let r = float_arg(vm, r)?;
    let phi = float_arg(vm, phi)?;
    finish(vm, funcs::rect(r, phi))
}

fn isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = complex_arg(vm, &args, "isfinite")?;
    Ok(Value::Bool(z.re.is_finite() && z.im.is_finite()))
}

fn isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = complex_arg(vm, &args, "isinf")?;
    Ok(Value::Bool(z.re.is_infinite() || z.im.is_infinite()))
}

fn isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = complex_arg(vm, &args, "isnan")?;
    Ok(Value::Bool(z.re.is_nan() || z.im.is_nan()))
}

/// `cmath.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`: Boost's "weak" test on the
/// modulus of the difference.
fn isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b, rel_tol, abs_tol) = isclose_args(vm, args, Vm::as_complex)?;
    if a.re == b.re && a.im == b.im {
        return Ok(Value::Bool(true));
    }
    if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        return Ok(Value::Bool(false));
    }
    // `_Py_c_abs` of finite values may overflow to inf; the comparisons still hold.
    let modulus = |z: Complex| z.re.hypot(z.im);
    let diff = modulus(a - b);
    Ok(Value::Bool(
        diff <= rel_tol * modulus(b) || diff <= rel_tol * modulus(a) || diff <= abs_tol,
    ))
}
