//! The heap's object table, encoded by hand: the bulk of a snapshot's bytes.
//!
//! Layout: the slot count (varint), one kind byte per slot, the length of the payloads (8
//! bytes, little-endian), each live slot's payload in id order (a str's is its length in
//! bytes), then the text of every str in id order (a varint length, then UTF-8, checked once
//! for all strs, before any payload is read); the rest of the state follows it
//! (`state.rs`). The encoder writes it in one pass over the slots; the codes that `OTHER`
//! objects refer to join the code table as they are written. Strs, bytes, big ints, lists, tuples, dicts and cells have compact encodings of
//! their own (below); every other kind is written as its postcard-encoded `Object` (`OTHER`)
//! and checked by `validate.rs` like the rest of the state. A value is a tag byte and a
//! payload whose size the tag gives: none for None, bools and the like, the low `w` bytes of
//! a zigzag-encoded int or of an object id (`V_INT + w`, `V_OBJ + w`), 8 bytes for a float,
//! postcard (by name) for builtin types and natives. Fixed-size payloads are written as a
//! tag and 8 bytes whatever their width, and read as one 9-byte window: no loop a byte, as a
//! varint needs. Counts and lengths, once an object, are varints. A dict with the keys of the
//! last dict stored with its keys stores only its values (`Writer::dict`).
//!
//! Decoding reads the kind table first, so every object id in a compact payload is checked
//! (in range, a live slot) in the same pass that reads it, and those objects need no second
//! walk: `decode` returns the ids of the others, the only ones `validate.rs` looks at. Dict
//! index tables are not stored: `Dict::finish_restore` rebuilds them from the entries'
//! hashes. A count read from the input never reserves more elements than the bytes left
//! could encode, so a hostile length cannot cause a huge allocation.

use num_bigint::BigInt;

use super::{SnapshotError, malformed};
use crate::exc::RunError;
use crate::heap::{Heap, LimitKind, Shell};
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

// Value tags. An int or an object id is stored as its low `w` bytes (little-endian) after a
// tag that says `w`: fixed-size reads and writes, where a varint costs a branch a byte.
const V_NONE: u8 = 0;
const V_FALSE: u8 = 1;
const V_TRUE: u8 = 2;
/// A builtin type or native, postcard-encoded by name.
const V_NAMED: u8 = 3;
const V_NOT_IMPLEMENTED: u8 = 4;
const V_ELLIPSIS: u8 = 5;
const V_UNBOUND: u8 = 6;
/// Followed by the 8 bytes of the float.
const V_FLOAT: u8 = 7;
/// `V_INT + w`, w in 0..=8: the int, zigzag-encoded, in `w` bytes.
const V_INT: u8 = 8;
const V_INT_LAST: u8 = V_INT + 8;
/// In a dict's index-size byte: the keys are those of the last dict whose keys were stored.
const SHARED_KEYS: u8 = 0x80;
/// `V_OBJ + w`, w in 0..=4: the object id in `w` bytes.
const V_OBJ: u8 = V_INT_LAST + 1;
const V_OBJ_LAST: u8 = V_OBJ + 4;

/// Bytes needed to store `n` (0 for 0).
#[inline(always)]
fn width_of(n: u64) -> u8 {
    ((71 - n.leading_zeros()) / 8) as u8
}

/// The low `w` bytes of `raw` (w in 0..=8).
#[inline(always)]
fn low_bytes(raw: u64, w: u8) -> u64 {
    u64::MAX.checked_shr(64 - 8 * u32::from(w)).unwrap_or(0) & raw
}

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

