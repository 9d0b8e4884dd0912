//! The heap payload: one variant per kind of heap object.
//!
//! The heap knows only shapes: `size_bytes` (for accounting) and `trace` (for the GC). Behaviour
//! lives in the type modules and in `vm::ops`.

use std::mem::size_of;

use num_bigint::BigInt;
use serde::{Deserialize, Serialize};

use super::class::{Class, Instance, Property};
use super::complex::Complex;
use super::dict::Dict;
use super::function::{BoundMethod, CodeRt, Function};
use super::generator::{AwaitOp, Generator};
use super::iter::Iter;
use super::range::{BigRange, Range, Slice};
use super::set::Set;
use super::str::Str;
use crate::exc::ExcObj;
use crate::value::Value;

/// A module object: a name and a globals dict.
#[derive(Debug, Serialize, Deserialize)]
pub struct Module {
    /// `__name__`.
    pub name: String,
    /// The module's namespace (a dict object).
    pub dict: Value,
}

/// Which view of a dict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DictViewKind {
    /// `dict.keys()`
    Keys,
    /// `dict.values()`
    Values,
    /// `dict.items()`
    Items,
}

/// A heap object.
#[derive(Debug, Serialize, Deserialize)]
pub enum Object {
    /// A slot whose object was collected (never reachable from live values).
    Freed,
    /// `str`
    Str(Str),
    /// `bytes`
    Bytes(Vec<u8>),
    /// `bytearray`
    ByteArray(Vec<u8>),
    /// An int too large for i64.
    BigInt(BigInt),
    /// `list`
    List(Vec<Value>),
    /// `tuple`
    Tuple(Vec<Value>),
    /// `dict`
    Dict(Dict),
    /// `set`
    Set(Set),
    /// `frozenset`
    FrozenSet(Set),
    /// `range` with i64 bounds and length.
    Range(Range),
    /// `range` with bounds or length beyond i64.
    BigRange(Box<BigRange>),
    /// `slice`
    Slice(Slice),
    /// A Python function.
    Function(Box<Function>),
    /// A code object's constants and names materialised as values.
    CodeRt(Box<CodeRt>),
    /// A closure cell.
    Cell(Value),
    /// A function bound to `self`.
    BoundMethod(BoundMethod),
    /// An iterator over a builtin.
    Iter(Iter),
    /// An exception instance.
    Exception(Box<ExcObj>),
    /// A module.
    Module(Module),
    /// A dict view.
    DictView(DictViewKind, Value),
    /// A generator, coroutine or async generator.
    Generator(Box<Generator>),
    /// An awaitable over a coroutine or async generator (`__anext__()`, `aclose()`, ...).
    AwaitOp(AwaitOp),
    /// A traceback object: a view of an exception's traceback entries.
    Traceback(Value),
    /// A user class.
    Class(Box<Class>),
    /// An instance of a user class.
    Instance(Instance),
    /// `property(fget, fset, fdel)`.
    Property(Property),
    /// `staticmethod(f)`.
    StaticMethod(Value),
    /// `classmethod(f)`.
    ClassMethod(Value),
    /// `super(cls, obj)`: attribute lookup starting after `cls` in `type(obj)`'s MRO.
    Super {
        /// The class to start after.
        cls: Value,
        /// The bound object.
        obj: Value,
    },
    /// `complex`
    Complex(Complex),
}

// Heap slots stay 56 bytes: a larger payload is boxed (docs/architecture.md, heap/).
const _: () = assert!(size_of::<Object>() == 56);

impl Object {
    /// What every object is charged besides its buffers: the enum and its slot's bookkeeping.
    const BASE_SIZE: usize = size_of::<Object>() + 16;

    /// `size_bytes` of a str (for a snapshot's decoder, which knows the kind).
    #[inline(always)]
    pub(crate) fn str_size(s: &Str) -> usize {
        Object::BASE_SIZE + s.s.capacity()
    }

    /// `size_bytes` of a list or tuple.
    #[inline(always)]
    pub(crate) fn list_size(v: &Vec<Value>) -> usize {
        Object::BASE_SIZE + v.capacity() * size_of::<Value>()
    }

