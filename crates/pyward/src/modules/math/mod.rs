//! `math`: CPython 3.11's math module (Modules/mathmodule.c), with its error behaviour.
//!
//! Float functions follow CPython's `math_1`/`math_2` wrappers: a NaN result from a non-NaN
//! argument is "math domain error" (ValueError); an infinite result from a finite argument
//! is "math range error" (OverflowError) for functions that can overflow. Integer functions
//! (gcd, factorial, comb, ...) live in `intfn.rs`; gamma, lgamma, fsum and the vector norm
//! in `special.rs`.

mod intfn;
pub(crate) mod libm_port;
mod special;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

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
        Trunc => "trunc" => trunc,
        Exp => "exp" => exp,
        Exp2 => "exp2" => exp2,
        Expm1 => "expm1" => expm1,
        Log => "log" => log,
        Log2 => "log2" => log2,
        Log10 => "log10" => log10,
        Log1p => "log1p" => log1p,
        Sin => "sin" => sin,
        Cos => "cos" => cos,
        Tan => "tan" => tan,
        Asin => "asin" => asin,
        Acos => "acos" => acos,
        Atan => "atan" => atan,
        Sinh => "sinh" => sinh,
        Cosh => "cosh" => cosh,
        Tanh => "tanh" => tanh,
        Asinh => "asinh" => asinh,
        Acosh => "acosh" => acosh,
        Atanh => "atanh" => atanh,
        Atan2 => "atan2" => atan2,
        Fabs => "fabs" => fabs,
        Cbrt => "cbrt" => cbrt,
        Erf => "erf" => erf,
        Erfc => "erfc" => erfc,
        Gamma => "gamma" => special::gamma,
        Lgamma => "lgamma" => special::lgamma,
        Pow => "pow" => pow,
        Fmod => "fmod" => fmod,
        Remainder => "remainder" => remainder,
        Copysign => "copysign" => copysign,
        Hypot => "hypot" => special::hypot,
        Dist => "dist" => special::dist,
        Fsum => "fsum" => special::fsum,
        Degrees => "degrees" => degrees,
        Radians => "radians" => radians,
        Modf => "modf" => modf,
        Frexp => "frexp" => frexp,
        Ldexp => "ldexp" => ldexp,
        Isfinite => "isfinite" => isfinite,
        Isinf => "isinf" => isinf,
        Isnan => "isnan" => isnan,
        Isclose => "isclose" => isclose,
        Nextafter => "nextafter" => nextafter,
        Ulp => "ulp" => ulp,
        Gcd => "gcd" => intfn::gcd,
        Lcm => "lcm" => intfn::lcm,
        Factorial => "factorial" => intfn::factorial,
        Comb => "comb" => intfn::comb,
        Perm => "perm" => intfn::perm,
        Isqrt => "isqrt" => intfn::isqrt,
        Prod => "prod" => intfn::prod,
    }
}

/// Every function, for module creation.
const ALL: &[MathFn] = &[
    MathFn::Sqrt,
    MathFn::Floor,
    MathFn::Ceil,
    MathFn::Trunc,
    MathFn::Exp,
    MathFn::Exp2,
    MathFn::Expm1,
    MathFn::Log,
    MathFn::Log2,
    MathFn::Log10,
    MathFn::Log1p,
    MathFn::Sin,
    MathFn::Cos,
    MathFn::Tan,
    MathFn::Asin,
    MathFn::Acos,
    MathFn::Atan,
    MathFn::Sinh,
    MathFn::Cosh,
    MathFn::Tanh,
    MathFn::Asinh,
    MathFn::Acosh,
    MathFn::Atanh,
    MathFn::Atan2,
    MathFn::Fabs,
    MathFn::Cbrt,
    MathFn::Erf,
    MathFn::Erfc,
    MathFn::Gamma,
    MathFn::Lgamma,
    MathFn::Pow,
    MathFn::Fmod,
    MathFn::Remainder,
    MathFn::Copysign,
    MathFn::Hypot,
    MathFn::Dist,
    MathFn::Fsum,
    MathFn::Degrees,
    MathFn::Radians,
    MathFn::Modf,
    MathFn::Frexp,
    MathFn::Ldexp,
    MathFn::Isfinite,
    MathFn::Isinf,
    MathFn::Isnan,
    MathFn::Isclose,
    MathFn::Nextafter,
    MathFn::Ulp,
    MathFn::Gcd,
    MathFn::Lcm,
    MathFn::Factorial,
    MathFn::Comb,
    MathFn::Perm,
    MathFn::Isqrt,
    MathFn::Prod,
];

