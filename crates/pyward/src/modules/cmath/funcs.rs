//! The complex functions of cmath, as CPython 3.11 computes them (Modules/cmathmodule.c):
//! C99 Annex G special values from `tables.rs` for non-finite arguments, and for finite ones
//! the same formulas over the platform libm (glibc's asinh through its fdlibm port), so results
//! match CPython bit for bit. Each returns the value and the `errno` CPython checks after it.

use std::f64::consts::{E, LN_2, LN_10, PI};

use super::tables::{self, Table};
use crate::modules::math::libm_port::asinh as libm_asinh;
use crate::types::complex::Complex;
use crate::types::float::ldexp;

/// The error a function reports (C `errno`), raised by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errno {
    /// No error.
    Ok,
    /// EDOM: ValueError("math domain error").
    Dom,
    /// ERANGE: OverflowError("math range error").
    Range,
}

/// A result and its errno.
pub type Out = (Complex, Errno);

/// `CM_LARGE_DOUBLE`: beyond this, formulas would overflow on the way.
const LARGE: f64 = f64::MAX / 4.0;
/// Bits of precision of a double (`DBL_MANT_DIG`).
const MANT_DIG: i64 = 53;
/// `CM_SCALE_UP`: an odd power of two that makes any subnormal normal.
const SCALE_UP: i64 = 2 * (MANT_DIG / 2) + 1;
/// `CM_SCALE_DOWN`.
const SCALE_DOWN: i64 = -(SCALE_UP + 1) / 2;

fn large_sqrt() -> f64 {
    LARGE.sqrt()
}

fn large_log() -> f64 {
    LARGE.ln()
}

fn c(re: f64, im: f64) -> Complex {
    Complex::new(re, im)
}

/// `special_type` (`ORDER SPECIAL`): -inf, negative, -0, +0, positive, +inf, NaN.
fn kind(d: f64) -> usize {
    if d.is_nan() {
        6
    } else if d.is_infinite() {
        if d > 0.0 { 5 } else { 0 }
    } else if d == 0.0 {
        if d.is_sign_positive() { 3 } else { 2 }
    } else if d > 0.0 {
        4
    } else {
        1
    }
}

/// The table entry for a non-finite argument; None when both parts are finite.
fn special(z: Complex, table: &Table) -> Option<Complex> {
    if z.re.is_finite() && z.im.is_finite() {
        return None;
    }
    let (re, im) = table
        .get(kind(z.re))
        .and_then(|row| row.get(kind(z.im)))
        .copied()
        .unwrap_or((f64::NAN, f64::NAN));
    Some(c(re, im))
}

/// `iz` turned into the argument of the hyperbolic twin, and back: f(z) = -i g(iz).
fn rotate(z: Complex, g: fn(Complex) -> Out) -> Out {
    let (s, e) = g(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

/// ERANGE when a part overflowed.
fn range_if_infinite(r: Complex) -> Errno {
    if r.re.is_infinite() || r.im.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    }
}

/// `cmath.sqrt`: s = sqrt((|x| + hypot(x, y))/2) computed with x and y scaled against
/// overflow (and subnormals scaled up), then the imaginary part y/(2s).
pub fn sqrt(z: Complex) -> Out {
    if let Some(r) = special(z, &tables::SQRT) {
        return (r, Errno::Ok);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), Errno::Ok);
    }
    let mut ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.re >= 0.0 {
        c(s, d.copysign(z.im))
    } else {
        c(d, s.copysign(z.im))
    };
    (r, Errno::Ok)
}

/// `c_log`: log|z| (rescaled for huge and subnormal moduli, through log1p near 1) and the
/// argument; EDOM at zero.
pub fn log(z: Complex) -> Out {
    if let Some(r) = special(z, &tables::LOG) {
        return (r, Errno::Ok);
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // hypot would be subnormal: scale up first.
            ldexp(ax, MANT_DIG).hypot(ldexp(ay, MANT_DIG)).ln() - (MANT_DIG as f64) * LN_2
        } else {
            return (c(f64::NEG_INFINITY, z.im.atan2(z.re)), Errno::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    (c(re, z.im.atan2(z.re)), Errno::Ok)
}

/// `cmath.log10`: `c_log` divided by ln 10.
pub fn log10(z: Complex) -> Out {
    let (r, e) = log(z);
    (c(r.re / LN_10, r.im / LN_10), e)
}

/// `_Py_log1p`: log1p keeping the sign of a zero.
fn log1p(x: f64) -> f64 {
    if x == 0.0 { x } else { x.ln_1p() }
}

/// `cmath.exp`.
pub fn exp(z: Complex) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(
                    f64::INFINITY.copysign(z.im.cos()),
                    f64::INFINITY.copysign(z.im.sin()),
                )
            } else {
                c(0.0f64.copysign(z.im.cos()), 0.0f64.copysign(z.im.sin()))
            }
        } else {
            special(z, &tables::EXP).unwrap_or(z)
        };
        let dom = z.im.is_infinite() && (z.re.is_finite() || (z.re.is_infinite() && z.re > 0.0));
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.re > large_log() {
        let l = (z.re - 1.0).exp();
        c(l * z.im.cos() * E, l * z.im.sin() * E)
    } else {
        let l = z.re.exp();
        c(l * z.im.cos(), l * z.im.sin())
    };
    (r, range_if_infinite(r))
}

