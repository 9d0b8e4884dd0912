//! `range` and `slice` payloads, and slice index arithmetic (CPython PySlice_AdjustIndices).
//!
//! A range whose bounds and length all fit in i64 is a `Range`; any other is a `BigRange`
//! (CPython's range keeps PyLongs, so `range(10**20)` is valid; only `len()` overflows). The
//! range methods and operations that need the VM are in vm/ops/range.rs.

use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

use crate::natives;
use crate::value::Value;

natives! {
    /// `range` methods.
    RangeMethod {
        Count => "count" => crate::vm::ops::range::count,
        Index => "index" => crate::vm::ops::range::index,
    }
}

/// A range with arbitrary-precision bounds; step is never zero.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BigRange {
    /// First value.
    pub start: BigInt,
    /// End (exclusive).
    pub stop: BigInt,
    /// Step (non-zero).
    pub step: BigInt,
}

impl BigRange {
    /// Number of elements (CPython compute_range_length).
    pub fn len(&self) -> BigInt {
        let (lo, hi, step) = if self.step.is_positive() {
            (&self.start, &self.stop, self.step.clone())
        } else {
            (&self.stop, &self.start, -&self.step)
        };
        if lo >= hi {
            return BigInt::zero();
        }
        (hi - lo - BigInt::one()) / step + BigInt::one()
    }

    /// Element `i` (not bounds-checked).
    pub fn item(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }

    /// Whether `x` is an element.
    pub fn contains(&self, x: &BigInt) -> bool {
        let inside = if self.step.is_positive() {
            &self.start <= x && x < &self.stop
        } else {
            &self.stop < x && x <= &self.start
        };
        inside && ((x - &self.start) % &self.step).is_zero()
    }

    /// The same range as an i64 `Range`, when its bounds and length fit.
    pub fn to_small(&self) -> Option<Range> {
        let r = Range {
            start: i64::try_from(&self.start).ok()?,
            stop: i64::try_from(&self.stop).ok()?,
            step: i64::try_from(&self.step).ok()?,
        };
        r.len_exact().map(|_| r)
    }

    /// Range equality (CPython range_equals): same length, and same first element and step
    /// where they matter.
    pub fn same_as(&self, other: &BigRange) -> bool {
        let (la, lb) = (self.len(), other.len());
        if la != lb {
            return false;
        }
        if la.is_zero() {
            return true;
        }
        if self.start != other.start {
            return false;
        }
        la.is_one() || self.step == other.step
    }
}

/// A `range(start, stop, step)`; step is never zero, and the length fits in i64.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct Range {
    /// First value.
    pub start: i64,
    /// End (exclusive).
    pub stop: i64,
    /// Step (non-zero).
    pub step: i64,
}

impl Range {
    /// The range with big-int bounds.
    pub fn to_big(self) -> BigRange {
        BigRange {
            start: BigInt::from(self.start),
            stop: BigInt::from(self.stop),
            step: BigInt::from(self.step),
        }
    }

    /// Number of elements, if it fits in i64.
    pub fn len_exact(&self) -> Option<i64> {
        let (lo, hi, step) = (
            i128::from(self.start),
            i128::from(self.stop),
            i128::from(self.step),
        );
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        i64::try_from(n).ok()
    }

    /// Number of elements.
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (
            i128::from(self.start),
            i128::from(self.stop),
            i128::from(self.step),
        );
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        i64::try_from(n).unwrap_or(i64::MAX)
    }

    /// Whether the range is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Element `i` (0 <= i < len).
    pub fn get(&self, i: i64) -> i64 {
        self.start.wrapping_add(i.wrapping_mul(self.step))
    }
}

/// A `slice(start, stop, step)` of arbitrary values.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct Slice {
    /// Start.
    pub start: Value,
    /// Stop.
    pub stop: Value,
    /// Step.
    pub step: Value,
}

/// Resolve slice bounds against a sequence length: (start, stop, step, count), as CPython's
/// `PySlice_AdjustIndices` (stop is not moved to start when the slice is empty).
pub fn adjust_indices(
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
    len: i64,
) -> (i64, i64, i64, i64) {
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let (s, e);
    if step > 0 {
        s = start.map_or(0, |v| {
            if v < 0 {
                clamp(v + len, 0, len)
            } else {
                v.min(len)
            }
        });
        e = stop.map_or(len, |v| {
            if v < 0 {
                clamp(v + len, 0, len)
            } else {
                v.min(len)
            }
        });
        let n = if e > s { (e - s - 1) / step + 1 } else { 0 };
        (s, e, step, n)
    } else {
        s = start.map_or(len - 1, |v| {
            if v < 0 {
                clamp(v + len, -1, len - 1)
            } else {
                v.min(len - 1)
            }
        });
        e = stop.map_or(-1, |v| {
            if v < 0 {
                clamp(v + len, -1, len - 1)
            } else {
                v.min(len - 1)
            }
        });
        let n = if s > e {
            (s - e - 1) / step.saturating_neg() + 1
        } else {
            0
        };
        (s, e, step, n)
    }
}