/// Append the object table of `heap` to `out`, in one pass over the slots: each slot's kind
/// byte goes into the table reserved for them, its payload after the table, and a str's text
/// into a run of its own, appended after the payloads.
pub(super) fn encode(heap: &Heap, out: Vec<u8>) -> Result<Vec<u8>, SnapshotError> {
    let n = heap.objects().len();
    // Room for the table and about as many payload bytes as a typical slot needs; a write
    // past it grows the buffer (`Writer::room`).
    let mut w = Writer::new(
        out,
        n.saturating_mul(TYPICAL_SLOT + 1)
            .saturating_add(MAX_VARINT + 8),
    );
    w.varint(n as u64);
    let kinds_at = w.pos;
    let payload_len_at = kinds_at.saturating_add(n);
    w.pos = payload_len_at.saturating_add(8);
    // Gathered apart (a push is cheaper than a checked store behind the position), and
    // copied into the room left for them at the end.
    let mut kinds: Vec<u8> = Vec::with_capacity(n);
    let mut text: Vec<u8> = Vec::with_capacity(n.saturating_mul(4));
    // The entries of the last dict whose keys were written (`Writer::dict`).
    let mut last: &[Entry] = &[];
    for obj in heap.objects() {
        let kind = match obj {
            None => FREE,
            Some(Object::Str(s)) => {
                let bytes = s.s.as_bytes();
                text.extend_from_slice(bytes);
                w.room(MAX_VARINT);
                w.varint(bytes.len() as u64);
                STR
            }
            Some(Object::Bytes(b)) => {
                w.bytes(b);
                BYTES
            }
            Some(Object::ByteArray(b)) => {
                w.bytes(b);
                BYTEARRAY
            }
            Some(Object::BigInt(b)) => {
                w.bytes(&b.to_signed_bytes_le());
                BIGINT
            }
            Some(Object::List(vs)) => {
                w.room(MAX_VARINT);
                w.varint(vs.len() as u64);
                w.values(vs)?;
                LIST
            }
            Some(Object::Tuple(vs)) => {
                w.room(MAX_VARINT);
                w.varint(vs.len() as u64);
                w.values(vs)?;
                TUPLE
            }
            Some(Object::Dict(d)) => {
                w.dict(d, &mut last)?;
                DICT
            }
            Some(Object::Cell(v)) => {
                w.values(std::slice::from_ref(v))?;
                CELL
            }
            Some(other) => {
                w.bytes_raw(&postcard_bytes(other)?);
                OTHER
            }
        };
        kinds.push(kind);
    }
    w.put_at(kinds_at, &kinds);
    let payload_len = w.pos.saturating_sub(payload_len_at.saturating_add(8));
    w.put_at(payload_len_at, &(payload_len as u64).to_le_bytes());
    // The text of every str, in id order, as one run: the decoder checks it is UTF-8 once.
    w.room(text.len().saturating_add(MAX_VARINT));
    w.varint(text.len() as u64);
    w.raw(&text);
    w.finish()
}

/// Payload bytes the encoder first makes room for, per slot (a dict of four entries sharing
/// its keys takes about 40, a str 1): enough that most tables never grow the buffer.
const TYPICAL_SLOT: usize = 16;

/// The longest varint (a u64, seven bits a byte).
const MAX_VARINT: usize = 10;
/// The longest compact value, and what writing one takes: a tag and 8 bytes (a named value
/// makes its own room).
const MAX_VALUE: usize = 9;
/// The longest dict entry: key, hash and value.
const MAX_ENTRY: usize = 2 * MAX_VALUE + 8;

/// The output of `encode`. `buf` is kept zero-filled past `pos`, so after one `room` check
/// for a group of writes each write is a plain indexed store. The position lives in a local
/// rather than in a `Vec`'s length because a byte store through `Vec::push` may alias the
/// Vec's own fields, which makes every push reload them. The values of lists and dicts, most
/// of the bytes, are written by loops out of line (`fixed_values`, `fixed_entries`) whose
/// cursor stays in registers.
struct Writer {
    buf: Vec<u8>,
    pos: usize,
    /// A write found no room made for it (a bug here): `finish` fails.
    overran: bool,
}