/// cosh (`odd` false) and sinh (`odd` true) of `z`: cos y * f(x) + i sin y * g(x), with
/// (f, g) = (cosh, sinh) or (sinh, cosh). Non-finite arguments: an infinite real part with a
/// finite non-zero imaginary part takes its signs from cos and sin (the odd part flips for
/// -inf), the rest come from the table, and an infinite imaginary part is EDOM unless the
/// real part is a NaN. Finite ones: past `CM_LOG_LARGE_DOUBLE` the real part is stepped
/// down by one and e multiplied back, since f(x) overflows before the result does.
fn cosh_sinh(z: Complex, table: &Table, odd: bool) -> Out {
    let (f, g): (fn(f64) -> f64, fn(f64) -> f64) = if odd {
        (f64::sinh, f64::cosh)
    } else {
        (f64::cosh, f64::sinh)
    };
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let flip = if z.re < 0.0 { -1.0 } else { 1.0 };
            let (re_sign, im_sign) = if odd { (flip, 1.0) } else { (1.0, flip) };
            c(
                re_sign * f64::INFINITY.copysign(z.im.cos()),
                im_sign * f64::INFINITY.copysign(z.im.sin()),
            )
        } else {
            special(z, table).unwrap_or(z)
        };
        let dom = z.im.is_infinite() && !z.re.is_nan();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.re.abs() > large_log() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * f(x1) * E, z.im.sin() * g(x1) * E)
    } else {
        c(z.im.cos() * f(z.re), z.im.sin() * g(z.re))
    };
    (r, range_if_infinite(r))
}

/// `cmath.cosh`.
pub fn cosh(z: Complex) -> Out {
    cosh_sinh(z, &tables::COSH, false)
}

/// `cmath.sinh`.
pub fn sinh(z: Complex) -> Out {
    cosh_sinh(z, &tables::SINH, true)
}