/// Build the module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "math")?;
    set_constants(vm, m)?;
    for &f in ALL {
        super::set_attr(
            vm,
            m,
            f.name(),
            Value::Native(crate::builtins::Native::Math(f)),
        )?;
    }
    Ok(m)
}

/// `pi`, `e`, `tau`, `inf` and `nan` on module `m` (math's and cmath's).
pub(crate) fn set_constants(vm: &mut Vm, m: Value) -> PyResult<()> {
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        super::set_attr(vm, m, name, Value::Float(v))?;
    }
    Ok(())
}

/// The argument as a float (ints converted, `__float__`/`__index__` honoured), or CPython's
/// "must be real number" error.
pub(crate) fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    // An instance of a float subclass is its value.
    let v = match vm.builtin_view(v) {
        f @ Value::Float(_) => f,
        _ => v,
    };
    match v {
        Value::Float(f) => Ok(f),
        _ => match to_big(vm, v) {
            Some(b) => crate::vm::ops::arith::int_to_f64(&b),
            None => {
                if vm.is_user_instance(v) {
                    if let Some(r) = vm.call_dunder(v, "__float__", &[])? {
                        if let Value::Float(f) = r {
                            return Ok(f);
                        }
                        return Err(exc::type_error(format!(
                            "{}.__float__ returned non-float (type {})",
                            vm.type_name(v),
                            vm.type_name(r)
                        )));
                    }
                    if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
                        if let Some(b) = to_big(vm, r) {
                            return crate::vm::ops::arith::int_to_f64(&b);
                        }
                    }
                }
                Err(exc::type_error(format!(
                    "must be real number, not {}",
                    vm.type_name(v)
                )))
            }
        },
    }
}

/// The argument as an int (`__index__` honoured), or "'X' object cannot be interpreted as an
/// integer".
pub(crate) fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(b) = to_big(vm, v) {
        return Ok(b);
    }
    if vm.is_user_instance(v) {
        if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
            if let Some(b) = to_big(vm, r) {
                return Ok(b);
            }
            return Err(exc::type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(r)
            )));
        }
    }
    Err(exc::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    )))
}

fn domain() -> exc::RunError {
    exc::value_error("math domain error")
}

fn range() -> exc::RunError {
    exc::overflow_error("math range error")
}

/// One positional argument, with CPython's METH_O wording.
fn one(args: &Args, name: &str) -> PyResult<Value> {
    args.no_kwargs(&format!("math.{name}"))?;
    match (args.pos.len(), args.get(0)) {
        (1, Some(v)) => Ok(v),
        (n, _) => Err(exc::type_error(format!(
            "math.{name}() takes exactly one argument ({n} given)"
        ))),
    }
}

/// Two positional arguments, with CPython's "f expected 2 arguments, got n" wording.
fn two(args: &Args, name: &str) -> PyResult<(Value, Value)> {
    args.no_kwargs(name)?;
    match (args.pos.len(), args.get(0), args.get(1)) {
        (2, Some(a), Some(b)) => Ok((a, b)),
        (n, ..) => Err(exc::type_error(format!(
            "{name} expected 2 arguments, got {n}"
        ))),
    }
}

/// CPython's `math_1`: apply `f`, mapping NaN-from-non-NaN and inf-from-finite to errors.
fn math_1(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = float_arg(vm, one(args, name)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(Value::Float(r))
}

/// CPython's `math_2`.
fn math_2(vm: &mut Vm, args: &Args, name: &str, f: fn(f64, f64) -> f64) -> PyResult<Value> {
    let (a, b) = two(args, name)?;
    let x = float_arg(vm, a)?;
    let y = float_arg(vm, b)?;
    let r = f(x, y);
    if r.is_nan() {
        if !x.is_nan() && !y.is_nan() {
            return Err(domain());
        }
    } else if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($($fn_name:ident => $f:expr, $overflow:expr;)*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
                math_1(vm, &args, stringify!($fn_name), $f, $overflow)
            }
        )*
    };
}

