//! `range` operations that need the VM (Objects/rangeobject.c): construction, `len`, indexing
//! and slicing, membership, `count`/`index`, equality, hash, repr, attributes and iteration.
//!
//! Every operation has a big-int path that serves both representations; hot paths (iteration,
//! `len`, small int indexing and membership) use the i64 `Range` directly.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::exc::{self, PyResult, messages::string as smsg};
use crate::types::iter::Iter;
use crate::types::object::Object;
use crate::types::range::BigRange;
use crate::value::Value;
use crate::vm::ops::int::{from_big, to_big};
use crate::vm::{Args, Vm};

/// An int-valued search key: ints and bools, and floats with an integral value (which compare
/// equal to an element; CPython finds those by iterating with `==`).
fn search_key(vm: &Vm, v: Value) -> Option<BigInt> {
    if let Some(b) = to_big(vm, v) {
        return Some(b);
    }
    match v {
        Value::Float(f) if f.is_finite() && f.fract() == 0.0 => {
            Some(crate::builtins::float_to_big(f))
        }
        _ => None,
    }
}

/// A slice bound as a big int: None stays None; non-ints are CPython's TypeError.
fn slice_part(vm: &Vm, v: Value) -> PyResult<Option<BigInt>> {
    match v {
        Value::None => Ok(None),
        _ => to_big(vm, v)
            .map(Some)
            .ok_or_else(|| exc::type_error(smsg::slice_indices())),
    }
}

/// Clamp a slice bound against `len` (PySlice_GetLongIndices).
fn clamp_bound(
    v: Option<BigInt>,
    len: &BigInt,
    lower: &BigInt,
    upper: &BigInt,
    dflt: &BigInt,
) -> BigInt {
    match v {
        None => dflt.clone(),
        Some(mut x) => {
            if x.is_negative() {
                x += len;
                if &x < lower {
                    x = lower.clone();
                }
            } else if &x > upper {
                x = upper.clone();
            }
            x
        }
    }
}

impl Vm {
    /// A range value: the i64 form when bounds and length fit, else the big form.
    pub(crate) fn new_range(&mut self, r: BigRange) -> PyResult<Value> {
        match r.to_small() {
            Some(small) => self.alloc(Object::Range(small)),
            None => self.alloc(Object::BigRange(Box::new(r))),
        }
    }

    /// The range behind a value, with big-int bounds.
    pub(crate) fn range_of(&self, v: Value) -> Option<BigRange> {
        match self.heap.get_obj(v) {
            Some(Object::Range(r)) => Some(r.to_big()),
            Some(Object::BigRange(r)) => Some((**r).clone()),
            _ => None,
        }
    }

    /// `range(stop)` / `range(start, stop[, step])`.
    pub(crate) fn range_construct(&mut self, args: &Args) -> PyResult<Value> {
        args.no_kwargs("range")
            .map_err(|_| exc::type_error("range() takes no keyword arguments"))?;
        let mut ints = Vec::with_capacity(args.pos.len());
        for &v in &args.pos {
            match to_big(self, v) {
                Some(b) => ints.push(b),
                None => {
                    return Err(exc::type_error(smsg::not_an_integer(&self.type_name(v))));
                }
            }
        }
        let n = ints.len();
        let mut it = ints.into_iter();
        let (start, stop, step) = match (it.next(), it.next(), it.next(), n) {
            (Some(stop), None, None, 1) => (BigInt::zero(), stop, BigInt::one()),
            (Some(start), Some(stop), None, 2) => (start, stop, BigInt::one()),
            (Some(start), Some(stop), Some(step), 3) => (start, stop, step),
            (_, _, _, 0) => {
                return Err(exc::type_error("range expected at least 1 argument, got 0"));
            }
            _ => {
                return Err(exc::type_error(format!(
                    "range expected at most 3 arguments, got {n}"
                )));
            }
        };
        if step.is_zero() {
            return Err(exc::value_error("range() arg 3 must not be zero"));
        }
        self.new_range(BigRange { start, stop, step })
    }