impl Writer {
    /// Continue `out` (which holds the header and state), with room for `extra` bytes.
    fn new(out: Vec<u8>, extra: usize) -> Writer {
        let mut w = Writer {
            pos: out.len(),
            buf: out,
            overran: false,
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

    /// Overwrite the bytes at `at`, behind the position (room left for them).
    fn put_at(&mut self, at: usize, b: &[u8]) {
        let end = at.saturating_add(b.len());
        match self.buf.get_mut(at..end) {
            Some(slot) if end <= self.pos => slot.copy_from_slice(b),
            _ => self.overran = true,
        }
    }

    /// Write one byte; the caller made room.
    #[inline(always)]
    fn byte(&mut self, b: u8) {
        self.array([b]);
    }

    /// Write `N` bytes; the caller made room.
    #[inline(always)]
    fn array<const N: usize>(&mut self, a: [u8; N]) {
        self.raw(&a);
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
        match self.buf.get_mut(self.pos..self.pos + b.len()) {
            Some(slot) => {
                slot.copy_from_slice(b);
                self.pos += b.len();
            }
            None => self.overran = true,
        }
    }

    /// Values: the fixed-size ones by the loop out of line, from the first named one on here.
    #[inline(always)]
    fn values(&mut self, vs: &[Value]) -> Result<(), SnapshotError> {
        self.room(vs.len().saturating_mul(MAX_VALUE));
        let (pos, done) = fixed_values(&mut self.buf, self.pos, vs).ok_or_else(overran)?;
        self.pos = pos;
        for &v in vs.get(done..).unwrap_or_default() {
            self.room(MAX_VALUE);
            self.value(v)?;
        }
        Ok(())
    }

    /// A dict: entry count, index table size (a power of two, as its log2; 0 for none: checked
    /// on load) with the `SHARED_KEYS` flag, key-set version, then the entries: key, hash and
    /// value (a deleted one is its `Unbound` key alone), or with the flag the values alone.
    ///
    /// The flag says the keys and hashes are those of `last`, the last dict whose keys were
    /// written, when it has no deleted entries: a list of records (rows of the same keys, the
    /// shape of most tool results) stores its keys once.
    #[inline(always)]
    fn dict<'h>(&mut self, d: &'h Dict, last: &mut &'h [Entry]) -> Result<(), SnapshotError> {
        let (entries, indices, live) = d.raw_parts();
        self.room(
            entries
                .len()
                .saturating_mul(MAX_ENTRY)
                .saturating_add(2 * MAX_VARINT + 1),
        );
        self.varint(entries.len() as u64);
        let bits = if indices.is_empty() {
            0
        } else {
            u8::try_from(indices.len().trailing_zeros()).unwrap_or(0)
        };
        let shared = !entries.is_empty() && same_keys(entries, last);
        self.byte(if shared { bits | SHARED_KEYS } else { bits });
        self.varint(d.version());
        if shared {
            let (pos, done) =
                fixed_entry_values(&mut self.buf, self.pos, entries).ok_or_else(overran)?;
            self.pos = pos;
            for e in entries.get(done..).unwrap_or_default() {
                self.room(MAX_VALUE);
                self.value(e.value)?;
            }
            return Ok(());
        }
        if live == entries.len() {
            *last = entries;
        }
        let (pos, done) = fixed_entries(&mut self.buf, self.pos, entries).ok_or_else(overran)?;
        self.pos = pos;
        for e in entries.get(done..).unwrap_or_default() {
            self.room(MAX_ENTRY);
            self.value(e.key)?;
            if !matches!(e.key, Value::Unbound) {
                self.array(e.hash.to_le_bytes());
                self.value(e.value)?;
            }
        }
        Ok(())
    }

    /// A value, fixed-size or named; the caller made room for `MAX_VALUE` bytes.
    #[inline(always)]
    fn value(&mut self, v: Value) -> Result<(), SnapshotError> {
        match fixed(v) {
            Some((tag, raw, w)) => {
                self.pos = put(&mut self.buf, self.pos, tag, raw, w).ok_or_else(overran)?;
            }
            None => {
                self.byte(V_NAMED);
                self.bytes_raw(&postcard_bytes(&v)?);
            }
        }
        Ok(())
    }

    /// The bytes written; an error if a write went past the room made for it (a bug here).
    fn finish(mut self) -> Result<Vec<u8>, SnapshotError> {
        if self.overran || self.pos > self.buf.len() {
            return Err(overran());
        }
        self.buf.truncate(self.pos);
        Ok(self.buf)
    }
}

#[cold]
fn overran() -> SnapshotError {
    malformed("the object table encoder overran its buffer")
}

/// A value's tag, payload and payload size in bytes; None for a named value (a builtin type
/// or native, written by name: `V_NAMED`).
#[inline(always)]
fn fixed(v: Value) -> Option<(u8, u64, u8)> {
    Some(match v {
        Value::None => (V_NONE, 0, 0),
        Value::Bool(false) => (V_FALSE, 0, 0),
        Value::Bool(true) => (V_TRUE, 0, 0),
        Value::Int(i) => {
            let z = ((i << 1) ^ (i >> 63)) as u64;
            let w = width_of(z);
            (V_INT + w, z, w)
        }
        Value::Float(f) => (V_FLOAT, f.to_bits(), 8),
        Value::Obj(id) => {
            let w = width_of(u64::from(id.0));
            (V_OBJ + w, u64::from(id.0), w)
        }
        Value::Type(_) | Value::Native(_) => return None,
        Value::NotImplemented => (V_NOT_IMPLEMENTED, 0, 0),
        Value::Ellipsis => (V_ELLIPSIS, 0, 0),
        Value::Unbound => (V_UNBOUND, 0, 0),
    })
}

/// Write a fixed-size value at `pos`: always the tag and 8 bytes (room was made for them),
/// then step over the `w` payload bytes that count. The position after it; None if there
/// was no room.
#[inline(always)]
fn put(buf: &mut [u8], pos: usize, tag: u8, raw: u64, w: u8) -> Option<usize> {
    let out = buf.get_mut(pos..)?.first_chunk_mut::<MAX_VALUE>()?;
    out[0] = tag;
    out[1..].copy_from_slice(&raw.to_le_bytes());
    Some(pos + 1 + usize::from(w))
}

/// Write `vs` at `pos` up to the first named value; the position after them and how many
/// were written. None if the room made for them ran out (a bug here).
#[inline(never)]
fn fixed_values(buf: &mut [u8], mut pos: usize, vs: &[Value]) -> Option<(usize, usize)> {
    for (i, &v) in vs.iter().enumerate() {
        let Some((tag, raw, w)) = fixed(v) else {
            return Some((pos, i));
        };
        pos = put(buf, pos, tag, raw, w)?;
    }
    Some((pos, vs.len()))
}

/// Whether `entries` have the keys and hashes of `last` (which has no deleted entries), in
/// order. Keys must be the same value exactly (`is`: the same object, int, constant or float
/// bits; `0.0 == -0.0`, but they are different keys to restore).
#[inline(always)]
fn same_keys(entries: &[Entry], last: &[Entry]) -> bool {
    entries.len() == last.len()
        && entries
            .iter()
            .zip(last)
            .all(|(e, l)| e.hash == l.hash && e.key.is(l.key))
}

/// Write the values of dict entries at `pos` up to the first named one; the position after
/// them and how many were written. None if the room made for them ran out (a bug here).
#[inline(never)]
fn fixed_entry_values(buf: &mut [u8], mut pos: usize, entries: &[Entry]) -> Option<(usize, usize)> {
    for (i, e) in entries.iter().enumerate() {
        let Some((tag, raw, w)) = fixed(e.value) else {
            return Some((pos, i));
        };
        pos = put(buf, pos, tag, raw, w)?;
    }
    Some((pos, entries.len()))
}

/// Write dict entries at `pos` up to the first with a named key or value; the position after
/// them and how many were written. None if the room made for them ran out (a bug here).
#[inline(never)]
fn fixed_entries(buf: &mut [u8], mut pos: usize, entries: &[Entry]) -> Option<(usize, usize)> {
    for (i, e) in entries.iter().enumerate() {
        let (Some((ktag, kraw, kw)), Some((vtag, vraw, vw))) = (fixed(e.key), fixed(e.value))
        else {
            return Some((pos, i));
        };
        pos = put(buf, pos, ktag, kraw, kw)?;
        if ktag != V_UNBOUND {
            let hash = buf.get_mut(pos..)?.first_chunk_mut::<8>()?;
            *hash = e.hash.to_le_bytes();
            pos = put(buf, pos + 8, vtag, vraw, vw)?;
        }
    }
    Some((pos, entries.len()))
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

/// The parts of an object table, located in the input before anything in it is decoded.
pub(super) struct Table<'a> {
    kinds: &'a [u8],
    /// The input up to the end of the payloads.
    payloads: &'a [u8],
    /// Where the first payload starts in `payloads`.
    start: usize,
    /// The strs' text, checked to be UTF-8.
    text: &'a str,
}

/// Locate the object table at the start of `input`: its kinds, payloads and text (checked
/// to be UTF-8 here). Also returns the input after the table (the rest of the state).
pub(super) fn locate(input: &[u8]) -> Result<(Table<'_>, &[u8]), SnapshotError> {
    let mut r = Reader { buf: input, pos: 0 };
    let n = r.count(1).map_err(Fail::error)?;
    if u32::try_from(n).is_err() {
        return Err(malformed("too many objects"));
    }
    let kinds = r.take(n).map_err(Fail::error)?;
    let payload_len = r.array::<8>().map_err(Fail::error)?;
    let payload_end = usize::try_from(u64::from_le_bytes(payload_len))
        .ok()
        .and_then(|len| r.pos.checked_add(len))
        .filter(|&end| end <= input.len())
        .ok_or_else(|| Fail::Truncated.error())?;
    let mut after = Reader {
        buf: input,
        pos: payload_end,
    };
    let text = after
        .count(1)
        .and_then(|n| after.take(n))
        .map_err(Fail::error)?;
    let text = std::str::from_utf8(text).map_err(|_| Fail::NotUtf8.error())?;
    let table = Table {
        kinds,
        payloads: input.get(..payload_end).unwrap_or_default(),
        start: r.pos,
        text,
    };
    Ok((table, input.get(after.pos..).unwrap_or_default()))
}

/// Decode the object table into the heap `make` returns for its slot count. Objects are
/// charged to the heap's account as they are read, so a table too big for the limits stops
/// early. Also returns the ids of the objects of the rare kinds (`OTHER`), the only ones
/// `validate.rs` still has to look at. Out of line: a frame of its own in profiles, apart
/// from the state's decoding.
#[inline(never)]
pub(super) fn decode(
    table: Table<'_>,
    make: impl FnOnce(usize) -> Heap,
) -> Result<(Heap, Vec<u32>), SnapshotError> {
    let Table {
        kinds,
        payloads,
        start,
        text,
    } = table;
    let mut r = Reader {
        buf: payloads,
        pos: start,
    };
    let mut texts = Texts {
        ascii: text.is_ascii(),
        text,
        pos: 0,
    };
    let mut heap = make(kinds.len());
    let mut others = Vec::new();
    // The keys of the last dict decoded with its keys (`Writer::dict`'s `SHARED_KEYS`).
    let mut keys = Vec::new();
    for (i, &k) in kinds.iter().enumerate() {
        let step = if k == OTHER {
            others.push(i as u32);
            r.other(&mut heap)
        } else {
            r.compact(k, kinds, &mut heap, &mut keys, &mut texts)
                .map_err(Fail::error)
        };
        step.map_err(|e| at_object(i, e))?;
    }
    if r.pos != payloads.len() {
        return Err(malformed("trailing bytes after the objects"));
    }
    if texts.pos != texts.text.len() {
        return Err(malformed("text left over after the last str"));
    }
    Ok((heap, others))
}

/// The text of the table's strs (validated as UTF-8 once), which they take in id order.
struct Texts<'a> {
    text: &'a str,
    /// Where the next str's text starts.
    pos: usize,
    /// Whether the whole text is ASCII: then so is every str, and its length is its chars.
    ascii: bool,
}

