//! Set algebra with CPython's exact algorithms (Objects/setobject.c: `set_update_internal`,
//! `set_merge`, `set_intersection`, `set_difference`, `set_symmetric_difference_update`).
//!
//! A set's iteration order is its table order, so every operation copies, probes and inserts in
//! the order CPython does. Set elements are builtin hashable values, so element equality
//! (`key_eq`) never calls Python and a table may be taken out of the heap while it is worked on;
//! nothing allocates while a table is out.

use crate::exc::{self, PyResult, RunError};
use crate::types::object::Object;
use crate::types::set::Set;
use crate::value::Value;
use crate::vm::Vm;
use crate::vm::ops::container::key_eq;

impl Vm {
    /// The table of a set or frozenset.
    pub(crate) fn set_table(&self, v: Value) -> Option<&Set> {
        match self.heap.get_obj(v) {
            Some(Object::Set(s) | Object::FrozenSet(s)) => Some(s),
            _ => None,
        }
    }

    /// Whether `v` is a frozenset.
    pub(crate) fn is_frozenset(&self, v: Value) -> bool {
        matches!(self.heap.get_obj(v), Some(Object::FrozenSet(_)))
    }

    fn set_len(&self, v: Value) -> usize {
        self.set_table(v).map_or(0, Set::len)
    }

    fn take_table(&mut self, s: Value) -> PyResult<Set> {
        let Some(id) = s.obj() else {
            return Err(RunError::Internal("set operation on a non-set"));
        };
        match self.heap.get_mut(id) {
            Object::Set(t) | Object::FrozenSet(t) => Ok(std::mem::take(t)),
            _ => Err(RunError::Internal("set operation on a non-set")),
        }
    }

    fn put_table(&mut self, s: Value, table: Set) -> PyResult<()> {
        let Some(id) = s.obj() else {
            return Err(RunError::Internal("set operation on a non-set"));
        };
        if let Object::Set(t) | Object::FrozenSet(t) = self.heap.get_mut(id) {
            *t = table;
        }
        self.heap.recharge(id)
    }

    fn alloc_table(&mut self, table: Set, frozen: bool) -> PyResult<Value> {
        self.alloc(if frozen {
            Object::FrozenSet(table)
        } else {
            Object::Set(table)
        })
    }

    /// Run `f` with `v` held as a GC root.
    fn rooted<T>(&mut self, v: Value, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        self.temp_roots.push(v);
        let r = f(self);
        self.temp_roots.pop();
        r
    }

    /// Call `f` on each item of an iterable, keeping the iterator rooted.
    fn for_each_item(
        &mut self,
        iterable: Value,
        mut f: impl FnMut(&mut Vm, Value) -> PyResult<bool>,
    ) -> PyResult<()> {
        let it = self.get_iter(iterable)?;
        self.rooted(it, |vm| {
            while let Some(v) = vm.next(it)? {
                if !f(vm, v)? {
                    break;
                }
            }
            Ok(())
        })
    }

    /// `so |= other` for any iterable (CPython `set_update_internal`).
    pub fn set_update(&mut self, so: Value, other: Value) -> PyResult<()> {
        if let Some(o) = self.set_table(other) {
            if so.is(other) || o.is_empty() {
                return Ok(());
            }
            let o = o.clone();
            let mut t = self.take_table(so)?;
            let heap = &self.heap;
            t.merge(&o, |a, b| key_eq(heap, a, b));
            return self.put_table(so, t);
        }
        if let Some(Object::Dict(d)) = self.heap.get_obj(other) {
            let keys: Vec<(i64, Value)> = d.iter().map(|e| (e.hash, e.key)).collect();
            let mut t = self.take_table(so)?;
            t.presize(keys.len());
            let heap = &self.heap;
            for (h, k) in keys {
                t.add_entry(h, k, |x| key_eq(heap, x, k));
            }
            return self.put_table(so, t);
        }
        self.for_each_item(other, |vm, v| vm.set_add(so, v).map(|()| true))
    }

    /// A new set or frozenset from an optional iterable (CPython `make_new_set`).
    pub(crate) fn make_set(&mut self, frozen: bool, iterable: Option<Value>) -> PyResult<Value> {
        let s = self.alloc_table(Set::new(), frozen)?;
        if let Some(it) = iterable {
            self.rooted(s, |vm| vm.set_update(s, it))?;
        }
        Ok(s)
    }

    /// A new set from any iterable.
    pub fn set_from_iterable(&mut self, it: Value) -> PyResult<Value> {
        self.make_set(false, Some(it))
    }

    /// A copy of a set with the same type (CPython `set_copy`).
    pub(crate) fn set_copy(&mut self, so: Value) -> PyResult<Value> {
        let frozen = self.is_frozenset(so);
        self.make_set(frozen, Some(so))
    }

    fn set_clear(&mut self, so: Value) -> PyResult<()> {
        let mut t = self.take_table(so)?;
        t.clear();
        self.put_table(so, t)
    }