    /// `len(r)` for a big range: OverflowError past ssize_t, as in CPython.
    pub(crate) fn big_range_len(r: &BigRange) -> PyResult<usize> {
        r.len()
            .to_i64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| exc::overflow_error(smsg::too_large_for_ssize_t()))
    }

    /// `r[key]` for an int or a slice.
    pub(crate) fn range_getitem(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        if let (Some(Object::Range(r)), Some(i)) = (self.heap.get_obj(obj), self.to_index(key)) {
            let n = r.len();
            let j = if i < 0 { i.saturating_add(n) } else { i };
            if j < 0 || j >= n {
                return Err(exc::index_error("range object index out of range"));
            }
            return Ok(Value::Int(r.get(j)));
        }
        let Some(r) = self.range_of(obj) else {
            return Err(exc::RunError::Internal("range_getitem on a non-range"));
        };
        let len = r.len();
        if let Some(Object::Slice(s)) = self.heap.get_obj(key) {
            let s = *s;
            let step = slice_part(self, s.step)?.unwrap_or_else(BigInt::one);
            if step.is_zero() {
                return Err(exc::value_error("slice step cannot be zero"));
            }
            let (lower, upper) = if step.is_negative() {
                (-BigInt::one(), &len - BigInt::one())
            } else {
                (BigInt::zero(), len.clone())
            };
            let (dstart, dstop) = if step.is_negative() {
                (upper.clone(), lower.clone())
            } else {
                (lower.clone(), upper.clone())
            };
            let start = clamp_bound(slice_part(self, s.start)?, &len, &lower, &upper, &dstart);
            let stop = clamp_bound(slice_part(self, s.stop)?, &len, &lower, &upper, &dstop);
            let sub = BigRange {
                start: r.item(&start),
                stop: r.item(&stop),
                step: &r.step * step,
            };
            return self.new_range(sub);
        }
        let Some(mut i) = to_big(self, key) else {
            return Err(exc::type_error(format!(
                "range indices must be integers or slices, not {}",
                self.type_name(key)
            )));
        };
        if i.is_negative() {
            i += &len;
        }
        if i.is_negative() || i >= len {
            return Err(exc::index_error("range object index out of range"));
        }
        from_big(self, r.item(&i))
    }

    /// `item in r`.
    pub(crate) fn range_contains(&mut self, obj: Value, item: Value) -> PyResult<bool> {
        if let (Some(Object::Range(r)), Value::Int(i)) = (self.heap.get_obj(obj), item) {
            let n = r.len();
            if n == 0 {
                return Ok(false);
            }
            let off = i128::from(i) - i128::from(r.start);
            let step = i128::from(r.step);
            return Ok(off % step == 0 && off / step >= 0 && off / step < i128::from(n));
        }
        let (Some(r), Some(k)) = (self.range_of(obj), search_key(self, item)) else {
            return Ok(false);
        };
        Ok(r.contains(&k))
    }

    /// `repr(r)`.
    pub(crate) fn range_repr(r: &BigRange) -> String {
        if r.step.is_one() {
            format!("range({}, {})", r.start, r.stop)
        } else {
            format!("range({}, {}, {})", r.start, r.stop, r.step)
        }
    }

    /// `r.start`, `r.stop`, `r.step`.
    pub(crate) fn range_attr(&mut self, obj: Value, attr: &str) -> PyResult<Option<Value>> {
        let Some(r) = self.range_of(obj) else {
            return Ok(None);
        };
        let v = match attr {
            "start" => r.start,
            "stop" => r.stop,
            "step" => r.step,
            _ => return Ok(None),
        };
        from_big(self, v).map(Some)
    }

    /// `hash(r)` (range_hash): the hash of `(len, start, step)`, with None for the parts
    /// that do not affect equality.
    pub(crate) fn range_hash(&mut self, obj: Value) -> PyResult<i64> {
        let Some(r) = self.range_of(obj) else {
            return Err(exc::RunError::Internal("range_hash on a non-range"));
        };
        let len = r.len();
        let (start, step) = if len.is_zero() {
            (Value::None, Value::None)
        } else if len.is_one() {
            (from_big(self, r.start)?, Value::None)
        } else {
            (from_big(self, r.start)?, from_big(self, r.step)?)
        };
        let len = from_big(self, len)?;
        let t = self.new_tuple(vec![len, start, step])?;
        self.temp_roots.push(t);
        let h = self.hash(t);
        self.temp_roots.pop();
        h
    }

    /// An iterator over a range, forward or reversed.
    pub(crate) fn range_iter(&mut self, obj: Value, reversed: bool) -> PyResult<Value> {
        if let Some(Object::Range(r)) = self.heap.get_obj(obj) {
            let r = *r;
            let n = r.len();
            let it = if reversed {
                let last = if n == 0 { r.start } else { r.get(n - 1) };
                Iter::Range {
                    next: last,
                    step: r.step.checked_neg().unwrap_or(i64::MAX),
                    left: n,
                }
            } else {
                Iter::Range {
                    next: r.start,
                    step: r.step,
                    left: n,
                }
            };
            return self.alloc(Object::Iter(it));
        }
        let Some(r) = self.range_of(obj) else {
            return Err(exc::RunError::Internal("range_iter on a non-range"));
        };
        let len = r.len();
        let it = if reversed {
            let last = if len.is_zero() {
                r.start.clone()
            } else {
                r.item(&(&len - BigInt::one()))
            };
            (last, -r.step, len)
        } else {
            (r.start, r.step, len)
        };
        self.alloc(Object::Iter(Iter::BigRange(Box::new(it))))
    }

    /// The next value of a big-range iterator state, advancing it.
    pub(crate) fn big_range_next(
        &mut self,
        state: &mut (BigInt, BigInt, BigInt),
    ) -> PyResult<Option<Value>> {
        if !state.2.is_positive() {
            return Ok(None);
        }
        let v = state.0.clone();
        state.0 += &state.1;
        state.2 -= 1;
        from_big(self, v).map(Some)
    }
}

