//! The `Value`: a small `Copy` handle for every Python value.
//!
//! None, bools, small ints and floats live inline; everything else is an `ObjId` into the heap
//! arena. Builtin types and natives are inline ids too, so a run starts without allocating them.
//! `Unbound` only ever sits in local or global slots and never escapes to Python code.

use crate::builtins::Native;
use crate::types::BuiltinType;

/// Index of an object in the heap arena.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct ObjId(pub u32);

impl ObjId {
    /// The arena index as a usize.
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A Python value.
///
/// `repr(C, u64)`: an 8-byte tag and an 8-byte payload, so a copy is two aligned words.
/// With a one-byte tag rustc copied bytes 1..16 as two overlapping words, and reading them
/// back stalled store forwarding on nearly every stack push and pop (fib_recursive and
/// nbody ran 35% and 30% slower).
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
#[repr(C, u64)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in i64; larger ints are heap `BigInt`s.
    Int(i64),
    /// A float.
    Float(f64),
    /// A heap object.
    Obj(ObjId),
    /// A builtin type such as `int` or `ValueError`.
    Type(BuiltinType),
    /// A builtin function, or an unbound builtin method.
    Native(Native),
    /// `NotImplemented`.
    NotImplemented,
    /// `...`.
    Ellipsis,
    /// Marks an empty variable slot. Never visible to Python.
    Unbound,
}

// Two words: values that need more (complex numbers) live on the heap.
const _: () = assert!(std::mem::size_of::<Value>() == 16);

impl Value {
    /// Whether this is the same object (`is`).
    #[inline(always)]
    pub fn is(self, other: Value) -> bool {
        // Two heap objects (dict keys, attribute names, classes) inline; the rest out of
        // line, which keeps this small enough to inline at every key comparison.
        match (self, other) {
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => self.is_other(other),
        }
    }

    #[inline(never)]
    fn is_other(self, other: Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis)
            | (Value::Unbound, Value::Unbound) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a == b,
            (Value::Type(a), Value::Type(b)) => a == b,
            (Value::Native(a), Value::Native(b)) => a == b,
            _ => false,
        }
    }

    /// The heap id, if this is a heap object.
    #[inline]
    pub fn obj(self) -> Option<ObjId> {
        match self {
            Value::Obj(id) => Some(id),
            _ => None,
        }
    }
}

/// Copy a value out of a stack or local slot as separate tag and payload loads.
///
/// A freshly computed int, float or bool is stored as two 8-byte writes (tag, payload); a
/// plain copy reads the slot back as one 16-byte load, which cannot be forwarded from two
/// pending stores and stalls until they reach the cache (~20% of nbody's time). Matching
/// the hot variants reads each half on its own.
#[inline(always)]
#[allow(clippy::needless_match)] // the match is the point: see above
pub fn read_slot(slot: &Value) -> Value {
    match *slot {
        Value::Int(i) => Value::Int(i),
        Value::Float(f) => Value::Float(f),
        Value::Bool(b) => Value::Bool(b),
        v => v,
    }
}
