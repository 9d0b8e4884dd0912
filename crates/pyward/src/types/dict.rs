//! `dict`: an insertion-ordered hash table (CPython's compact dict layout).
//!
//! Entries live in insertion order; `indices` is an open-addressing table of entry positions.
//! The table never compares keys itself: callers pass the key's hash and an equality test, so
//! key comparison (which may need the heap or user `__eq__`) stays with the VM.
//!
//! `version` counts changes to the key set (insertions of new keys, removals, clears): while
//! it is unchanged every key keeps its entry position, which the VM's inline caches rely on
//! (vm/cache.rs). Replacing a value leaves it alone.

use crate::value::Value;

pub(crate) const EMPTY: u32 = u32::MAX;
/// Dicts up to this many entries have no index table: lookups scan the entries, which is
/// faster for the small dicts of instances and keyword arguments (one cache line or two).
const LINEAR_MAX: usize = 8;
pub(crate) const DELETED: u32 = u32::MAX - 1;

/// One dict entry; `key` is `Unbound` once deleted.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// The key's hash.
    pub hash: i64,
    /// The key.
    pub key: Value,
    /// The value.
    pub value: Value,
}

/// A Python dict.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Dict {
    entries: Vec<Entry>,
    /// None for no table (a small dict). An Option rather than an empty box so that an
    /// empty dict is a constant (`Dict::new`), which a snapshot's decoder copies into place.
    #[serde(with = "table_serde")]
    indices: Option<Box<[u32]>>,
    len: usize,
    version: u64,
}

impl Dict {
    /// An empty dict.
    pub const fn new() -> Dict {
        Dict {
            entries: Vec::new(),
            indices: None,
            len: 0,
            version: 0,
        }
    }

    /// An empty dict with room for `n` entries (a literal's size) without regrowing.
    pub fn with_capacity(n: usize) -> Dict {
        Dict {
            entries: Vec::with_capacity(n),
            ..Dict::new()
        }
    }

    /// The key-set version: changes whenever a key is added or removed.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the dict is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The index table (empty for none).
    #[inline(always)]
    fn table(&self) -> &[u32] {
        self.indices.as_deref().unwrap_or_default()
    }

