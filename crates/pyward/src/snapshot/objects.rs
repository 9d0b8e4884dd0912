//! The heap's object table, encoded by hand: the bulk of a snapshot's bytes.
//!
//! Layout: the slot count (varint), one kind byte per slot, then each live slot's payload in
//! id order. Strs, bytes, big ints, lists, tuples, dicts and cells have compact encodings of
//! their own (below); every other kind is written as its postcard-encoded `Object` (`OTHER`)
//! and checked by `validate.rs` like the rest of the state. A value is a tag byte and a
//! payload: a zigzag varint for an int, 8 raw bytes for a float, a varint id for a heap
//! object, postcard (by name) for builtin types and natives.
//!
//! Decoding reads the kind table first, so every object id in a compact payload is checked
//! (in range, a live slot) in the same pass that reads it, and those objects need no second
//! walk. Dict index tables are not stored: `Dict::restore` rebuilds them from the entries'
//! hashes. A count read from the input never reserves more elements than the bytes left
//! could encode, so a hostile length cannot cause a huge allocation.

use num_bigint::BigInt;

use super::{SnapshotError, malformed};
use crate::exc::RunError;
use crate::heap::Heap;
use crate::types::dict::{Dict, Entry};
use crate::types::object::Object;
use crate::types::str::Str;
use crate::value::{ObjId, Value};

// Slot kinds.
const FREE: u8 = 0;
const STR: u8 = 1;
const BYTES: u8 = 2;
const BYTEARRAY: u8 = 3;
const BIGINT: u8 = 4;
const LIST: u8 = 5;
const TUPLE: u8 = 6;
const DICT: u8 = 7;
const CELL: u8 = 8;
const OTHER: u8 = 9;

// Value tags.
const V_NONE: u8 = 0;
const V_FALSE: u8 = 1;
const V_TRUE: u8 = 2;
const V_INT: u8 = 3;
const V_FLOAT: u8 = 4;
const V_OBJ: u8 = 5;
/// A builtin type or native, postcard-encoded by name.
const V_NAMED: u8 = 6;
const V_NOT_IMPLEMENTED: u8 = 7;
const V_ELLIPSIS: u8 = 8;
const V_UNBOUND: u8 = 9;

/// Whether objects of this kind were fully checked while decoding (`validate.rs` skips them).
pub(super) fn checked_on_decode(obj: &Object) -> bool {
    matches!(
        kind(Some(obj)),
        STR | BYTES | BYTEARRAY | BIGINT | LIST | TUPLE | DICT | CELL
    )
}

fn kind(obj: Option<&Object>) -> u8 {
    match obj {
        None => FREE,
        Some(Object::Str(_)) => STR,
        Some(Object::Bytes(_)) => BYTES,
        Some(Object::ByteArray(_)) => BYTEARRAY,
        Some(Object::BigInt(_)) => BIGINT,
        Some(Object::List(_)) => LIST,
        Some(Object::Tuple(_)) => TUPLE,
        Some(Object::Dict(_)) => DICT,
        Some(Object::Cell(_)) => CELL,
        Some(_) => OTHER,
    }
}

/// Append the object table of `heap` to `out`.
pub(super) fn encode(heap: &Heap, out: &mut Vec<u8>) -> Result<(), SnapshotError> {
    out.reserve(estimate(heap));
    varint(out, heap.objects().len() as u64);
    out.extend(heap.objects().map(kind));
    for obj in heap.objects().flatten() {
        match obj {
            Object::Str(s) => bytes(out, s.s.as_bytes()),
            Object::Bytes(b) | Object::ByteArray(b) => bytes(out, b),
            Object::BigInt(b) => bytes(out, &b.to_signed_bytes_le()),
            Object::List(vs) | Object::Tuple(vs) => {
                varint(out, vs.len() as u64);
                for v in vs {
                    value(out, *v)?;
                }
            }
            Object::Dict(d) => dict(out, d)?,
            Object::Cell(v) => value(out, *v)?,
            other => serde_into(out, other)?,
        }
    }
    Ok(())
}