unary! {
    exp => f64::exp, true;
    exp2 => f64::exp2, true;
    expm1 => f64::exp_m1, true;
    log1p => log1p_c, false;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    asinh => libm_port::asinh, false;
    acosh => libm_port::acosh, false;
    atanh => f64::atanh, false;
    fabs => f64::abs, false;
    cbrt => libm_port::cbrt, false;
    erf => libm_port::erf, false;
    erfc => libm_port::erfc, false;
}

/// log1p with C99 semantics at -1 (-inf) and below (NaN).
fn log1p_c(x: f64) -> f64 {
    if x == -1.0 {
        f64::NEG_INFINITY
    } else {
        x.ln_1p()
    }
}

fn sqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    math_1(vm, &args, "sqrt", f64::sqrt, false)
}

fn round_to_int(vm: &mut Vm, args: &Args, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let v = one(args, name)?;
    if to_big(vm, v).is_some() {
        return Ok(match v {
            Value::Bool(b) => Value::Int(i64::from(b)),
            _ => v,
        });
    }
    if vm.is_user_instance(v) {
        if let Some(r) = vm.call_dunder(v, &format!("__{name}__"), &[])? {
            return Ok(r);
        }
    }
    let x = float_arg(vm, v)?;
    float_to_int(vm, f(x))
}

/// A float's integer value as an int, with CPython's errors for NaN and infinities.
pub(crate) fn float_to_int(vm: &mut Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(exc::value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(exc::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    crate::vm::ops::int::from_big(vm, crate::builtins::float_to_big(x.trunc()))
}

fn floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    round_to_int(vm, &args, "floor", f64::floor)
}

fn ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    round_to_int(vm, &args, "ceil", f64::ceil)
}

fn trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one(&args, "trunc")?;
    match v {
        Value::Float(x) => float_to_int(vm, x),
        _ if to_big(vm, v).is_some() => Ok(match v {
            Value::Bool(b) => Value::Int(i64::from(b)),
            _ => v,
        }),
        _ => {
            if vm.is_user_instance(v) {
                if let Some(r) = vm.call_dunder(v, "__trunc__", &[])? {
                    return Ok(r);
                }
            }
            Err(exc::type_error(format!(
                "type {} doesn't define __trunc__ method",
                vm.type_name(v)
            )))
        }
    }
}

/// CPython's `loghelper`: ints too large for a float are logged via their binary exponent.
fn loghelper(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(b) = to_big(vm, v) {
        if !b.is_positive() {
            return Err(domain());
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        // x = m * 2**e with m in [0.5, 1): keep the top 64 bits.
        let bits = b.bits();
        let shift = bits.saturating_sub(64);
        let top: BigInt = &b >> shift;
        let m = top.to_f64().unwrap_or(0.0);
        let e = i64::try_from(shift).unwrap_or(i64::MAX);
        return Ok(f(m) + f(2.0) * e as f64);
    }
    let x = float_arg(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(f(x))
}

fn log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("log")?;
    if args.pos.is_empty() || args.pos.len() > 2 {
        return Err(exc::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(vm, args.pos[0], f64::ln)?;
    match args.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = loghelper(vm, b, f64::ln)?;
            if den == 0.0 {
                return Err(exc::zero_division_error("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one(&args, "log2")?;
    loghelper(vm, v, f64::log2).map(Value::Float)
}

fn log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one(&args, "log10")?;
    loghelper(vm, v, f64::log10).map(Value::Float)
}

fn atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    math_2(vm, &args, "atan2", f64::atan2)
}

fn copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    math_2(vm, &args, "copysign", f64::copysign)
}

fn remainder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    math_2(vm, &args, "remainder", m_remainder)
}

/// IEEE 754 remainder (CPython's `m_remainder`).
fn m_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(&args, "fmod")?;
    let x = float_arg(vm, a)?;
    let y = float_arg(vm, b)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(r))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(&args, "pow")?;
    let x = float_arg(vm, a)?;
    let y = float_arg(vm, b)?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain());
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain() } else { range() });
        }
        r
    };
    Ok(Value::Float(r))
}