    /// Bytes held by the tables.
    pub fn size_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>() + self.table().len() * 4
    }

    /// Values kept alive.
    pub fn trace(&self, out: &mut Vec<Value>) {
        for e in &self.entries {
            if !matches!(e.key, Value::Unbound) {
                out.push(e.key);
                out.push(e.value);
            }
        }
    }

    /// The raw tables (entries with deleted slots, index table, live count), for snapshot
    /// validation.
    pub(crate) fn raw_parts(&self) -> (&[Entry], &[u32], usize) {
        (&self.entries, self.table(), self.len)
    }

    /// Give a fresh empty dict (a snapshot decoder's shell) an entries table of room for the
    /// `n` entries a snapshot is about to append (`push_restored`, then `finish_restore`).
    /// It replaces the table rather than reserving in it, so it is only for a dict that has
    /// none yet. The dict is filled where it lies in the heap, so no copy of it is made.
    #[inline(always)]
    pub(crate) fn start_restoring(&mut self, n: usize) {
        debug_assert!(
            self.entries.capacity() == 0,
            "start_restoring on a used dict"
        );
        self.entries = Vec::with_capacity(n);
    }

    /// Append a snapshot's next entry (a deleted one has `Unbound` key and value).
    #[inline(always)]
    pub(crate) fn push_restored(&mut self, e: Entry) {
        self.entries.push(e);
    }

    /// Finish a dict from a snapshot: how many of its entries are live, its key-set version
    /// and the size of its index table as a power of two (0: no table). The table is rebuilt
    /// here rather than stored. None when the size is not one a dict with these entries can
    /// have: `rebuild` sizes the table to at most six times the entries, and a table must
    /// keep an empty slot so probing ends.
    #[inline(always)]
    pub(crate) fn finish_restore(
        &mut self,
        len: usize,
        index_bits: u8,
        version: u64,
    ) -> Option<()> {
        self.len = len;
        self.version = version;
        if index_bits == 0 {
            return Some(());
        }
        self.restore_index(index_bits)
    }

    /// `finish_restore`'s index table of `1 << index_bits` slots.
    #[inline(never)]
    fn restore_index(&mut self, index_bits: u8) -> Option<()> {
        let size = 1usize.checked_shl(u32::from(index_bits))?;
        if size < 8 || size > self.entries.len().max(1).saturating_mul(8) || self.len >= size {
            return None;
        }
        if u32::try_from(self.entries.len()).ok()? >= DELETED {
            return None;
        }
        self.indices = Some(vec![EMPTY; size].into_boxed_slice());
        for ix in 0..self.entries.len() {
            match self.entries.get(ix) {
                Some(e) if !matches!(e.key, Value::Unbound) => {
                    let hash = e.hash;
                    self.place(hash, u32::try_from(ix).ok()?);
                }
                _ => {}
            }
        }
        Some(())
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|e| !matches!(e.key, Value::Unbound))
    }

    /// The raw entry slot count (for iteration by position, which survives mutation).
    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    /// The entry at raw position `i`, if live.
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries
            .get(i)
            .filter(|e| !matches!(e.key, Value::Unbound))
    }

    /// Keys whose hash equals `hash`, with their entry positions, in probe order.
    pub fn candidates(&self, hash: i64) -> Vec<(usize, Value)> {
        let mut out = Vec::new();
        if self.table().is_empty() {
            for (i, e) in self.entries.iter().enumerate() {
                if e.hash == hash && !matches!(e.key, Value::Unbound) {
                    out.push((i, e.key));
                }
            }
            return out;
        }
        let mask = self.table().len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            match self.table().get(i).copied().unwrap_or(EMPTY) {
                EMPTY => return out,
                DELETED => {}
                ix => {
                    if let Some(e) = self.entries.get(ix as usize) {
                        if e.hash == hash {
                            out.push((ix as usize, e.key));
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// Find the entry position of a key, given its hash and an equality test.
    pub fn find(&self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> Option<usize> {
        if self.table().is_empty() {
            return self
                .entries
                .iter()
                .position(|e| e.hash == hash && !matches!(e.key, Value::Unbound) && eq(e.key));
        }
        let mask = self.table().len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            match self.table().get(i).copied().unwrap_or(EMPTY) {
                EMPTY => return None,
                DELETED => {}
                ix => {
                    if let Some(e) = self.entries.get(ix as usize) {
                        if e.hash == hash && eq(e.key) {
                            return Some(ix as usize);
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// The value at an entry position.
    pub fn value_at(&self, i: usize) -> Option<Value> {
        self.entry_at(i).map(|e| e.value)
    }

    /// Replace the value at an entry position.
    pub fn set_value_at(&mut self, i: usize, v: Value) {
        if let Some(e) = self.entries.get_mut(i) {
            e.value = v;
        }
    }

    /// Append a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        self.version = self.version.wrapping_add(1);
        if self.table().is_empty() && self.entries.len() < LINEAR_MAX {
            self.entries.push(Entry { hash, key, value });
            self.len += 1;
            return;
        }
        if (self.entries.len() + 1) * 3 >= self.table().len() * 2 {
            self.rebuild((self.len + 1) * 3);
        }
        let ix = u32::try_from(self.entries.len()).unwrap_or(DELETED - 1);
        self.entries.push(Entry { hash, key, value });
        self.place(hash, ix);
        self.len += 1;
    }

    /// Remove the entry at a position, returning it.
    pub fn remove_at(&mut self, pos: usize) -> Option<Entry> {
        let e = *self.entry_at(pos)?;
        self.version = self.version.wrapping_add(1);
        if self.table().is_empty() {
            if let Some(slot) = self.entries.get_mut(pos) {
                slot.key = Value::Unbound;
                slot.value = Value::Unbound;
            }
            self.len -= 1;
            if self.len == 0 {
                self.entries.clear();
            }
            return Some(e);
        }
        let mask = self.table().len() - 1;
        let mut perturb = e.hash as u64;
        let mut i = (e.hash as u64 as usize) & mask;
        loop {
            match self.table().get(i).copied().unwrap_or(EMPTY) {
                EMPTY => break,
                ix if ix as usize == pos => {
                    if let Some(slot) = self.indices.as_deref_mut().and_then(|t| t.get_mut(i)) {
                        *slot = DELETED;
                    }
                    break;
                }
                _ => {}
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        if let Some(slot) = self.entries.get_mut(pos) {
            slot.key = Value::Unbound;
            slot.value = Value::Unbound;
        }
        self.len -= 1;
        if self.len == 0 {
            self.entries.clear();
            self.indices = None;
        }
        Some(e)
    }

    /// Remove and return the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let pos = self
            .entries
            .iter()
            .rposition(|e| !matches!(e.key, Value::Unbound))?;
        self.remove_at(pos)
    }

    /// Remove everything.
    pub fn clear(&mut self) {
        self.version = self.version.wrapping_add(1);
        self.entries.clear();
        self.indices = None;
        self.len = 0;
    }

    fn place(&mut self, hash: i64, ix: u32) {
        let mask = self.table().len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            match self.table().get(i).copied() {
                Some(EMPTY | DELETED) => {
                    if let Some(slot) = self.indices.as_deref_mut().and_then(|t| t.get_mut(i)) {
                        *slot = ix;
                    }
                    return;
                }
                Some(_) => {}
                None => return,
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    fn rebuild(&mut self, min_size: usize) {
        let mut size = 8usize;
        while size < min_size {
            size = size.saturating_mul(2);
        }
        self.entries.retain(|e| !matches!(e.key, Value::Unbound));
        self.indices = Some(vec![EMPTY; size].into_boxed_slice());
        for ix in 0..self.entries.len() {
            let hash = self.entries.get(ix).map_or(0, |e| e.hash);
            self.place(hash, u32::try_from(ix).unwrap_or(0));
        }
    }
}

/// The index table as serde sees it: an empty sequence for none, as before it was an Option.
mod table_serde {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<Box<[u32]>>, s: S) -> Result<S::Ok, S::Error> {
        t.as_deref().unwrap_or_default().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Box<[u32]>>, D::Error> {
        let t = Box::<[u32]>::deserialize(d)?;
        Ok((!t.is_empty()).then_some(t))
    }
}
