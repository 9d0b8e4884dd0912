//! `complex`: the value and CPython 3.11's arithmetic on it (Objects/complexobject.c).
//!
//! Pure functions on two doubles, following 3.11's algorithms step for step so results match
//! bit for bit: products by the schoolbook formula, Smith's division (`_Py_c_quot`), small
//! integer powers by repeated squaring (`c_powi`) and the rest through polar form
//! (`_Py_c_pow`), with `errno` modelled as the error each operation reports. A real operand
//! (int, float) is first widened to a complex with a +0.0 imaginary part, as 3.11's
//! `TO_COMPLEX` does. The VM side (operators, equality, `complex()`) is vm/ops/complex.rs.

use serde::{Deserialize, Serialize};

use super::float::{FloatMode, float_to_string};
use crate::vm::ops::compare::hash_float;

/// A complex number (`Py_complex`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Complex {
    /// The real part.
    pub re: f64,
    /// The imaginary part.
    pub im: f64,
}

/// Why `a ** b` failed (the errno `complex_pow` turns into an exception).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PowError {
    /// EDOM: zero to a negative or complex power (ZeroDivisionError).
    ZeroToNegative,
    /// ERANGE: an infinite part from finite operands (OverflowError).
    Overflow,
}

/// `_PyHASH_IMAG`: the multiplier of the imaginary part's hash.
const HASH_IMAG: u64 = 1_000_003;

const ONE: Complex = Complex::new(1.0, 0.0);

impl Complex {
    /// `re + im*j`.
    pub const fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    /// `_Py_c_quot`: Smith's algorithm, dividing through by the larger part of the divisor.
    /// None when the divisor is zero (EDOM).
    pub fn checked_div(self, o: Complex) -> Option<Complex> {
        let (abs_re, abs_im) = (o.re.abs(), o.im.abs());
        if abs_re >= abs_im {
            if abs_re == 0.0 {
                return None;
            }
            let ratio = o.im / o.re;
            let denom = o.re + o.im * ratio;
            Some(Complex::new(
                (self.re + self.im * ratio) / denom,
                (self.im - self.re * ratio) / denom,
            ))
        } else if abs_im >= abs_re {
            let ratio = o.re / o.im;
            let denom = o.re * ratio + o.im;
            Some(Complex::new(
                (self.re * ratio + self.im) / denom,
                (self.im * ratio - self.re) / denom,
            ))
        } else {
            // A part of the divisor is a NaN.
            Some(Complex::new(f64::NAN, f64::NAN))
        }
    }

    /// `_Py_c_abs`; None when a finite value's modulus overflows (ERANGE).
    pub fn abs(self) -> Option<f64> {
        if !self.re.is_finite() || !self.im.is_finite() {
            // C99: an infinite part wins over a NaN.
            if self.re.is_infinite() {
                return Some(self.re.abs());
            }
            if self.im.is_infinite() {
                return Some(self.im.abs());
            }
            return Some(f64::NAN);
        }
        let r = self.re.hypot(self.im);
        r.is_finite().then_some(r)
    }

    /// `complex_pow` without a modulus.
    pub fn pow(self, exp: Complex) -> Result<Complex, PowError> {
        let mut edom = false;
        let r = if exp.im == 0.0 && exp.re == exp.re.trunc() && exp.re.abs() <= 100.0 {
            // |exp.re| <= 100, so the cast is exact.
            powi(self, exp.re as i64, &mut edom)
        } else {
            c_pow(self, exp, &mut edom)
        };
        // _Py_ADJUST_ERANGE2: an infinite part is an overflow, a lost underflow is not.
        let infinite = r.re.is_infinite() || r.im.is_infinite();
        if edom {
            return Err(PowError::ZeroToNegative);
        }
        if infinite {
            return Err(PowError::Overflow);
        }
        Ok(r)
    }

    /// `complex_hash`: the real part's hash plus `_PyHASH_IMAG` times the imaginary part's,
    /// so a complex with a zero imaginary part hashes like its real part.
    pub fn hash(self) -> i64 {
        let re = hash_float(self.re) as u64;
        let im = hash_float(self.im) as u64;
        let h = re.wrapping_add(HASH_IMAG.wrapping_mul(im)) as i64;
        if h == -1 { -2 } else { h }
    }

