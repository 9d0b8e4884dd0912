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
//! walk. Dict index tables are not stored: `Dict::finish_restore` rebuilds them from the entries'
//! hashes. A count read from the input never reserves more elements than the bytes left
//! could encode, so a hostile length cannot cause a huge allocation.

use num_bigint::BigInt;

use super::{SnapshotError, malformed};
use crate::exc::RunError;
use crate::heap::{Heap, Shell};
use crate::types::dict::{Dict, Entry};
use crate::types::object::Object;
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
pub(super) fn encode(heap: &Heap, out: Vec<u8>) -> Result<Vec<u8>, SnapshotError> {
    let n = heap.objects().len();
    let mut w = Writer::new(out, n.saturating_add(16));
    w.varint(n as u64);
    // One pass over the slots writes the kind table and sizes the payloads, so the output
    // grows once.
    let mut payload = 16usize;
    for obj in heap.objects() {
        w.byte(kind(obj));
        payload = payload.saturating_add(size_hint(obj));
    }
    w.room(payload);
    for obj in heap.objects().flatten() {
        match obj {
            Object::Str(s) => w.bytes(s.s.as_bytes()),
            Object::Bytes(b) | Object::ByteArray(b) => w.bytes(b),
            Object::BigInt(b) => w.bytes(&b.to_signed_bytes_le()),
            Object::List(vs) | Object::Tuple(vs) => {
                w.room(MAX_VARINT);
                w.varint(vs.len() as u64);
                for v in vs {
                    w.room(MAX_VALUE);
                    w.value(*v)?;
                }
            }
            Object::Dict(d) => dict(&mut w, d)?,
            Object::Cell(v) => {
                w.room(MAX_VALUE);
                w.value(*v)?;
            }
            other => w.bytes_raw(&postcard_bytes(other)?),
        }
    }
    w.finish()
}

/// Roughly the encoded size of an object's payload.
fn size_hint(obj: Option<&Object>) -> usize {
    match obj {
        None => 0,
        Some(Object::Str(s)) => s.s.len() + 4,
        Some(Object::Bytes(b) | Object::ByteArray(b)) => b.len() + 4,
        Some(Object::BigInt(b)) => (b.bits() as usize) / 8 + 6,
        Some(Object::List(vs) | Object::Tuple(vs)) => vs.len() * 4 + 4,
        Some(Object::Dict(d)) => d.slots() * 16 + 8,
        Some(_) => 48,
    }
}

#[inline(always)]
fn dict(w: &mut Writer, d: &Dict) -> Result<(), SnapshotError> {
    let (entries, indices, _) = d.raw_parts();
    w.room(2 * MAX_VARINT + 1);
    w.varint(entries.len() as u64);
    // A table's size is a power of two (checked on load); 0 stands for no table.
    w.byte(if indices.is_empty() {
        0
    } else {
        u8::try_from(indices.len().trailing_zeros()).unwrap_or(0)
    });
    w.varint(d.version());
    for e in entries {
        w.room(2 * MAX_VALUE + 8);
        w.value(e.key)?;
        if !matches!(e.key, Value::Unbound) {
            w.array(e.hash.to_le_bytes());
            w.value(e.value)?;
        }
    }
    Ok(())
}

/// The longest varint (a u64, seven bits a byte).
const MAX_VARINT: usize = 10;
/// The longest compact value: a tag and a varint (a named value makes its own room).
const MAX_VALUE: usize = 1 + MAX_VARINT;

/// The output of `encode`. `buf` is kept zero-filled past `pos`, so after one `room` check
/// for a group of writes each byte is a plain indexed store. The position lives in a local
/// rather than in a `Vec`'s length because a byte store through `Vec::push` may alias the
/// Vec's own fields, which makes every push reload them (most of the encoding time). No
/// function that is not inlined sees the writer's address (growing moves the buffer out and
/// back; the rare kinds are postcard-encoded on their own and copied in), so its fields can
/// stay in registers.
struct Writer {
    buf: Vec<u8>,
    pos: usize,
}