/// Why decoding a compact object failed. One byte, so that the results of the hot reads (a
/// `Result<Value, Fail>` is two words) come back in registers, where a `SnapshotError` (a
/// string inside) would send every one through memory. Made a `SnapshotError` once, at the
/// object it happened in.
#[derive(Clone, Copy, Debug)]
enum Fail {
    Truncated,
    BadVarint,
    BadKind,
    BadTag,
    BadNamed,
    Dangling,
    Unbound,
    NotUtf8,
    SmallBigInt,
    DictTable,
    SharedKeys,
    StrText,
    Limit(LimitKind),
}

const _: () = assert!(size_of::<Result<Value, Fail>>() == 16);

impl Fail {
    #[cold]
    fn error(self) -> SnapshotError {
        malformed(match self {
            Fail::Truncated => "truncated object table",
            Fail::BadVarint => "bad varint",
            Fail::BadKind => "bad object kind",
            Fail::BadTag => "bad value tag",
            Fail::BadNamed => "bad named value",
            Fail::Dangling => "dangling object id",
            Fail::Unbound => "unbound value in a container",
            Fail::NotUtf8 => "str is not UTF-8",
            Fail::SmallBigInt => "small int stored as a big int",
            Fail::DictTable => "bad dict index table size",
            Fail::SharedKeys => "a dict shares keys with no dict of as many",
            Fail::StrText => "a str's text is past the end or splits a character",
            Fail::Limit(k) => return SnapshotError::Limit(k),
        })
    }
}