    /// `complex_repr`: `1j`, `(1+2j)`, `(-0-0j)`; parts in repr digits without `.0`.
    pub fn repr(self) -> String {
        let im = float_to_string(self.im, FloatMode::ReprBare, 0, false, false);
        if self.re == 0.0 && self.re.is_sign_positive() {
            return format!("{im}j");
        }
        let re = float_to_string(self.re, FloatMode::ReprBare, 0, false, false);
        let sign = if im.starts_with('-') { "" } else { "+" };
        format!("({re}{sign}{im}j)")
    }
}

/// `c_powu`: `x ** n` for `n >= 0` by repeated squaring, as CPython multiplies.
fn powu(x: Complex, n: i64) -> Complex {
    let mut r = ONE;
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = r * p;
        }
        mask = mask.wrapping_shl(1);
        p = p * p;
    }
    r
}

/// `c_powi`: a negative power is the reciprocal of the positive one.
fn powi(x: Complex, n: i64, edom: &mut bool) -> Complex {
    if n > 0 {
        return powu(x, n);
    }
    match ONE.checked_div(powu(x, n.saturating_neg())) {
        Some(r) => r,
        None => {
            *edom = true;
            Complex::new(0.0, 0.0)
        }
    }
}

/// `_Py_c_pow`: through the modulus and argument. `edom` is set for zero to a negative or
/// complex power, and where glibc's cos/sin would set EDOM (an infinite phase).
fn c_pow(a: Complex, b: Complex, edom: &mut bool) -> Complex {
    if b.re == 0.0 && b.im == 0.0 {
        return ONE;
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            *edom = true;
        }
        return Complex::new(0.0, 0.0);
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    if phase.is_infinite() {
        *edom = true;
    }
    Complex::new(len * phase.cos(), len * phase.sin())
}

impl std::ops::Add for Complex {
    type Output = Complex;

    /// `_Py_c_sum`.
    fn add(self, o: Complex) -> Complex {
        Complex::new(self.re + o.re, self.im + o.im)
    }
}

impl std::ops::Sub for Complex {
    type Output = Complex;

    /// `_Py_c_diff`.
    fn sub(self, o: Complex) -> Complex {
        Complex::new(self.re - o.re, self.im - o.im)
    }
}

impl std::ops::Mul for Complex {
    type Output = Complex;

    /// `_Py_c_prod` (3.11 has no infinity recovery).
    fn mul(self, o: Complex) -> Complex {
        Complex::new(
            self.re * o.re - self.im * o.im,
            self.re * o.im + self.im * o.re,
        )
    }
}

impl std::ops::Neg for Complex {
    type Output = Complex;

    /// `_Py_c_neg`.
    fn neg(self) -> Complex {
        Complex::new(-self.re, -self.im)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(re: f64, im: f64) -> Complex {
        Complex::new(re, im)
    }

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(c(0.0, 1.0).repr(), "1j");
        assert_eq!(c(1.0, 2.0).repr(), "(1+2j)");
        assert_eq!(c(-0.0, -0.0).repr(), "(-0-0j)");
        assert_eq!(c(1.0, f64::NAN).repr(), "(1+nanj)");
        assert_eq!(c(0.0, f64::INFINITY).repr(), "infj");
        assert_eq!(c(1.5e16, -2.5e-5).repr(), "(1.5e+16-2.5e-05j)");
    }

    #[test]
    fn hash_of_a_real_complex_is_the_real_hash() {
        assert_eq!(c(1.0, 0.0).hash(), 1);
        assert_eq!(c(-1.0, 0.0).hash(), -2);
        assert_eq!(c(1.5, 2.0).hash(), 1_152_921_504_608_846_983);
    }

    #[test]
    fn division_and_powers_follow_cpython() {
        assert_eq!(c(1.0, 0.0).checked_div(c(0.0, 0.0)), None);
        assert_eq!(c(0.0, 2.0).pow(c(3.0, 0.0)), Ok(c(-0.0, -8.0)));
        assert_eq!(c(0.0, 0.0).pow(c(-1.0, 0.0)), Err(PowError::ZeroToNegative));
        assert_eq!(c(1e200, 1e200).pow(c(50.5, 0.0)), Err(PowError::Overflow));
        assert_eq!(c(1.5e308, 1.5e308).abs(), None);
    }
}