    /// `so & other`, with the type of `so` (CPython `set_intersection`).
    pub(crate) fn set_intersection(&mut self, so: Value, other: Value) -> PyResult<Value> {
        if so.is(other) {
            return self.set_copy(so);
        }
        let frozen = self.is_frozenset(so);
        if let (Some(a), Some(b)) = (self.set_table(so), self.set_table(other)) {
            // Iterate the smaller table (`other` on a tie), probing the larger.
            let (big, small) = if b.len() > a.len() { (b, a) } else { (a, b) };
            let heap = &self.heap;
            let mut out = Set::new();
            for (h, k) in small.iter() {
                if big.contains(h, |x| key_eq(heap, x, k)) {
                    out.insert_new(h, k);
                }
            }
            return self.alloc_table(out, frozen);
        }
        let result = self.alloc_table(Set::new(), frozen)?;
        self.rooted(result, |vm| {
            vm.for_each_item(other, |vm, k| {
                if vm.set_contains(so, k)? {
                    vm.set_add(result, k)?;
                    if vm.set_len(result) >= vm.set_len(so) {
                        return Ok(false);
                    }
                }
                Ok(true)
            })
        })?;
        Ok(result)
    }

    /// `so.intersection(*others)` (CPython `set_intersection_multi`).
    pub(crate) fn set_intersection_multi(
        &mut self,
        so: Value,
        others: &[Value],
    ) -> PyResult<Value> {
        let mut result = so;
        if others.is_empty() {
            return self.set_copy(so);
        }
        for &o in others {
            result = self.rooted(result, |vm| vm.set_intersection(result, o))?;
        }
        Ok(result)
    }

    /// `so -= other` for any iterable (CPython `set_difference_update_internal`).
    pub(crate) fn set_difference_update(&mut self, so: Value, other: Value) -> PyResult<()> {
        if so.is(other) {
            return self.set_clear(so);
        }
        if let Some(o) = self.set_table(other) {
            // When the other set is more than 8 times larger, discard only the common part.
            let o = if (o.len() >> 3) > self.set_len(so) {
                let common = self.set_intersection(so, other)?;
                self.set_table(common).cloned().unwrap_or_default()
            } else {
                o.clone()
            };
            let mut t = self.take_table(so)?;
            let heap = &self.heap;
            for (h, k) in o.iter() {
                t.remove(h, |x| key_eq(heap, x, k));
            }
            t.shrink_dummies();
            return self.put_table(so, t);
        }
        self.for_each_item(other, |vm, k| vm.set_discard(so, k).map(|_| true))?;
        let mut t = self.take_table(so)?;
        t.shrink_dummies();
        self.put_table(so, t)
    }

    fn set_copy_and_difference(&mut self, so: Value, other: Value) -> PyResult<Value> {
        let r = self.set_copy(so)?;
        self.rooted(r, |vm| vm.set_difference_update(r, other))?;
        Ok(r)
    }

    /// `so - other`, with the type of `so` (CPython `set_difference`).
    pub(crate) fn set_difference(&mut self, so: Value, other: Value) -> PyResult<Value> {
        let other_size = match self.heap.get_obj(other) {
            Some(Object::Set(s) | Object::FrozenSet(s)) => s.len(),
            Some(Object::Dict(d)) => d.len(),
            _ => return self.set_copy_and_difference(so, other),
        };
        if (self.set_len(so) >> 2) > other_size {
            return self.set_copy_and_difference(so, other);
        }
        let frozen = self.is_frozenset(so);
        let heap = &self.heap;
        let Some(a) = self.set_table(so) else {
            return Err(RunError::Internal("set_difference on a non-set"));
        };
        let mut out = Set::new();
        match heap.get_obj(other) {
            Some(Object::Dict(d)) => {
                for (h, k) in a.iter() {
                    if d.find(h, |x| key_eq(heap, x, k)).is_none() {
                        out.insert_new(h, k);
                    }
                }
            }
            Some(Object::Set(b) | Object::FrozenSet(b)) => {
                for (h, k) in a.iter() {
                    if !b.contains(h, |x| key_eq(heap, x, k)) {
                        out.insert_new(h, k);
                    }
                }
            }
            _ => {}
        }
        self.alloc_table(out, frozen)
    }

    /// `so.difference(*others)` (CPython `set_difference_multi`).
    pub(crate) fn set_difference_multi(&mut self, so: Value, others: &[Value]) -> PyResult<Value> {
        let Some((&first, rest)) = others.split_first() else {
            return self.set_copy(so);
        };
        let result = self.set_difference(so, first)?;
        self.rooted(result, |vm| {
            for &o in rest {
                vm.set_difference_update(result, o)?;
            }
            Ok(())
        })?;
        Ok(result)
    }

    /// `so ^= other` for any iterable (CPython `set_symmetric_difference_update`).
    pub(crate) fn set_symmetric_difference_update(
        &mut self,
        so: Value,
        other: Value,
    ) -> PyResult<()> {
        if so.is(other) {
            return self.set_clear(so);
        }
        let keys: Vec<(i64, Value)> = match self.heap.get_obj(other) {
            Some(Object::Dict(d)) => d.iter().map(|e| (e.hash, e.key)).collect(),
            Some(Object::Set(s) | Object::FrozenSet(s)) => s.iter().collect(),
            _ => {
                let frozen = self.is_frozenset(so);
                let tmp = self.make_set(frozen, Some(other))?;
                self.set_table(tmp)
                    .map(|s| s.iter().collect())
                    .unwrap_or_default()
            }
        };
        let mut t = self.take_table(so)?;
        let heap = &self.heap;
        for (h, k) in keys {
            if !t.remove(h, |x| key_eq(heap, x, k)) {
                t.insert_new(h, k);
            }
        }
        self.put_table(so, t)
    }