/// A charge that failed: the snapshot does not fit the limits it is loaded under.
#[cold]
fn over_limits(e: RunError) -> Fail {
    Fail::Limit(match e {
        RunError::Limit(k) => k,
        RunError::Exc(_) | RunError::Internal(_) => LimitKind::Memory,
    })
}

/// Say which object a malformed-input error is about.
#[cold]
fn at_object(i: usize, e: SnapshotError) -> SnapshotError {
    match e {
        SnapshotError::Malformed(why) => malformed(format!("object {i}: {why}")),
        other => other,
    }
}

/// A cursor over the input: the bytes and a position. Only the position changes as bytes are
/// read (one register, or one store when it spills), and the rare reads are out of line.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    #[inline(always)]
    fn byte(&mut self) -> Result<u8, Fail> {
        let b = *self.buf.get(self.pos).ok_or(Fail::Truncated)?;
        self.pos += 1;
        Ok(b)
    }

    #[inline(always)]
    fn take(&mut self, n: usize) -> Result<&'a [u8], Fail> {
        let end = self.pos.checked_add(n).ok_or(Fail::Truncated)?;
        let head = self.buf.get(self.pos..end).ok_or(Fail::Truncated)?;
        self.pos = end;
        Ok(head)
    }

    #[inline(always)]
    fn array<const N: usize>(&mut self) -> Result<[u8; N], Fail> {
        let a = self
            .buf
            .get(self.pos..)
            .and_then(<[u8]>::first_chunk::<N>)
            .ok_or(Fail::Truncated)?;
        self.pos += N;
        Ok(*a)
    }

    /// Most varints in a snapshot are one or two bytes (ids, small ints, lengths): inline.
    #[inline(always)]
    fn varint(&mut self) -> Result<u64, Fail> {
        let b0 = self.byte()?;
        if b0 < 0x80 {
            return Ok(u64::from(b0));
        }
        let b1 = self.byte()?;
        if b1 < 0x80 {
            return Ok(u64::from(b0 & 0x7f) | (u64::from(b1) << 7));
        }
        let (n, pos) = long_varint(self.buf, self.pos, b0, b1)?;
        self.pos = pos;
        Ok(n)
    }

    /// A count of elements each at least `min_size` bytes long: never more than the bytes
    /// left could hold, so reserving it is bounded by the input's length.
    #[inline(always)]
    fn count(&mut self, min_size: usize) -> Result<usize, Fail> {
        let n = usize::try_from(self.varint()?).unwrap_or(usize::MAX);
        if n > self.buf.len().saturating_sub(self.pos) / min_size {
            return Err(Fail::Truncated);
        }
        Ok(n)
    }

    /// An object of a rare kind: a postcard-encoded `Object`, checked later by `validate.rs`.
    #[inline(never)]
    fn other(&mut self, heap: &mut Heap) -> Result<(), SnapshotError> {
        let rest = self.buf.get(self.pos..).unwrap_or_default();
        let (obj, left): (Object, _) = serde_from(rest)?;
        self.pos = self.buf.len() - left.len();
        if matches!(obj, Object::Freed) || checked_on_decode(&obj) {
            return Err(malformed("object of the wrong kind"));
        }
        heap.push_restored(Some(obj))
            .map_err(|e| over_limits(e).error())
    }

    /// Decode the next object, of compact slot kind `kind`, and append it to `heap`. Strs and
    /// containers are appended empty and filled where they lie (`Heap::push_restoring`).
    #[inline(always)]
    fn compact(
        &mut self,
        kind: u8,
        kinds: &[u8],
        heap: &mut Heap,
        keys: &mut Vec<Entry>,
        texts: &mut Texts,
    ) -> Result<(), Fail> {
        let obj = match kind {
            FREE => None,
            STR => {
                let n = usize::try_from(self.varint()?).unwrap_or(usize::MAX);
                let end = texts.pos.checked_add(n).ok_or(Fail::Truncated)?;
                // None past the end, or off a char boundary.
                let text = texts.text.get(texts.pos..end).ok_or(Fail::StrText)?;
                texts.pos = end;
                let mut size = 0;
                if let Object::Str(s) = heap.push_restoring(Shell::Str) {
                    s.restore_text(text, texts.ascii);
                    size = Object::str_size(s);
                }
                return heap.charge_last_restored(size).map_err(Fail::Limit);
            }
            LIST | TUPLE => {
                let n = self.count(1)?;
                let shell = if kind == LIST {
                    Shell::List
                } else {
                    Shell::Tuple
                };
                let mut size = 0;
                if let Object::List(vs) | Object::Tuple(vs) = heap.push_restoring(shell) {
                    *vs = Vec::with_capacity(n);
                    self.pos = values(self.buf, self.pos, n, kinds, vs)?;
                    size = Object::list_size(vs);
                }
                return heap.charge_last_restored(size).map_err(Fail::Limit);
            }
            DICT => {
                let n = self.count(1)?;
                let bits = self.byte()?;
                let version = self.varint()?;
                let mut size = 0;
                if let Object::Dict(d) = heap.push_restoring(Shell::Dict) {
                    let live = if bits & SHARED_KEYS == 0 {
                        d.start_restoring(n);
                        let (pos, live) = dict_entries(self.buf, self.pos, n, kinds, d)?;
                        self.pos = pos;
                        if live == n {
                            keys.clear();
                            keys.extend_from_slice(d.raw_parts().0);
                        }
                        live
                    } else {
                        if keys.len() != n || n == 0 {
                            return Err(Fail::SharedKeys);
                        }
                        let entries = d.start_restoring_shared(keys);
                        self.pos = shared_key_values(self.buf, self.pos, kinds, entries)?;
                        n
                    };
                    d.finish_restore(live, bits & !SHARED_KEYS, version)
                        .ok_or(Fail::DictTable)?;
                    size = Object::dict_size(d);
                }
                return heap.charge_last_restored(size).map_err(Fail::Limit);
            }
            BYTES => Some(Object::Bytes(self.byte_vec()?)),
            BYTEARRAY => Some(Object::ByteArray(self.byte_vec()?)),
            BIGINT => {
                let b = BigInt::from_signed_bytes_le(&self.byte_vec()?);
                // Ints that fit in i64 are always inline (`Value::Int`).
                if i64::try_from(&b).is_ok() {
                    return Err(Fail::SmallBigInt);
                }
                Some(Object::BigInt(b))
            }
            CELL => Some(Object::Cell(self.slot(kinds)?)),
            _ => return Err(Fail::BadKind),
        };
        heap.push_restored(obj).map_err(over_limits)
    }

    #[inline(always)]
    fn byte_vec(&mut self) -> Result<Vec<u8>, Fail> {
        let n = self.count(1)?;
        Ok(self.take(n)?.to_vec())
    }

    /// A value visible to Python: never `Unbound`.
    #[inline(always)]
    fn value(&mut self, kinds: &[u8]) -> Result<Value, Fail> {
        match self.slot(kinds)? {
            Value::Unbound => Err(Fail::Unbound),
            v => Ok(v),
        }
    }

    /// A value that may be `Unbound` (an empty cell); a heap id must name a live slot.
    #[inline(always)]
    fn slot(&mut self, kinds: &[u8]) -> Result<Value, Fail> {
        let (tag, raw) = match self.buf.get(self.pos..).and_then(<[u8]>::first_chunk::<9>) {
            Some(&[tag, ref raw @ ..]) => (tag, u64::from_le_bytes(*raw)),
            None => last_window(self.buf, self.pos)?,
        };
        let (v, w) = match tag {
            V_NONE => (Value::None, 0),
            V_FALSE => (Value::Bool(false), 0),
            V_TRUE => (Value::Bool(true), 0),
            V_INT..=V_INT_LAST => {
                let w = tag - V_INT;
                let z = low_bytes(raw, w);
                (Value::Int(((z >> 1) as i64) ^ -((z & 1) as i64)), w)
            }
            V_FLOAT => (Value::Float(f64::from_bits(raw)), 8),
            V_OBJ..=V_OBJ_LAST => {
                let w = tag - V_OBJ;
                let id = low_bytes(raw, w) as usize;
                match kinds.get(id) {
                    Some(&k) if k != FREE => (Value::Obj(ObjId(id as u32)), w),
                    _ => return Err(Fail::Dangling),
                }
            }
            V_NAMED => {
                let (v, pos) = named(self.buf, self.pos + 1)?;
                self.pos = pos;
                return Ok(v);
            }
            V_NOT_IMPLEMENTED => (Value::NotImplemented, 0),
            V_ELLIPSIS => (Value::Ellipsis, 0),
            V_UNBOUND => (Value::Unbound, 0),
            _ => return Err(Fail::BadTag),
        };
        let end = self.pos + 1 + usize::from(w);
        if end > self.buf.len() {
            return Err(Fail::Truncated);
        }
        self.pos = end;
        Ok(v)
    }
}