fn degrees(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, one(&args, "degrees")?)?;
    Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, one(&args, "radians")?)?;
    Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
}

fn modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, one(&args, "modf")?)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let i = x.trunc();
        ((x - i).copysign(x), i)
    };
    vm.new_tuple(vec![Value::Float(frac), Value::Float(int)])
}

/// C's frexp: x = m * 2**e with 0.5 <= |m| < 1 (m = x for zero, inf and NaN).
pub(crate) fn frexp_f(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp_f(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// C's ldexp with correct rounding of subnormal results.
pub(crate) fn ldexp_f(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, xe) = frexp_f(x);
    let t = i64::from(xe).saturating_add(e);
    if t > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if t >= -1021 {
        // m * 2**t in two exact steps (2**1024 is not a float).
        let half = t / 2;
        return m * 2f64.powi(half as i32) * 2f64.powi((t - half) as i32);
    }
    let shift = -1021 - t;
    if shift > 60 {
        return 0.0f64.copysign(x);
    }
    // m * 2**-1021 is normal and exact; the division rounds once.
    (m * 2f64.powi(-1021)) / 2f64.powi(shift as i32)
}

fn frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, one(&args, "frexp")?)?;
    let (m, e) = frexp_f(x);
    vm.new_tuple(vec![Value::Float(m), Value::Int(i64::from(e))])
}

fn ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(&args, "ldexp")?;
    let x = float_arg(vm, a)?;
    let Some(e) = to_big(vm, b) else {
        return Err(exc::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let e = match e.to_i64() {
        Some(e) if e <= i64::from(i32::MAX) && e >= i64::from(i32::MIN) => e,
        _ if e.is_positive() => return Err(range()),
        _ => return Ok(Value::Float(0.0f64.copysign(x))),
    };
    let r = ldexp_f(x, e);
    if r.is_infinite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, one(&args, "isfinite")?)?;
    Ok(Value::Bool(x.is_finite()))
}

fn isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, one(&args, "isinf")?)?;
    Ok(Value::Bool(x.is_infinite()))
}

fn isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, one(&args, "isnan")?)?;
    Ok(Value::Bool(x.is_nan()))
}

fn isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b, rel_tol, abs_tol) = isclose_args(vm, args, float_arg)?;
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

/// The arguments of `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)` (math's and cmath's):
/// `a` and `b` through `conv`, then the tolerances as floats, which must not be negative.
pub(crate) fn isclose_args<T>(
    vm: &mut Vm,
    mut args: Args,
    conv: fn(&mut Vm, Value) -> PyResult<T>,
) -> PyResult<(T, T, f64, f64)> {
    let rel = args.take_kw("rel_tol");
    let abs = args.take_kw("abs_tol");
    let a_kw = args.take_kw("a");
    let b_kw = args.take_kw("b");
    if let Some((k, _)) = args.kw.first() {
        return Err(exc::type_error(format!(
            "'{k}' is an invalid keyword argument for isclose()"
        )));
    }
    if args.pos.len() > 2 {
        return Err(exc::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.pos.len()
        )));
    }
    let Some(a) = args.get(0).or(a_kw) else {
        return Err(exc::type_error(
            "isclose() missing required argument 'a' (pos 1)",
        ));
    };
    let Some(b) = args.get(1).or(b_kw) else {
        return Err(exc::type_error(
            "isclose() missing required argument 'b' (pos 2)",
        ));
    };
    let a = conv(vm, a)?;
    let b = conv(vm, b)?;
    let rel_tol = match rel {
        Some(v) => float_arg(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match abs {
        Some(v) => float_arg(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(exc::value_error("tolerances must be non-negative"));
    }
    Ok((a, b, rel_tol, abs_tol))
}

/// C's nextafter.
pub(crate) fn nextafter_f(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn nextafter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(&args, "nextafter")?;
    let x = float_arg(vm, a)?;
    let y = float_arg(vm, b)?;
    Ok(Value::Float(nextafter_f(x, y)))
}

fn ulp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, one(&args, "ulp")?)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = nextafter_f(x, f64::INFINITY);
    if x2.is_infinite() {
        return Ok(Value::Float(x - nextafter_f(x, f64::NEG_INFINITY)));
    }
    Ok(Value::Float(x2 - x))
}