    /// `size_bytes` of a dict.
    #[inline(always)]
    pub(crate) fn dict_size(d: &Dict) -> usize {
        Object::BASE_SIZE + d.size_bytes()
    }

    /// Bytes this object holds: the enum itself plus owned buffers.
    pub fn size_bytes(&self) -> usize {
        let base = Object::BASE_SIZE;
        let extra = match self {
            Object::Str(s) => s.s.capacity(),
            Object::Bytes(b) | Object::ByteArray(b) => b.capacity(),
            Object::BigInt(b) => (b.bits() as usize).div_ceil(8),
            Object::List(v) | Object::Tuple(v) => v.capacity() * size_of::<Value>(),
            Object::Dict(d) => d.size_bytes(),
            Object::Set(s) | Object::FrozenSet(s) => s.size_bytes(),
            Object::Function(f) => f.size_bytes(),
            Object::CodeRt(c) => {
                // The instructions are also copied into the VM's arena (`Vm::code_ops`).
                (c.consts.len() + c.names.len()) * size_of::<Value>()
                    + c.code.ops.len() * size_of::<crate::bytecode::Op>()
            }
            Object::Iter(i) => i.size_bytes(),
            Object::Generator(g) => g.size_bytes(),
            Object::Exception(e) => e.size_bytes(),
            Object::Module(m) => m.name.len(),
            Object::Class(c) => {
                c.name.len() + c.qualname.len() + (c.mro.len() + c.bases.len()) * 16
            }
            Object::BigRange(r) => {
                let bits = r.start.bits() + r.stop.bits() + r.step.bits();
                usize::try_from(bits.div_ceil(8)).unwrap_or(usize::MAX)
            }
            Object::Freed
            | Object::Complex(_)
            | Object::Range(_)
            | Object::Slice(_)
            | Object::Cell(_)
            | Object::BoundMethod(_)
            | Object::DictView(..)
            | Object::Instance(_)
            | Object::Property(_)
            | Object::StaticMethod(_)
            | Object::ClassMethod(_)
            | Object::Super { .. }
            | Object::Traceback(_)
            | Object::AwaitOp(_) => 0,
        };
        base + extra
    }

    /// Push every value this object references.
    pub fn trace(&self, out: &mut Vec<Value>) {
        match self {
            Object::Freed
            | Object::Str(_)
            | Object::Bytes(_)
            | Object::ByteArray(_)
            | Object::BigInt(_)
            | Object::Complex(_)
            | Object::Range(_)
            | Object::BigRange(_) => {}
            Object::List(v) | Object::Tuple(v) => out.extend_from_slice(v),
            Object::Dict(d) => d.trace(out),
            Object::Set(s) | Object::FrozenSet(s) => s.trace(out),
            Object::Slice(s) => out.extend_from_slice(&[s.start, s.stop, s.step]),
            Object::Function(f) => f.trace(out),
            Object::CodeRt(c) => {
                out.extend_from_slice(&c.consts);
                out.extend_from_slice(&c.names);
            }
            Object::Cell(v) => out.push(*v),
            Object::BoundMethod(b) => out.extend_from_slice(&[b.recv, b.func]),
            Object::Iter(i) => i.trace(out),
            Object::Exception(e) => e.trace(out),
            Object::Module(m) => out.push(m.dict),
            Object::DictView(_, d) => out.push(*d),
            Object::Class(c) => c.trace(out),
            Object::Generator(g) => g.trace(out),
            Object::Traceback(e) => out.push(*e),
            Object::AwaitOp(a) => out.extend_from_slice(&[a.target, a.arg]),
            Object::Instance(i) => out.extend_from_slice(&[i.class, i.dict, i.payload]),
            Object::Property(p) => out.extend_from_slice(&[p.fget, p.fset, p.fdel]),
            Object::StaticMethod(f) | Object::ClassMethod(f) => out.push(*f),
            Object::Super { cls, obj } => out.extend_from_slice(&[*cls, *obj]),
        }
    }
}