/// The tag at `pos` and the (up to) 8 bytes after it, zero past the end of `buf`: a value in
/// the last 8 bytes of the input. `slot` checks that the bytes its tag needs are there.
#[cold]
fn last_window(buf: &[u8], pos: usize) -> Result<(u8, u64), Fail> {
    let rest = buf.get(pos..).unwrap_or_default();
    let (&tag, raw) = rest.split_first().ok_or(Fail::Truncated)?;
    let mut bytes = [0u8; 8];
    for (b, &r) in bytes.iter_mut().zip(raw) {
        *b = r;
    }
    Ok((tag, u64::from_le_bytes(bytes)))
}

/// The `n` values of a list or tuple at `pos`, into `out`; the position after them.
///
/// The element and entry loops run out of line on a cursor of their own, so that it stays in
/// registers: inlined into the object loop, register pressure kept it in memory.
#[inline(never)]
fn values(
    buf: &[u8],
    pos: usize,
    n: usize,
    kinds: &[u8],
    out: &mut Vec<Value>,
) -> Result<usize, Fail> {
    let mut r = Reader { buf, pos };
    for _ in 0..n {
        out.push(r.value(kinds)?);
    }
    Ok(r.pos)
}

/// The `n` entries of a dict at `pos`, into `d` (`Dict::start_restoring`); the position
/// after them and how many are live. A deleted entry is its `Unbound` key alone.
#[inline(never)]
fn dict_entries(
    buf: &[u8],
    pos: usize,
    n: usize,
    kinds: &[u8],
    d: &mut Dict,
) -> Result<(usize, usize), Fail> {
    let mut r = Reader { buf, pos };
    let mut live = 0;
    for _ in 0..n {
        let key = r.slot(kinds)?;
        if matches!(key, Value::Unbound) {
            d.push_restored(Entry {
                hash: 0,
                key,
                value: Value::Unbound,
            });
            continue;
        }
        let hash = i64::from_le_bytes(r.array::<8>()?);
        let value = r.value(kinds)?;
        d.push_restored(Entry { hash, key, value });
        live += 1;
    }
    Ok((r.pos, live))
}

