//! `range` and `slice` payloads, and slice index arithmetic (CPython PySlice_AdjustIndices).

use crate::value::Value;

/// A `range(start, stop, step)`; step is never zero.
#[derive(Clone, Copy, Debug)]
pub struct Range {
    /// First value.
    pub start: i64,
    /// End (exclusive).
    pub stop: i64,
    /// Step (non-zero).
    pub step: i64,
}

impl Range {
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
#[derive(Clone, Copy, Debug)]
pub struct Slice {
    /// Start.
    pub start: Value,
    /// Stop.
    pub stop: Value,
    /// Step.
    pub step: Value,
}

/// Resolve slice bounds against a sequence length: (start, stop, step, count).
pub fn adjust_indices(
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
    len: i64,
) -> (i64, i64, i64, i64) {
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let (mut s, mut e);
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
        if e < s {
            e = s;
        }
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
        if e > s {
            e = s;
        }
        let n = if s > e { (s - e - 1) / (-step) + 1 } else { 0 };
        let _ = &mut s;
        (s, e, step, n)
    }
}
