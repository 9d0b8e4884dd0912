//! Iterators over builtin objects, and the builtin iterator adaptors (enumerate, zip, map,
//! filter, reversed). Advancing them is `vm::ops::iter::next`, which may call back into Python.

use crate::value::Value;

/// A builtin iterator's state.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum Iter {
    /// Over a list or tuple by index (lists may grow while iterated, as in CPython).
    Seq {
        /// The list or tuple.
        seq: Value,
        /// Next index.
        idx: usize,
    },
    /// Over a str, by byte offset of the next char.
    Str {
        /// The str.
        s: Value,
        /// Byte offset of the next char.
        pos: usize,
    },
    /// Over bytes/bytearray.
    Bytes {
        /// The bytes object.
        b: Value,
        /// Next index.
        idx: usize,
    },
    /// Over a range.
    Range {
        /// Next value.
        next: i64,
        /// Step.
        step: i64,
        /// Values left.
        left: i64,
    },
    /// Over a range with big-int bounds: (next, step, values left).
    BigRange(Box<(num_bigint::BigInt, num_bigint::BigInt, num_bigint::BigInt)>),
    /// Over a dict's keys, values or items, by entry position.
    Dict {
        /// The dict.
        dict: Value,
        /// Next entry position.
        pos: usize,
        /// Length when iteration started (a change is an error).
        len: usize,
        /// 0 keys, 1 values, 2 items.
        kind: u8,
    },
    /// Over a set by table position.
    Set {
        /// The set.
        set: Value,
        /// Next table position.
        pos: usize,
        /// Length when iteration started.
        len: usize,
    },
    /// `enumerate(it, start)`.
    Enumerate {
        /// The underlying iterator.
        it: Value,
        /// Next count.
        count: i64,
    },
    /// `zip(*its, strict=...)`.
    Zip {
        /// The underlying iterators.
        its: Vec<Value>,
        /// Whether unequal lengths are an error.
        strict: bool,
    },
    /// `map(func, *its)`.
    Map {
        /// The function.
        func: Value,
        /// The underlying iterators.
        its: Vec<Value>,
    },
    /// `filter(func, it)`.
    Filter {
        /// The predicate, or None for truthiness.
        func: Value,
        /// The underlying iterator.
        it: Value,
    },
    /// `reversed(seq)` over a list, tuple, str or range by index.
    Reversed {
        /// The sequence.
        seq: Value,
        /// Index of the next element plus one (0 when done).
        idx: usize,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        /// The callable.
        func: Value,
        /// Stop when the call returns this.
        sentinel: Value,
    },
    /// The old sequence protocol: `obj[0]`, `obj[1]`, ... until IndexError.
    GetItem {
        /// The object.
        obj: Value,
        /// Next index.
        idx: usize,
    },
    /// A finished iterator.
    Done,
}

impl Iter {
    /// Bytes held beyond the header.
    pub fn size_bytes(&self) -> usize {
        match self {
            Iter::Zip { its, .. } | Iter::Map { its, .. } => its.capacity() * 16,
            _ => 0,
        }
    }

    /// Values kept alive.
    pub fn trace(&self, out: &mut Vec<Value>) {
        match self {
            Iter::Seq { seq, .. } | Iter::Reversed { seq, .. } => out.push(*seq),
            Iter::Str { s, .. } => out.push(*s),
            Iter::Bytes { b, .. } => out.push(*b),
            Iter::Range { .. } | Iter::BigRange(_) | Iter::Done => {}
            Iter::Dict { dict, .. } => out.push(*dict),
            Iter::Set { set, .. } => out.push(*set),
            Iter::Enumerate { it, .. } => out.push(*it),
            Iter::Zip { its, .. } => out.extend_from_slice(its),
            Iter::Map { func, its } => {
                out.push(*func);
                out.extend_from_slice(its);
            }
            Iter::Filter { func, it } => out.extend_from_slice(&[*func, *it]),
            Iter::Callable { func, sentinel } => out.extend_from_slice(&[*func, *sentinel]),
            Iter::GetItem { obj, .. } => out.push(*obj),
        }
    }
}