impl Writer {
    /// Continue `out` (which holds the header and state), with room for `extra` bytes.
    fn new(out: Vec<u8>, extra: usize) -> Writer {
        let mut w = Writer {
            pos: out.len(),
            buf: out,
        };
        w.room(extra);
        w
    }

    /// Make sure `n` more bytes fit.
    #[inline(always)]
    fn room(&mut self, n: usize) {
        if self.buf.len().saturating_sub(self.pos) < n {
            self.buf = grown(std::mem::take(&mut self.buf), self.pos.saturating_add(n));
        }
    }

    /// Write one byte; the caller made room (a write past it is lost, and `finish` fails).
    #[inline(always)]
    fn byte(&mut self, b: u8) {
        if let Some(slot) = self.buf.get_mut(self.pos) {
            *slot = b;
        }
        self.pos += 1;
    }

    #[inline(always)]
    fn array<const N: usize>(&mut self, a: [u8; N]) {
        if let Some(slot) = self.buf.get_mut(self.pos..self.pos + N) {
            slot.copy_from_slice(&a);
        }
        self.pos += N;
    }

    /// LEB128: seven bits a byte, low first.
    #[inline(always)]
    fn varint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.byte((n as u8) | 0x80);
            n >>= 7;
        }
        self.byte(n as u8);
    }

    /// A length and the bytes.
    #[inline(always)]
    fn bytes(&mut self, b: &[u8]) {
        self.room(b.len().saturating_add(MAX_VARINT));
        self.varint(b.len() as u64);
        self.raw(b);
    }

    /// Bytes as they are, making room first.
    #[inline(always)]
    fn bytes_raw(&mut self, b: &[u8]) {
        self.room(b.len());
        self.raw(b);
    }

    /// Bytes as they are; the caller made room.
    #[inline(always)]
    fn raw(&mut self, b: &[u8]) {
        if let Some(slot) = self.buf.get_mut(self.pos..self.pos + b.len()) {
            slot.copy_from_slice(b);
        }
        self.pos += b.len();
    }

    /// A value; the caller made room for `MAX_VALUE` bytes.
    #[inline(always)]
    fn value(&mut self, v: Value) -> Result<(), SnapshotError> {
        match v {
            Value::None => self.byte(V_NONE),
            Value::Bool(false) => self.byte(V_FALSE),
            Value::Bool(true) => self.byte(V_TRUE),
            Value::Int(i) => {
                self.byte(V_INT);
                self.varint(((i << 1) ^ (i >> 63)) as u64);
            }
            Value::Float(f) => {
                self.byte(V_FLOAT);
                self.array(f.to_bits().to_le_bytes());
            }
            Value::Obj(id) => {
                self.byte(V_OBJ);
                self.varint(u64::from(id.0));
            }
            Value::Type(_) | Value::Native(_) => {
                self.byte(V_NAMED);
                self.bytes_raw(&postcard_bytes(&v)?);
            }
            Value::NotImplemented => self.byte(V_NOT_IMPLEMENTED),
            Value::Ellipsis => self.byte(V_ELLIPSIS),
            Value::Unbound => self.byte(V_UNBOUND),
        }
        Ok(())
    }

    /// The bytes written; an error if a write went past the room made for it (a bug here).
    fn finish(mut self) -> Result<Vec<u8>, SnapshotError> {
        if self.pos > self.buf.len() {
            return Err(malformed("the object table encoder overran its buffer"));
        }
        self.buf.truncate(self.pos);
        Ok(self.buf)
    }
}

/// `buf` zero-filled to at least `want` bytes (and at least doubled, so growing is amortised).
#[cold]
#[inline(never)]
fn grown(mut buf: Vec<u8>, want: usize) -> Vec<u8> {
    let len = want.max(buf.len().saturating_mul(2));
    buf.resize(len, 0);
    buf
}