/// The values of a dict's entries at `pos`, into `entries` (a copy of the last dict's, whose
/// keys and hashes it shares: each value is overwritten); the position after them.
#[inline(never)]
fn shared_key_values(
    buf: &[u8],
    pos: usize,
    kinds: &[u8],
    entries: &mut [Entry],
) -> Result<usize, Fail> {
    let mut r = Reader { buf, pos };
    for e in entries {
        e.value = r.value(kinds)?;
    }
    Ok(r.pos)
}

/// A builtin type or native (postcard, by name) at `pos`, and the position after it.
#[inline(never)]
fn named(buf: &[u8], pos: usize) -> Result<(Value, usize), Fail> {
    let rest = buf.get(pos..).unwrap_or_default();
    match serde_from(rest) {
        Ok((v @ (Value::Type(_) | Value::Native(_)), left)) => Ok((v, buf.len() - left.len())),
        _ => Err(Fail::BadNamed),
    }
}

/// The rest of a varint of three bytes or more whose first two bytes `b0` and `b1` were read
/// and end at `pos`, and the position after it.
#[inline(never)]
fn long_varint(buf: &[u8], pos: usize, b0: u8, b1: u8) -> Result<(u64, usize), Fail> {
    let mut n = u64::from(b0 & 0x7f) | (u64::from(b1 & 0x7f) << 7);
    let rest = buf.get(pos..).unwrap_or_default();
    for (i, &b) in rest.iter().take(8).enumerate() {
        n |= u64::from(b & 0x7f) << (7 * (i + 2));
        if b & 0x80 == 0 {
            // The tenth byte may carry only the top bit.
            if i == 7 && b > 1 {
                break;
            }
            return Ok((n, pos + i + 1));
        }
    }
    Err(Fail::BadVarint)
}

#[inline(never)]
fn serde_from<T: serde::de::DeserializeOwned>(buf: &[u8]) -> Result<(T, &[u8]), SnapshotError> {
    postcard::take_from_bytes::<T>(buf).map_err(|e| malformed(format!("cannot decode: {e}")))
}
