//! `int`: the i64 fast path's overflow promotion, and big-integer arithmetic with Python's
//! floor semantics. Results that fit in i64 always come back as `Value::Int`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::exc::{self, PyResult};
use crate::types::float::ldexp;

/// CPython's limit on decimal digits for int<->str conversion (sys.int_info.str_digits_check_threshold
/// default 4300).
pub const MAX_STR_DIGITS: usize = 4300;

/// Python `a // b` for i64 (b != 0); None on overflow (i64::MIN // -1).
pub fn floordiv(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q.checked_sub(1)
    } else {
        Some(q)
    }
}

/// Python `a % b` for i64 (b != 0).
pub fn modulo(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// Python floor division on big ints (b != 0).
pub fn big_floordiv(a: &BigInt, b: &BigInt) -> BigInt {
    a.div_floor(b)
}

/// Python modulo on big ints (b != 0).
pub fn big_mod(a: &BigInt, b: &BigInt) -> BigInt {
    a.mod_floor(b)
}

/// CPython's hash of an int: reduction modulo the Mersenne prime 2**61 - 1, sign kept,
/// -1 mapped to -2 (Objects/longobject.c long_hash).
pub fn hash_i64(v: i64) -> i64 {
    const MODULUS: u64 = (1u64 << 61) - 1;
    let m = v.unsigned_abs() % MODULUS;
    let h = if v < 0 { -(m as i64) } else { m as i64 };
    if h == -1 { -2 } else { h }
}

/// Hash of a big int, consistent with `hash_i64`.
pub fn hash_big(v: &BigInt) -> i64 {
    let modulus = BigInt::from((1u64 << 61) - 1);
    let m = (v.abs() % &modulus).to_i64().unwrap_or(0);
    let h = if v.is_negative() { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// Correctly rounded `a / b` for ints as CPython's long_true_divide; `None` when the
/// quotient overflows a float. The caller rules out `b == 0`.
pub fn true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    const MANT_DIG: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const MAX_EXP: i64 = 1024;
    let negate = a.is_negative() != b.is_negative();
    let signed = |v: f64| if negate { -v } else { v };
    if a.is_zero() {
        return Some(signed(0.0));
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        // Both exact as floats: one IEEE division rounds correctly.
        if x.unsigned_abs() <= (1u64 << 53) && y.unsigned_abs() <= (1u64 << 53) {
            return Some(x as f64 / y as f64);
        }
    }
    let (a, b) = (a.abs(), b.abs());
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > MAX_EXP {
        return None;
    }
    if diff < MIN_EXP - MANT_DIG - 1 {
        return Some(signed(0.0));
    }
    // Scale so the quotient keeps two extra bits beyond the result's precision.
    let shift = diff.max(MIN_EXP) - MANT_DIG - 2;
    let mut inexact = false;
    let x = if shift <= 0 {
        a << usize::try_from(-shift).ok()?
    } else {
        let s = usize::try_from(shift).ok()?;
        let x = &a >> s;
        inexact = (&x << s) != a;
        x
    };
    let (q, r) = x.div_rem(&b);
    inexact |= !r.is_zero();
    let q_bits = q.bits() as i64;
    let extra_bits = q_bits.max(MIN_EXP - shift) - MANT_DIG;
    let mut q = q.to_u64()?;
    if extra_bits >= 1 {
        let mask = 1u64 << (extra_bits - 1);
        let low = q | u64::from(inexact);
        if low & mask != 0 && low & (3 * mask - 1) != 0 {
            q += mask;
        }
        q &= !(2 * mask - 1);
    }
    let dx = q as f64;
    if shift + q_bits >= MAX_EXP
        && (shift + q_bits > MAX_EXP || dx == 2f64.powi(i32::try_from(q_bits).ok()?))
    {
        return None;
    }
    Some(signed(ldexp(dx, shift)))
}

/// Decimal text of an int, refusing more than CPython's 4300 digits
/// (Objects/longobject.c long_to_decimal_string_internal).
pub fn int_to_decimal(v: &BigInt) -> PyResult<String> {
    // bits * log10(2) underestimates the digit count by less than one.
    let approx = (v.bits() as f64 * std::f64::consts::LOG10_2) as usize;
    if approx > MAX_STR_DIGITS {
        return Err(exc::value_error(too_many_digits_to_str()));
    }
    let s = v.to_string();
    let digits = s.len() - usize::from(v.is_negative());
    if digits > MAX_STR_DIGITS {
        return Err(exc::value_error(too_many_digits_to_str()));
    }
    Ok(s)
}

/// `Exceeds the limit (4300 digits) for integer string conversion; use
/// sys.set_int_max_str_digits() to increase the limit` (long_to_decimal_string_internal).
#[cold]
pub fn too_many_digits_to_str() -> String {
    format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// `Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use
/// sys.set_int_max_str_digits() to increase the limit` (PyLong_FromString).
#[cold]
pub fn too_many_digits_from_str(n: usize) -> String {
    format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn true_divide_rounds_correctly_for_big_ints() {
        let p1100 = BigInt::from(1) << 1100usize;
        assert_eq!(true_divide(&p1100, &BigInt::from(1)), None);
        assert_eq!(true_divide(&BigInt::from(1), &p1100), Some(0.0));
        assert_eq!(
            true_divide(&big("12345678901234567890"), &BigInt::from(3)),
            Some(4.115_226_300_411_522_6e18)
        );
        assert_eq!(
            true_divide(&(BigInt::from(10).pow(30)), &(BigInt::from(10).pow(10))),
            Some(1e20)
        );
        // 2**53 + 1 over 1 rounds half to even.
        let n = (BigInt::from(1) << 54usize) + 2;
        assert_eq!(
            true_divide(&n, &BigInt::from(2)),
            Some(9_007_199_254_740_992.0)
        );
        assert_eq!(true_divide(&BigInt::from(0), &BigInt::from(-5)), Some(-0.0));
        // A subnormal quotient is rounded once.
        let d = BigInt::from(3) << 1074usize;
        assert_eq!(true_divide(&BigInt::from(1), &d), Some(0.0));
        assert_eq!(true_divide(&BigInt::from(2), &d), Some(5e-324));
    }

    #[test]
    fn int_to_decimal_refuses_over_4300_digits() {
        let ok = BigInt::from(10).pow(4300) - 1;
        assert!(int_to_decimal(&ok).is_ok());
        assert!(int_to_decimal(&-ok).is_ok());
        assert!(int_to_decimal(&BigInt::from(10).pow(4300)).is_err());
    }
}