/// Roughly the encoded size, so the output is reserved once.
fn estimate(heap: &Heap) -> usize {
    let mut n = 16usize;
    for obj in heap.objects() {
        n = n.saturating_add(match obj {
            None => 1,
            Some(Object::Str(s)) => s.s.len() + 4,
            Some(Object::Bytes(b) | Object::ByteArray(b)) => b.len() + 4,
            Some(Object::BigInt(b)) => (b.bits() as usize) / 8 + 6,
            Some(Object::List(vs) | Object::Tuple(vs)) => vs.len() * 4 + 4,
            Some(Object::Dict(d)) => d.slots() * 16 + 8,
            Some(_) => 48,
        });
    }
    n
}

fn dict(out: &mut Vec<u8>, d: &Dict) -> Result<(), SnapshotError> {
    let (entries, indices, _) = d.raw_parts();
    varint(out, entries.len() as u64);
    // A table's size is a power of two (checked on load); 0 stands for no table.
    out.push(if indices.is_empty() {
        0
    } else {
        u8::try_from(indices.len().trailing_zeros()).unwrap_or(0)
    });
    varint(out, d.version());
    for e in entries {
        value(out, e.key)?;
        if !matches!(e.key, Value::Unbound) {
            out.extend_from_slice(&e.hash.to_le_bytes());
            value(out, e.value)?;
        }
    }
    Ok(())
}

#[inline(always)]
fn value(out: &mut Vec<u8>, v: Value) -> Result<(), SnapshotError> {
    match v {
        Value::None => out.push(V_NONE),
        Value::Bool(false) => out.push(V_FALSE),
        Value::Bool(true) => out.push(V_TRUE),
        Value::Int(i) => {
            out.push(V_INT);
            varint(out, ((i << 1) ^ (i >> 63)) as u64);
        }
        Value::Float(f) => {
            out.push(V_FLOAT);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Value::Obj(id) => {
            out.push(V_OBJ);
            varint(out, u64::from(id.0));
        }
        Value::Type(_) | Value::Native(_) => named(out, v)?,
        Value::NotImplemented => out.push(V_NOT_IMPLEMENTED),
        Value::Ellipsis => out.push(V_ELLIPSIS),
        Value::Unbound => out.push(V_UNBOUND),
    }
    Ok(())
}

#[cold]
fn named(out: &mut Vec<u8>, v: Value) -> Result<(), SnapshotError> {
    out.push(V_NAMED);
    serde_into(out, &v)
}

fn bytes(out: &mut Vec<u8>, b: &[u8]) {
    varint(out, b.len() as u64);
    out.extend_from_slice(b);
}

/// LEB128: seven bits a byte, low first.
#[inline(always)]
fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn serde_into<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, t: &T) -> Result<(), SnapshotError> {
    let buf = std::mem::take(out);
    *out = postcard::to_extend(t, buf).map_err(|e| malformed(format!("cannot encode: {e}")))?;
    Ok(())
}

/// Decode the object table into the heap `make` returns for its slot count; the table must end
/// exactly at the end of `input`. Objects are charged to the heap's account as they are read,
/// so a table too big for the limits stops early.
pub(super) fn decode(
    input: &[u8],
    make: impl FnOnce(usize) -> Heap,
) -> Result<Heap, SnapshotError> {
    let mut r = Reader { buf: input };
    let n = r.count(1)?;
    if u32::try_from(n).is_err() {
        return Err(malformed("too many objects"));
    }
    let kinds = r.take(n)?;
    let mut heap = make(n);
    for (i, &k) in kinds.iter().enumerate() {
        let obj = r.object(k, kinds).map_err(|e| match e {
            SnapshotError::Malformed(why) => malformed(format!("object {i}: {why}")),
            other => other,
        })?;
        heap.push_restored(obj).map_err(|e| match e {
            RunError::Limit(k) => SnapshotError::Limit(k),
            RunError::Exc(_) | RunError::Internal(_) => malformed("heap does not fit"),
        })?;
    }
    if !r.buf.is_empty() {
        return Err(malformed("trailing bytes after the state"));
    }
    Ok(heap)
}