/// `cmath.tanh`: (tanh x (1 + tan^2 y) + i tan y sech^2 x) / (1 + tanh^2 x tan^2 y), with
/// sech^2 x approximated by 4 exp(-2|x|) where cosh would overflow.
pub fn tanh(z: Complex) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0.0f64.copysign(2.0 * z.im.sin() * z.im.cos());
            c(if z.re > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            special(z, &tables::TANH).unwrap_or(z)
        };
        let dom = z.im.is_infinite() && z.re.is_finite();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.re.abs() > large_log() {
        c(
            1.0f64.copysign(z.re),
            4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp(),
        )
    } else {
        let tx = z.re.tanh();
        let ty = z.im.tan();
        let cx = 1.0 / z.re.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

/// `cmath.cos`: cosh(iz).
pub fn cos(z: Complex) -> Out {
    cosh(c(-z.im, z.re))
}

/// `cmath.sin`: -i sinh(iz).
pub fn sin(z: Complex) -> Out {
    rotate(z, sinh)
}

/// `cmath.tan`: -i tanh(iz).
pub fn tan(z: Complex) -> Out {
    rotate(z, tanh)
}

/// `cmath.acos`.
pub fn acos(z: Complex) -> Out {
    if let Some(r) = special(z, &tables::ACOS) {
        return (r, Errno::Ok);
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        // Avoid overflow for large arguments.
        let re = z.im.abs().atan2(z.re);
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0;
        let im = if z.re < 0.0 {
            -l.copysign(z.im)
        } else {
            l.copysign(-z.im)
        };
        c(re, im)
    } else {
        let s1 = sqrt(c(1.0 - z.re, -z.im)).0;
        let s2 = sqrt(c(1.0 + z.re, z.im)).0;
        c(
            2.0 * s1.re.atan2(s2.re),
            libm_asinh(s2.re * s1.im - s2.im * s1.re),
        )
    };
    (r, Errno::Ok)
}

/// `cmath.acosh`.
pub fn acosh(z: Complex) -> Out {
    if let Some(r) = special(z, &tables::ACOSH) {
        return (r, Errno::Ok);
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        c(
            (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0,
            z.im.atan2(z.re),
        )
    } else {
        let s1 = sqrt(c(z.re - 1.0, z.im)).0;
        let s2 = sqrt(c(z.re + 1.0, z.im)).0;
        c(
            libm_asinh(s1.re * s2.re + s1.im * s2.im),
            2.0 * s1.im.atan2(s2.re),
        )
    };
    (r, Errno::Ok)
}

/// `cmath.asin`: -i asinh(iz).
pub fn asin(z: Complex) -> Out {
    rotate(z, asinh)
}

/// `cmath.asinh`.
pub fn asinh(z: Complex) -> Out {
    if let Some(r) = special(z, &tables::ASINH) {
        return (r, Errno::Ok);
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0;
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        c(re, z.im.atan2(z.re.abs()))
    } else {
        let s1 = sqrt(c(1.0 + z.im, -z.re)).0;
        let s2 = sqrt(c(1.0 - z.im, z.re)).0;
        c(
            libm_asinh(s1.re * s2.im - s2.re * s1.im),
            z.im.atan2(s1.re * s2.re - s1.im * s2.im),
        )
    };
    (r, Errno::Ok)
}

/// `cmath.atan`: -i atanh(iz).
pub fn atan(z: Complex) -> Out {
    rotate(z, atanh)
}

/// `cmath.atanh`, reduced to a non-negative real part by atanh(-z) = -atanh(z); EDOM at
/// +-1.
pub fn atanh(z: Complex) -> Out {
    if let Some(r) = special(z, &tables::ATANH) {
        return (r, Errno::Ok);
    }
    if z.re < 0.0 {
        let (r, e) = atanh(-z);
        return (-r, e);
    }
    let ay = z.im.abs();
    if z.re > large_sqrt() || ay > large_sqrt() {
        // atanh(z) ~ 1/z +- i pi/2 for large |z|.
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        let re = z.re / 4.0 / h / h;
        return (c(re, -(PI / 2.0).copysign(-z.im)), Errno::Ok);
    }
    if z.re == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return (c(f64::INFINITY, z.im), Errno::Dom);
        }
        let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
        return (c(re, (2.0f64.atan2(-ay) / 2.0).copysign(z.im)), Errno::Ok);
    }
    let one_minus = 1.0 - z.re;
    let re = log1p(4.0 * z.re / (one_minus * one_minus + ay * ay)) / 4.0;
    let im = -(-2.0 * z.im).atan2(one_minus * (1.0 + z.re) - ay * ay) / 2.0;
    (c(re, im), Errno::Ok)
}

/// `c_atan2`: the phase, with C99's answers for infinities (some libms get them wrong). The
/// errno is glibc atan2's: ERANGE when a non-zero `y` over a finite `x` underflows to zero.
pub fn phase(z: Complex) -> (f64, Errno) {
    if z.re.is_nan() || z.im.is_nan() {
        return (f64::NAN, Errno::Ok);
    }
    if z.im.is_infinite() {
        if z.re.is_infinite() {
            let q = if z.re > 0.0 { 0.25 } else { 0.75 };
            return ((q * PI).copysign(z.im), Errno::Ok);
        }
        return ((0.5 * PI).copysign(z.im), Errno::Ok);
    }
    if z.re.is_infinite() || z.im == 0.0 {
        let r = if z.re.is_sign_positive() {
            0.0f64.copysign(z.im)
        } else {
            PI.copysign(z.im)
        };
        return (r, Errno::Ok);
    }
    let r = z.im.atan2(z.re);
    (r, if r == 0.0 { Errno::Range } else { Errno::Ok })
}

/// `cmath.rect(r, phi)`: r (cos phi + i sin phi), with the signs of infinities and zeros
/// C99 asks for; EDOM for a non-zero, non-NaN r with an infinite phi.
pub fn rect(r: f64, phi: f64) -> Out {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let sign = if r > 0.0 { 1.0 } else { -1.0 };
            c(
                sign * f64::INFINITY.copysign(phi.cos()),
                sign * f64::INFINITY.copysign(phi.sin()),
            )
        } else {
            let (re, im) = tables::RECT
                .get(kind(r))
                .and_then(|row| row.get(kind(phi)))
                .copied()
                .unwrap_or((f64::NAN, f64::NAN));
            c(re, im)
        };
        let dom = r != 0.0 && !r.is_nan() && phi.is_infinite();
        return (z, if dom { Errno::Dom } else { Errno::Ok });
    }
    if phi == 0.0 {
        // r * phi keeps the sign of a zero phi.
        return (c(r, r * phi), Errno::Ok);
    }
    (c(r * phi.cos(), r * phi.sin()), Errno::Ok)
}
