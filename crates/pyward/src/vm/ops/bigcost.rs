//! Cost estimates for big-integer operations, checked against the time budget before they run.
//!
//! One num-bigint multiplication or power can take minutes and cannot be interrupted, so the
//! VM estimates its cost from the operands' sizes first and refuses with the duration limit
//! when the estimate exceeds the time left. Cheap operations only add to a running total that
//! triggers a clock check every millisecond of estimated work, so a loop of medium-sized
//! operations between two instruction ticks cannot outrun the deadline either.
//!
//! The model was measured on num-bigint 0.4.8 (release build): a balanced product of `n`
//! 64-bit limbs takes about `12 * n^1.465` ns (Toom-3), schoolbook about 1 ns per limb pair,
//! a `2n / n` division about 2.3 balanced products, and `x ** e` about 2 balanced products of
//! half the result's size. The constants below are rounded up.

use crate::exc::{PyResult, RunError};
use crate::heap::LimitKind;
use crate::vm::Vm;

/// Nanoseconds per `n^1.465` for a balanced product of `n` limbs.
const TOOM_NS: f64 = 14.0;
/// Nanoseconds per limb pair of schoolbook multiplication.
const SCHOOL_NS: f64 = 1.2;
/// Limb count below which num-bigint multiplies by schoolbook.
const SCHOOL_LIMBS: f64 = 32.0;
/// Estimated work below which no clock check is made for the operation itself.
const CHEAP_NS: f64 = 1_000_000.0;

fn limbs(bits: u64) -> f64 {
    (bits as f64 / 64.0).ceil().max(1.0)
}

/// Estimated nanoseconds for `a * b` with operands of these bit lengths.
pub fn mul_ns(a_bits: u64, b_bits: u64) -> f64 {
    let (a, b) = (limbs(a_bits), limbs(b_bits));
    let (s, l) = if a < b { (a, b) } else { (b, a) };
    if s <= SCHOOL_LIMBS {
        return SCHOOL_NS * s * l;
    }
    (l / s).ceil() * TOOM_NS * s.powf(1.465)
}

/// Estimated nanoseconds for `a // b`, `a % b` or `divmod(a, b)`.
pub fn div_ns(a_bits: u64, b_bits: u64) -> f64 {
    if a_bits < b_bits {
        return limbs(a_bits);
    }
    let q_bits = a_bits - b_bits + 64;
    3.0 * mul_ns(q_bits, b_bits) + 8.0 * limbs(a_bits)
}

/// Estimated nanoseconds for `x ** e` with a base of `base_bits` and a result of
/// `result_bits`: the squarings plus the multiplications by the base.
pub fn pow_ns(base_bits: u64, result_bits: u64) -> f64 {
    2.5 * mul_ns(result_bits / 2, result_bits / 2) + 2.0 * mul_ns(base_bits, result_bits)
}

/// Estimated nanoseconds for `pow(x, e, m)`: two products and a reduction per exponent bit.
pub fn modpow_ns(exp_bits: u64, mod_bits: u64) -> f64 {
    let step = 2.0 * mul_ns(mod_bits, mod_bits) + div_ns(mod_bits.saturating_mul(2), mod_bits);
    // Plus the extended Euclid of a negative exponent's inverse: about one limb pass per bit.
    exp_bits as f64 * step + 4.0 * mod_bits as f64 * limbs(mod_bits)
}

impl Vm {
    /// Account for `ns` of estimated native work about to be done: refuse it with the
    /// duration limit when it cannot finish before the deadline.
    pub(crate) fn charge_native_ns(&mut self, ns: f64) -> PyResult<()> {
        if ns < CHEAP_NS {
            self.native_cost_ns += ns;
            if self.native_cost_ns < CHEAP_NS {
                return Ok(());
            }
            self.native_cost_ns = 0.0;
            return self.check_deadline();
        }
        self.native_cost_ns = 0.0;
        match self.nanos_left() {
            Some(0) => Err(RunError::Limit(LimitKind::Duration)),
            Some(left) if ns > left as f64 => Err(RunError::Limit(LimitKind::Duration)),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_grow_with_size() {
        assert!(mul_ns(64, 64) < 100.0);
        assert!(mul_ns(1 << 20, 1 << 20) > mul_ns(1 << 19, 1 << 20));
        // 3 ** 10**8: about 1.6e8 bits, far more than a second.
        assert!(pow_ns(2, 158_496_250) > 1e9);
        assert!(div_ns(1 << 24, 1 << 23) > mul_ns(1 << 23, 1 << 23));
        assert!(div_ns(10, 1000) < 10.0);
        assert!(modpow_ns(1 << 16, 1 << 16) > 1e9);
    }
}