/// `t`, postcard-encoded (the rare kinds and named values).
#[cold]
#[inline(never)]
fn postcard_bytes<T: serde::Serialize + ?Sized>(t: &T) -> Result<Vec<u8>, SnapshotError> {
    postcard::to_allocvec(t).map_err(|e| malformed(format!("cannot encode: {e}")))
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
        r.restore_object(k, kinds, &mut heap).map_err(|e| match e {
            SnapshotError::Malformed(why) => malformed(format!("object {i}: {why}")),
            other => other,
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

    /// Decode the next object (of slot kind `kind`) and append it to `heap`. Strs and
    /// containers are appended empty and filled where they lie (`Heap::push_restoring`).
    #[inline(always)]
    fn restore_object(
        &mut self,
        kind: u8,
        kinds: &[u8],
        heap: &mut Heap,
    ) -> Result<(), SnapshotError> {
        let obj = match kind {
            FREE => return push(heap, None),
            STR => {
                let n = self.count(1)?;
                let s = std::str::from_utf8(self.take(n)?)
                    .map_err(|_| malformed("str is not UTF-8"))?;
                if let Object::Str(st) = heap.push_restoring(Shell::Str) {
                    st.restore_text(s);
                }
                return charged(heap);
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
            LIST | TUPLE => {
                let n = self.count(1)?;
                let shell = if kind == LIST {
                    Shell::List
                } else {
                    Shell::Tuple
                };
                if let Object::List(vs) | Object::Tuple(vs) = heap.push_restoring(shell) {
                    *vs = Vec::with_capacity(n);
                    for _ in 0..n {
                        vs.push(self.value(kinds)?);
                    }
                }
                return charged(heap);
            }
            DICT => {
                let n = self.count(1)?;
                let bits = self.byte()?;
                let version = self.varint()?;
                if let Object::Dict(d) = heap.push_restoring(Shell::Dict) {
                    d.reserve_restoring(n);
                    self.dict_entries(d, n, bits, version, kinds)?;
                }
                return charged(heap);
            }
            CELL => Object::Cell(self.slot(kinds)?),
            OTHER => {
                let obj: Object = self.serde()?;
                if matches!(obj, Object::Freed) || checked_on_decode(&obj) {
                    return Err(malformed("object of the wrong kind"));
                }
                obj
            }
            _ => return Err(malformed("bad object kind")),
        };
        push(heap, Some(obj))
    }

    #[inline(always)]
    fn byte_vec(&mut self) -> Result<Vec<u8>, SnapshotError> {
        let n = self.count(1)?;
        Ok(self.take(n)?.to_vec())
    }

    /// A dict's `n` entries, into `d` (`Dict::restoring`).
    #[inline(always)]
    fn dict_entries(
        &mut self,
        d: &mut Dict,
        n: usize,
        bits: u8,
        version: u64,
        kinds: &[u8],
    ) -> Result<(), SnapshotError> {
        let mut live = 0usize;
        for _ in 0..n {
            let key = self.slot(kinds)?;
            if matches!(key, Value::Unbound) {
                d.push_restored(Entry {
                    hash: 0,
                    key,
                    value: Value::Unbound,
                });
                continue;
            }
            let hash = i64::from_le_bytes(self.array::<8>()?);
            let value = self.value(kinds)?;
            d.push_restored(Entry { hash, key, value });
            live += 1;
        }
        d.finish_restore(live, bits, version)
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

/// Append a decoded slot to the heap, charging it to the limits.
#[inline(always)]
fn push(heap: &mut Heap, obj: Option<Object>) -> Result<(), SnapshotError> {
    heap.push_restored(obj).map_err(over_limits)
}

/// Charge the object `Heap::push_restoring` appended and filled.
#[inline(always)]
fn charged(heap: &mut Heap) -> Result<(), SnapshotError> {
    heap.charge_last_restored().map_err(over_limits)
}

/// A charge that failed: the snapshot does not fit the limits it is loaded under.
#[cold]
fn over_limits(e: RunError) -> SnapshotError {
    match e {
        RunError::Limit(k) => SnapshotError::Limit(k),
        RunError::Exc(_) | RunError::Internal(_) => malformed("heap does not fit"),
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