/// The receiver range of a range method.
fn recv(vm: &Vm, args: &Args, name: &str) -> PyResult<(BigRange, Value)> {
    let v = args.get(0).unwrap_or(Value::None);
    match vm.range_of(v) {
        Some(r) => {
            if args.pos.len() != 2 || !args.kw.is_empty() {
                let n = args.pos.len().saturating_sub(1);
                if !args.kw.is_empty() {
                    return Err(exc::type_error(format!(
                        "range.{name}() takes no keyword arguments"
                    )));
                }
                return Err(exc::type_error(format!(
                    "range.{name}() takes exactly one argument ({n} given)"
                )));
            }
            Ok((r, args.get(1).unwrap_or(Value::None)))
        }
        None => Err(exc::type_error(format!(
            "descriptor '{name}' for 'range' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
    }
}

/// `range.count(x)`.
pub fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, x) = recv(vm, &args, "count")?;
    let found = search_key(vm, x).is_some_and(|k| r.contains(&k));
    Ok(Value::Int(i64::from(found)))
}

/// `range.index(x)`: "x is not in range" for ints, the sequence message otherwise.
pub fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, x) = recv(vm, &args, "index")?;
    if let Some(k) = search_key(vm, x) {
        if r.contains(&k) {
            let i = (k - &r.start) / &r.step;
            return from_big(vm, i);
        }
    }
    if to_big(vm, x).is_some() {
        let shown = vm.repr(x)?;
        return Err(exc::value_error(format!("{shown} is not in range")));
    }
    Err(exc::value_error("sequence.index(x): x not in sequence"))
}