    /// `so ^ other`, with the type of `so` (CPython `set_symmetric_difference`).
    pub(crate) fn set_symmetric_difference(&mut self, so: Value, other: Value) -> PyResult<Value> {
        let frozen = self.is_frozenset(so);
        let r = self.make_set(frozen, Some(other))?;
        self.rooted(r, |vm| vm.set_symmetric_difference_update(r, so))?;
        Ok(r)
    }

    /// `so | other` (CPython `set_or`): a copy of `so` updated with `other`.
    pub(crate) fn set_union(&mut self, so: Value, others: &[Value]) -> PyResult<Value> {
        let r = self.set_copy(so)?;
        self.rooted(r, |vm| {
            for &o in others {
                if !o.is(so) {
                    vm.set_update(r, o)?;
                }
            }
            Ok(())
        })?;
        Ok(r)
    }

    /// Whether every element of set `a` is in set `b` (CPython `set_issubset`).
    pub(crate) fn set_is_subset(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let (Some(x), Some(y)) = (self.set_table(a), self.set_table(b)) else {
            return Err(RunError::Internal("set_is_subset on a non-set"));
        };
        if x.len() > y.len() {
            return Ok(false);
        }
        let heap = &self.heap;
        Ok(x.iter().all(|(h, k)| y.contains(h, |v| key_eq(heap, v, k))))
    }

    /// `so.issubset(other)` for any iterable.
    pub(crate) fn set_issubset_any(&mut self, so: Value, other: Value) -> PyResult<bool> {
        if self.set_table(other).is_some() {
            return self.set_is_subset(so, other);
        }
        let tmp = self.make_set(false, Some(other))?;
        self.set_is_subset(so, tmp)
    }

    /// `so.issuperset(other)` for any iterable.
    pub(crate) fn set_issuperset_any(&mut self, so: Value, other: Value) -> PyResult<bool> {
        if self.set_table(other).is_some() {
            return self.set_is_subset(other, so);
        }
        let mut all = true;
        self.for_each_item(other, |vm, k| {
            all = vm.set_contains(so, k)?;
            Ok(all)
        })?;
        Ok(all)
    }

    /// `so.isdisjoint(other)` for any iterable (CPython `set_isdisjoint`).
    pub(crate) fn set_isdisjoint(&mut self, so: Value, other: Value) -> PyResult<bool> {
        if so.is(other) {
            return Ok(self.set_len(so) == 0);
        }
        if let (Some(a), Some(b)) = (self.set_table(so), self.set_table(other)) {
            let (big, small) = if b.len() > a.len() { (b, a) } else { (a, b) };
            let heap = &self.heap;
            return Ok(!small
                .iter()
                .any(|(h, k)| big.contains(h, |x| key_eq(heap, x, k))));
        }
        let mut disjoint = true;
        self.for_each_item(other, |vm, k| {
            disjoint = !vm.set_contains(so, k)?;
            Ok(disjoint)
        })?;
        Ok(disjoint)
    }

    /// `a op b` for two sets/frozensets: `|`, `&`, `-`, `^`, with the type of `a`.
    pub(crate) fn set_binop(
        &mut self,
        op: crate::bytecode::BinOp,
        a: Value,
        b: Value,
    ) -> PyResult<Value> {
        use crate::bytecode::BinOp;
        match op {
            BinOp::Or => self.set_union(a, &[b]),
            BinOp::And => self.set_intersection(a, b),
            BinOp::Sub => self.set_difference(a, b),
            BinOp::Xor => self.set_symmetric_difference(a, b),
            _ => Err(exc::type_error("unsupported set operation")),
        }
    }

    /// `a op= b` for a set `a` and a set/frozenset `b`, in place.
    pub(crate) fn set_inplace(
        &mut self,
        op: crate::bytecode::BinOp,
        a: Value,
        b: Value,
    ) -> PyResult<()> {
        use crate::bytecode::BinOp;
        match op {
            BinOp::Or => self.set_update(a, b),
            BinOp::And => {
                let r = self.set_intersection(a, b)?;
                self.set_replace_body(a, r)
            }
            BinOp::Sub => self.set_difference_update(a, b),
            BinOp::Xor => self.set_symmetric_difference_update(a, b),
            _ => Err(exc::type_error("unsupported set operation")),
        }
    }

    /// Give `so` the table of `from` (CPython `set_swap_bodies`).
    pub(crate) fn set_replace_body(&mut self, so: Value, from: Value) -> PyResult<()> {
        let body = self.set_table(from).cloned().unwrap_or_default();
        let mut t = self.take_table(so)?;
        t.replace_body(body);
        self.put_table(so, t)
    }
}
