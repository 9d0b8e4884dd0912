//! `int`: the i64 fast path's overflow promotion, and big-integer arithmetic with Python's
//! floor semantics. Results that fit in i64 always come back as `Value::Int`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

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

/// Correctly rounded `a / b` for ints (b != 0) as CPython's long_true_divide: exact when both
/// fit in 53 bits, otherwise via big-integer scaling.
pub fn true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() < (1u64 << 53) && y.unsigned_abs() < (1u64 << 53) {
            return Some(x as f64 / y as f64);
        }
    }
    if b.is_zero() {
        return None;
    }
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    // Scale so the quotient has 55+ significant bits, then round half to even.
    let shift = 55i64 - (a.bits() as i64 - b.bits() as i64);
    let (n, d) = if shift > 0 {
        (a << shift as usize, b.clone())
    } else {
        (a.clone(), b << (-shift) as usize)
    };
    let (q, r) = n.div_rem(&d);
    let mut q = q;
    // Sticky bit for correct rounding of the f64 conversion.
    if !r.is_zero() {
        q = (q << 1usize) | BigInt::from(1);
    } else {
        q <<= 1usize;
    }
    let qf = q.to_f64()?;
    let exp = i32::try_from(-shift - 1).ok()?;
    let v = qf * 2f64.powi(exp.clamp(-1074, 1023));
    let v = if !(-1074..=1023).contains(&exp) {
        qf * 2f64.powf(f64::from(exp))
    } else {
        v
    };
    if v.is_infinite() {
        return None;
    }
    Some(if neg { -v } else { v })
}