/// A cursor over the input. The hot reads are inlined and the rare ones take the remaining
/// bytes by value, so the cursor can live in registers.
struct Reader<'a> {
    buf: &'a [u8],
}

impl<'a> Reader<'a> {
    #[inline(always)]
    fn byte(&mut self) -> Result<u8, SnapshotError> {
        let (&b, rest) = self.buf.split_first().ok_or_else(truncated)?;
        self.buf = rest;
        Ok(b)
    }

    #[inline(always)]
    fn take(&mut self, n: usize) -> Result<&'a [u8], SnapshotError> {
        let (head, rest) = self.buf.split_at_checked(n).ok_or_else(truncated)?;
        self.buf = rest;
        Ok(head)
    }

    #[inline(always)]
    fn array<const N: usize>(&mut self) -> Result<[u8; N], SnapshotError> {
        let (head, rest) = self.buf.split_first_chunk::<N>().ok_or_else(truncated)?;
        self.buf = rest;
        Ok(*head)
    }

    /// Most varints in a snapshot are one or two bytes (ids, small ints, lengths): inline.
    #[inline(always)]
    fn varint(&mut self) -> Result<u64, SnapshotError> {
        let (n, rest) = match *self.buf {
            [b, ref rest @ ..] if b < 0x80 => (u64::from(b), rest),
            [b0, b1, ref rest @ ..] if b1 < 0x80 => {
                (u64::from(b0 & 0x7f) | (u64::from(b1) << 7), rest)
            }
            _ => long_varint(self.buf)?,
        };
        self.buf = rest;
        Ok(n)
    }

    /// A count of elements each at least `min_size` bytes long: never more than the bytes
    /// left could hold, so reserving it is bounded by the input's length.
    #[inline(always)]
    fn count(&mut self, min_size: usize) -> Result<usize, SnapshotError> {
        let n = usize::try_from(self.varint()?).unwrap_or(usize::MAX);
        if n > self.buf.len() / min_size {
            return Err(truncated());
        }
        Ok(n)
    }

    /// A postcard-encoded `T` (the rare kinds).
    #[inline(always)]
    fn serde<T: serde::de::DeserializeOwned>(&mut self) -> Result<T, SnapshotError> {
        let (t, rest) = serde_from(self.buf)?;
        self.buf = rest;
        Ok(t)
    }

    #[inline(always)]
    fn object(&mut self, kind: u8, kinds: &[u8]) -> Result<Option<Object>, SnapshotError> {
        Ok(Some(match kind {
            FREE => return Ok(None),
            STR => {
                let n = self.count(1)?;
                let s = std::str::from_utf8(self.take(n)?)
                    .map_err(|_| malformed("str is not UTF-8"))?;
                Object::Str(Str::new(s.to_owned()))
            }
            BYTES => Object::Bytes(self.byte_vec()?),
            BYTEARRAY => Object::ByteArray(self.byte_vec()?),
            BIGINT => {
                let b = BigInt::from_signed_bytes_le(&self.byte_vec()?);
                // Ints that fit in i64 are always inline (`Value::Int`).
                if i64::try_from(&b).is_ok() {
                    return Err(malformed("small int stored as a big int"));
                }
                Object::BigInt(b)
            }
            LIST => Object::List(self.values(kinds)?),
            TUPLE => Object::Tuple(self.values(kinds)?),
            DICT => Object::Dict(self.dict(kinds)?),
            CELL => Object::Cell(self.slot(kinds)?),
            OTHER => {
                let obj: Object = self.serde()?;
                if matches!(obj, Object::Freed) || checked_on_decode(&obj) {
                    return Err(malformed("object of the wrong kind"));
                }
                obj
            }
            _ => return Err(malformed("bad object kind")),
        }))
    }

    #[inline(always)]
    fn byte_vec(&mut self) -> Result<Vec<u8>, SnapshotError> {
        let n = self.count(1)?;
        Ok(self.take(n)?.to_vec())
    }

    #[inline(always)]
    fn values(&mut self, kinds: &[u8]) -> Result<Vec<Value>, SnapshotError> {
        let n = self.count(1)?;
        let mut vs = Vec::with_capacity(n);
        for _ in 0..n {
            vs.push(self.value(kinds)?);
        }
        Ok(vs)
    }

    #[inline(always)]
    fn dict(&mut self, kinds: &[u8]) -> Result<Dict, SnapshotError> {
        let n = self.count(1)?;
        let bits = self.byte()?;
        let version = self.varint()?;
        let mut entries = Vec::with_capacity(n);
        let mut live = 0usize;
        for _ in 0..n {
            let key = self.slot(kinds)?;
            if matches!(key, Value::Unbound) {
                entries.push(Entry {
                    hash: 0,
                    key,
                    value: Value::Unbound,
                });
                continue;
            }
            let hash = i64::from_le_bytes(self.array::<8>()?);
            let value = self.value(kinds)?;
            entries.push(Entry { hash, key, value });
            live += 1;
        }
        Dict::restore(entries, live, bits, version)
            .ok_or_else(|| malformed("bad dict index table size"))
    }

    /// A value visible to Python: never `Unbound`.
    #[inline(always)]
    fn value(&mut self, kinds: &[u8]) -> Result<Value, SnapshotError> {
        match self.slot(kinds)? {
            Value::Unbound => Err(malformed("unbound value in a container")),
            v => Ok(v),
        }
    }

    /// A value that may be `Unbound` (an empty cell); a heap id must name a live slot.
    #[inline(always)]
    fn slot(&mut self, kinds: &[u8]) -> Result<Value, SnapshotError> {
        Ok(match self.byte()? {
            V_NONE => Value::None,
            V_FALSE => Value::Bool(false),
            V_TRUE => Value::Bool(true),
            V_INT => {
                let z = self.varint()?;
                Value::Int(((z >> 1) as i64) ^ -((z & 1) as i64))
            }
            V_FLOAT => Value::Float(f64::from_bits(u64::from_le_bytes(self.array::<8>()?))),
            V_OBJ => {
                let id = u32::try_from(self.varint()?).unwrap_or(u32::MAX);
                match kinds.get(id as usize) {
                    Some(&k) if k != FREE => Value::Obj(ObjId(id)),
                    _ => return Err(malformed("dangling object id")),
                }
            }
            V_NAMED => match self.serde()? {
                v @ (Value::Type(_) | Value::Native(_)) => v,
                _ => return Err(malformed("bad named value")),
            },
            V_NOT_IMPLEMENTED => Value::NotImplemented,
            V_ELLIPSIS => Value::Ellipsis,
            V_UNBOUND => Value::Unbound,
            _ => return Err(malformed("bad value tag")),
        })
    }
}

/// A varint of three bytes or more, and the bytes after it.
#[inline(never)]
fn long_varint(buf: &[u8]) -> Result<(u64, &[u8]), SnapshotError> {
    let mut n = 0u64;
    for (i, &b) in buf.iter().take(10).enumerate() {
        n |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            // The tenth byte may carry only the top bit.
            if i == 9 && b > 1 {
                break;
            }
            return Ok((n, buf.get(i + 1..).unwrap_or_default()));
        }
    }
    Err(malformed("bad varint"))
}

#[inline(never)]
fn serde_from<T: serde::de::DeserializeOwned>(buf: &[u8]) -> Result<(T, &[u8]), SnapshotError> {
    postcard::take_from_bytes::<T>(buf).map_err(|e| malformed(format!("cannot decode: {e}")))
}

#[cold]
fn truncated() -> SnapshotError {
    malformed("truncated object table")
}
