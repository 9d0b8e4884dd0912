//! `set` and `frozenset`: CPython's open-addressing set table (Objects/setobject.c).
//!
//! The probe sequence, resize policy and table sizes follow CPython exactly, because a set's
//! iteration order is its table order and programs print sets of ints.

use crate::value::Value;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;

#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) enum Slot {
    Empty,
    Dummy,
    Full(i64, Value),
}

/// A Python set table.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Set {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Where `pop` resumes its scan (CPython's `finger`).
    finger: usize,
}

impl Default for Set {
    fn default() -> Set {
        Set::new()
    }
}

impl Set {
    /// An empty set.
    pub fn new() -> Set {
        Set {
            table: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Bytes held by the table.
    pub fn size_bytes(&self) -> usize {
        self.table.capacity() * std::mem::size_of::<Slot>()
    }

    /// The raw table with its fill and used counts, for snapshot validation.
    pub(crate) fn raw_parts(&self) -> (&[Slot], usize, usize) {
        (&self.table, self.fill, self.used)
    }

    /// Values kept alive.
    pub fn trace(&self, out: &mut Vec<Value>) {
        out.extend(self.iter().map(|(_, v)| v));
    }

    /// Elements with their hashes, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (i64, Value)> + '_ {
        self.table.iter().filter_map(|s| match s {
            Slot::Full(h, v) => Some((*h, *v)),
            _ => None,
        })
    }

    /// Table slot count (for positional iteration).
    pub fn slots(&self) -> usize {
        self.table.len()
    }

    /// The element at table position `i`, if any.
    pub fn at(&self, i: usize) -> Option<Value> {
        match self.table.get(i) {
            Some(Slot::Full(_, v)) => Some(*v),
            _ => None,
        }
    }

    /// Elements with hash `hash`, in probe order (for equality tests that need the VM).
    pub fn candidates(&self, hash: i64) -> Vec<Value> {
        let mut out = Vec::new();
        self.probe(hash, |h, v| {
            if h == hash {
                out.push(v);
            }
            false
        });
        out
    }

    /// Whether an element equal to the key (by `eq`) is present.
    pub fn contains(&self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> bool {
        self.find(hash, &mut eq).is_some()
    }

    fn find(&self, hash: i64, eq: &mut impl FnMut(Value) -> bool) -> Option<usize> {
        let mut found = None;
        self.probe_positions(hash, |i, h, v| {
            if h == hash && eq(v) {
                found = Some(i);
                true
            } else {
                false
            }
        });
        found
    }

    fn probe(&self, hash: i64, mut f: impl FnMut(i64, Value) -> bool) {
        self.probe_positions(hash, |_, h, v| f(h, v));
    }

    /// Visit full slots along the probe sequence until `f` returns true or an empty slot.
    fn probe_positions(&self, hash: i64, mut f: impl FnMut(usize, i64, Value) -> bool) {
        let mask = self.table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let limit = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=limit {
                match self.table.get(i + j) {
                    Some(Slot::Empty) | None => return,
                    Some(Slot::Dummy) => {}
                    Some(Slot::Full(h, v)) => {
                        if f(i + j, *h, *v) {
                            return;
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Insert a key known to be absent (CPython `set_add_entry` after a failed lookup): the
    /// last dummy on the probe sequence is reused, else the empty slot that ended the probe.
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        let mask = self.table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free: Option<usize> = None;
        'outer: loop {
            let limit = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=limit {
                match self.table.get(i + j) {
                    Some(Slot::Empty) | None => {
                        if let Some(at) = free {
                            // Reusing a dummy leaves `fill` unchanged: no resize check.
                            self.put(at, hash, key, false);
                            return;
                        }
                        self.put(i + j, hash, key, true);
                        break 'outer;
                    }
                    // CPython overwrites `freeslot` at every dummy: the last one wins.
                    Some(Slot::Dummy) => free = Some(i + j),
                    Some(Slot::Full(..)) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        if self.fill * 5 >= mask * 3 {
            let target = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(target);
        }
    }

    fn put(&mut self, at: usize, hash: i64, key: Value, was_empty: bool) {
        if let Some(slot) = self.table.get_mut(at) {
            *slot = Slot::Full(hash, key);
        }
        if was_empty {
            self.fill += 1;
        }
        self.used += 1;
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; newsize]);
        self.fill = 0;
        self.used = 0;
        for s in old {
            if let Slot::Full(h, v) = s {
                self.insert_clean(h, v);
            }
        }
    }

    /// The table work of CPython `set_merge`: one resize up front, then a direct copy when
    /// this set is empty. Returns false when the caller must still add `other`'s keys one by
    /// one, in `other`'s table order.
    pub fn merge_prepare(&mut self, other: &Set) -> bool {
        if other.used == 0 {
            return true;
        }
        let mask = self.table.len() - 1;
        if (self.fill + other.used) * 5 >= mask * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill != 0 {
            return false;
        }
        if self.table.len() == other.table.len() && other.fill == other.used {
            self.table.clone_from(&other.table);
            self.fill = other.fill;
            self.used = other.used;
        } else {
            for slot in &other.table {
                if let Slot::Full(h, v) = *slot {
                    self.insert_clean(h, v);
                }
            }
        }
        true
    }

    /// Resize dummies away when over a quarter of the table holds them (the end of CPython's
    /// set_difference_update_internal).
    pub fn drop_dummies(&mut self) {
        if self.fill - self.used > (self.table.len() - 1) / 4 {
            let target = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(target);
        }
    }

    /// Insert into a table with no dummies and no equal key (CPython `set_insert_clean`).
    fn insert_clean(&mut self, hash: i64, key: Value) {
        let mask = self.table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let limit = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=limit {
                if let Some(Slot::Empty) = self.table.get(i + j) {
                    self.put(i + j, hash, key, true);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Remove the element equal to the key; returns whether it was present.
    pub fn remove(&mut self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> bool {
        match self.find(hash, &mut eq) {
            Some(i) => {
                if let Some(slot) = self.table.get_mut(i) {
                    *slot = Slot::Dummy;
                }
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// Remove and return an arbitrary element (CPython's `set_pop` order).
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.table.len() - 1;
        let mut i = self.finger & mask;
        loop {
            if let Some(Slot::Full(_, v)) = self.table.get(i) {
                let v = *v;
                if let Some(slot) = self.table.get_mut(i) {
                    *slot = Slot::Dummy;
                }
                self.used -= 1;
                self.finger = i + 1;
                return Some(v);
            }
            i = (i + 1) & mask;
        }
    }

    /// Remove everything. The `pop` finger survives, as in CPython's `set_clear_internal`.
    pub fn clear(&mut self) {
        let finger = self.finger;
        *self = Set::new();
        self.finger = finger;
    }

    /// Take another table's contents but keep this set's `pop` finger (CPython
    /// `set_swap_bodies`, used by `intersection_update`).
    pub fn replace_body(&mut self, other: Set) {
        let finger = self.finger;
        *self = other;
        self.finger = finger;
    }

    /// Add a key unless an equal one is present (CPython `set_add_entry`); true when added.
    pub fn add_entry(&mut self, hash: i64, key: Value, eq: impl Fn(Value) -> bool) -> bool {
        if self.contains(hash, eq) {
            return false;
        }
        self.insert_new(hash, key);
        true
    }

    /// Resize up front before adding `n` keys that are probably new (the presize step of
    /// CPython `set_merge` and of `set_update_internal` for dicts).
    pub fn presize(&mut self, n: usize) {
        let mask = self.table.len() - 1;
        if self.fill.saturating_add(n).saturating_mul(5) >= mask.saturating_mul(3) {
            self.resize(self.used.saturating_add(n).saturating_mul(2));
        }
    }

    /// Drop dummies once more than a quarter of the table is dummies (the tail of CPython
    /// `set_difference_update_internal`).
    pub fn shrink_dummies(&mut self) {
        let mask = self.table.len() - 1;
        if self.fill - self.used <= mask / 4 {
            return;
        }
        let target = if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        };
        self.resize(target);
    }

    /// `self |= other` for another set table (CPython `set_merge`): one resize up front, then a
    /// slot-by-slot copy when the tables line up, clean inserts into an empty table, or
    /// ordinary adds.
    pub fn merge(&mut self, other: &Set, eq: impl Fn(Value, Value) -> bool) {
        if other.used == 0 {
            return;
        }
        self.presize(other.used);
        if self.fill == 0 && self.table.len() == other.table.len() && other.fill == other.used {
            self.table.clone_from(&other.table);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for (h, k) in other.iter() {
                self.insert_clean(h, k);
            }
            return;
        }
        for (h, k) in other.iter() {
            self.add_entry(h, k, |x| eq(x, k));
        }
    }
}
