//! Dict, list and set primitives used by the VM and by builtins: lookup by hash and key
//! equality, insertion with memory accounting, and bulk updates from iterables.

use crate::exc::{self, PyResult, messages};
use crate::heap::Heap;
use crate::types::dict::Dict;
use crate::types::object::{DictViewKind, Object};
use crate::types::set::Set;
use crate::value::Value;
use crate::vm::Vm;

/// Equality of two hashable builtin keys without calling back into Python. Iterative, so
/// deeply nested tuple keys cannot overflow the Rust stack.
pub fn key_eq(heap: &Heap, a: Value, b: Value) -> bool {
    // Fast paths without the work stack: identical keys, ints and strs.
    if a.is(b) {
        return true;
    }
    match (a, b) {
        (Value::Int(p), Value::Int(q)) => return p == q,
        (Value::Obj(p), Value::Obj(q)) => {
            if let (Object::Str(s), Object::Str(t)) = (heap.get(p), heap.get(q)) {
                return s.s == t.s;
            }
        }
        _ => {}
    }
    let mut work = vec![(a, b)];
    while let Some((x, y)) = work.pop() {
        if x.is(y) {
            continue;
        }
        let same = match (x, y) {
            (Value::Int(p), Value::Int(q)) => p == q,
            (Value::Int(p), Value::Bool(q)) | (Value::Bool(q), Value::Int(p)) => p == i64::from(q),
            (Value::Float(p), Value::Float(q)) => p == q,
            (Value::Float(p), Value::Int(q)) | (Value::Int(q), Value::Float(p)) => {
                p.fract() == 0.0 && p.abs() < 9.2e18 && p as i64 == q && (q as f64) == p
            }
            (Value::Float(p), Value::Bool(q)) | (Value::Bool(q), Value::Float(p)) => {
                p == f64::from(u8::from(q))
            }
            (Value::Float(p), Value::Obj(q)) | (Value::Obj(q), Value::Float(p)) => {
                match heap.get(q) {
                    Object::BigInt(b) => {
                        p.is_finite()
                            && p.fract() == 0.0
                            && crate::types::float::float_to_big(p) == *b
                    }
                    _ => complex_key_eq(heap, x, y),
                }
            }
            (Value::Obj(p), Value::Obj(q)) => match (heap.get(p), heap.get(q)) {
                (Object::Str(s), Object::Str(t)) => s.s == t.s,
                (
                    Object::Range(_) | Object::BigRange(_),
                    Object::Range(_) | Object::BigRange(_),
                ) => {
                    let big = |o: &Object| match o {
                        Object::Range(r) => Some(r.to_big()),
                        Object::BigRange(r) => Some((**r).clone()),
                        _ => None,
                    };
                    match (big(heap.get(p)), big(heap.get(q))) {
                        (Some(r), Some(s)) => r.same_as(&s),
                        _ => false,
                    }
                }
                (Object::Bytes(s), Object::Bytes(t)) => s == t,
                (Object::BigInt(s), Object::BigInt(t)) => s == t,
                (Object::Tuple(s), Object::Tuple(t)) => {
                    if s.len() != t.len() {
                        return false;
                    }
                    work.extend(s.iter().copied().zip(t.iter().copied()));
                    true
                }
                (Object::FrozenSet(s), Object::FrozenSet(t)) => {
                    s.len() == t.len()
                        && s.iter().all(|(h, v)| t.contains(h, |w| key_eq(heap, v, w)))
                }
                _ => complex_key_eq(heap, x, y),
            },
            _ => complex_key_eq(heap, x, y),
        };
        if !same {
            return false;
        }
    }
    true
}

/// Key equality when a side may be a complex: equal parts, or a zero imaginary part and a
/// real part equal to the other (real) key. False when neither side is a complex.
#[cold]
fn complex_key_eq(heap: &Heap, a: Value, b: Value) -> bool {
    let complex = |v: Value| match heap.get_obj(v) {
        Some(Object::Complex(c)) => Some(*c),
        _ => None,
    };
    match (complex(a), complex(b)) {
        (Some(p), Some(q)) => p.re == q.re && p.im == q.im,
        // A NaN real part equals nothing (`key_eq` takes equal float bits as the same key).
        (Some(c), None) => c.im == 0.0 && !c.re.is_nan() && key_eq(heap, Value::Float(c.re), b),
        (None, Some(c)) => c.im == 0.0 && !c.re.is_nan() && key_eq(heap, a, Value::Float(c.re)),
        (None, None) => false,
    }
}

impl Vm {
    /// A new empty dict.
    pub fn new_dict(&mut self) -> PyResult<Value> {
        self.alloc(Object::Dict(Dict::new()))
    }

    /// A dict from a flat `[k1, v1, k2, v2, ...]` list.
    pub(crate) fn new_dict_from_pairs(&mut self, flat: &[Value]) -> PyResult<Value> {
        let d = self.alloc(Object::Dict(Dict::with_capacity(flat.len() / 2)))?;
        for pair in flat.chunks(2) {
            if let [k, v] = pair {
                self.dict_set(d, *k, *v)?;
            }
        }
        Ok(d)
    }

    pub(crate) fn dict_find(&mut self, d: Value, key: Value) -> PyResult<Option<usize>> {
        let h = self.hash(key)?;
        self.dict_find_hashed(d, key, h)
    }

    /// Entry position of `key` (hash `h`): builtin keys compare natively; user objects
    /// through `__eq__`.
    fn dict_find_hashed(&mut self, d: Value, key: Value, h: i64) -> PyResult<Option<usize>> {
        let heap = &self.heap;
        let Some(Object::Dict(dict)) = heap.get_obj(d) else {
            return Err(crate::exc::RunError::Internal(
                "dict operation on a non-dict",
            ));
        };
        if !self.is_user_instance(key) {
            // A stored user object with the same hash (Fraction(1, 2) for 0.5) decides
            // equality through its own `__eq__`, below.
            let mut saw_user = false;
            let found = dict.find(h, |k| {
                if self.is_user_instance(k) {
                    saw_user = true;
                    return false;
                }
                key_eq(heap, k, key)
            });
            if found.is_some() || !saw_user {
                return Ok(found);
            }
        }
        for (pos, k) in dict.candidates(h) {
            if k.is(key) || self.eq(k, key)? {
                return Ok(Some(pos));
            }
        }
        Ok(None)
    }

    /// `d.get(key)` without a default: None when missing.
    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let pos = self.dict_find(d, key)?;
        Ok(pos.and_then(|p| match self.heap.get_obj(d) {
            Some(Object::Dict(dict)) => dict.value_at(p),
            _ => None,
        }))
    }

    /// `d[key] = v`.
    pub fn dict_set(&mut self, d: Value, key: Value, v: Value) -> PyResult<()> {
        let h = self.hash(key)?;
        let Some(id) = d.obj() else {
            return Err(crate::exc::RunError::Internal("dict_set on a non-object"));
        };
        let pos = self.dict_find_hashed(d, key, h)?;
        let grew = if let Object::Dict(dict) = self.heap.get_mut(id) {
            match pos {
                Some(p) => {
                    dict.set_value_at(p, v);
                    false
                }
                None => {
                    dict.insert_new(h, key, v);
                    true
                }
            }
        } else {
            false
        };
        if grew {
            self.heap.recharge(id)?;
        }
        Ok(())
    }

    /// `del d[key]`; returns the removed value, or None when missing.
    pub fn dict_remove(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let pos = self.dict_find(d, key)?;
        let Some(p) = pos else { return Ok(None) };
        let Some(id) = d.obj() else { return Ok(None) };
        if let Object::Dict(dict) = self.heap.get_mut(id) {
            return Ok(dict.remove_at(p).map(|e| e.value));
        }
        Ok(None)
    }

    /// The (key, value) pairs of a dict, in order.
    pub fn dict_items(&mut self, d: Value) -> PyResult<Vec<(Value, Value)>> {
        match self.heap.get_obj(d) {
            Some(Object::Dict(dict)) => Ok(dict.iter().map(|e| (e.key, e.value)).collect()),
            _ => Err(exc::type_error(messages::not_a_mapping(&self.type_name(d)))),
        }
    }

    /// `target.update(m)`, or the `**m` merge of a call when `strict` (duplicate keys raise).
    pub(crate) fn dict_update(&mut self, target: Value, m: Value, strict: bool) -> PyResult<()> {
        let view = self.builtin_view(m);
        let has_keys = self.is_user_instance(m) && self.user_dunder(m, "keys")?.is_some();
        let pairs: Vec<(Value, Value)> = match self.heap.get_obj(view) {
            Some(Object::Dict(dict)) if !has_keys => {
                dict.iter().map(|e| (e.key, e.value)).collect()
            }
            _ if has_keys => {
                // A mapping: `keys()` then `m[key]`.
                let keys_name = self.intern_static("keys")?;
                let keys_fn = self.getattr(m, keys_name)?;
                let ks = self.call(keys_fn, &[])?;
                let ks = self.collect_iterable(ks)?;
                let mut pairs = Vec::with_capacity(ks.len());
                for k in ks {
                    let v = self.getitem(m, k)?;
                    pairs.push((k, v));
                }
                pairs
            }
            _ => {
                if strict {
                    return Err(exc::type_error(format!(
                        "argument after ** must be a mapping, not {}",
                        self.type_name(m)
                    )));
                }
                let items = self.collect_iterable(m)?;
                let mut pairs = Vec::with_capacity(items.len());
                for (i, it) in items.into_iter().enumerate() {
                    let kv = self.collect_iterable(it).map_err(|_| {
                        exc::type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        ))
                    })?;
                    match kv.as_slice() {
                        [k, v] => pairs.push((*k, *v)),
                        _ => {
                            return Err(exc::value_error(format!(
                                "dictionary update sequence element #{i} has length {}; 2 is required",
                                kv.len()
                            )));
                        }
                    }
                }
                pairs
            }
        };
        for (k, v) in pairs {
            if strict {
                if self.str_of(k).is_none() {
                    return Err(exc::type_error("keywords must be strings"));
                }
                if self.dict_get(target, k)?.is_some() {
                    let name = self.str_of(k).unwrap_or("").to_string();
                    return Err(exc::type_error(format!(
                        "got multiple values for keyword argument '{name}'"
                    )));
                }
            }
            self.dict_set(target, k, v)?;
        }
        Ok(())
    }

    /// Append to a list.
    pub fn list_append(&mut self, l: Value, v: Value) -> PyResult<()> {
        let Some(id) = l.obj() else {
            return Err(crate::exc::RunError::Internal("append to a non-list"));
        };
        let grow = match self.heap.get_mut(id) {
            Object::List(items) => {
                let before = items.capacity();
                items.push(v);
                items.capacity() != before
            }
            _ => return Err(crate::exc::RunError::Internal("append to a non-list")),
        };
        if grow {
            self.heap.recharge(id)?;
        }
        Ok(())
    }

    /// `BuildString`: concatenate f-string parts, refused before building when too big.
    pub(crate) fn build_string(&mut self, parts: &[Value]) -> PyResult<Value> {
        let total = parts
            .iter()
            .map(|p| self.str_of(*p).map_or(0, str::len))
            .fold(0usize, usize::saturating_add);
        self.heap.account.check_fits(total)?;
        let mut s = compact_str::CompactString::with_capacity(total);
        for p in parts {
            s.push_str(self.str_of(*p).unwrap_or(""));
        }
        self.new_str(s)
    }

    /// Extend a list with an iterable.
    pub fn list_extend(&mut self, l: Value, it: Value) -> PyResult<()> {
        let items = self.collect_iterable(it)?;
        self.list_extend_items(l, items)
    }

    /// Append collected items to a list.
    pub(crate) fn list_extend_items(&mut self, l: Value, items: Vec<Value>) -> PyResult<()> {
        let Some(id) = l.obj() else {
            return Err(crate::exc::RunError::Internal("extend a non-list"));
        };
        self.heap
            .account
            .check_fits(items.len().saturating_mul(std::mem::size_of::<Value>()))?;
        if let Object::List(v) = self.heap.get_mut(id) {
            v.extend(items);
        }
        self.heap.recharge(id)
    }

    /// The items of a list or tuple (a copy).
    pub fn list_items(&self, l: Value) -> Vec<Value> {
        match self.heap.get_obj(l) {
            Some(Object::List(v) | Object::Tuple(v)) => v.clone(),
            _ => Vec::new(),
        }
    }

    /// A new empty set.
    pub fn new_set(&mut self) -> PyResult<Value> {
        self.alloc(Object::Set(Set::new()))
    }

    /// A new set from values.
    pub(crate) fn new_set_from(&mut self, items: &[Value]) -> PyResult<Value> {
        let s = self.new_set()?;
        for v in items {
            self.set_add(s, *v)?;
        }
        Ok(s)
    }

    /// Whether a set contains a value.
    pub fn set_contains(&mut self, s: Value, v: Value) -> PyResult<bool> {
        let h = self.hash(v)?;
        if !self.is_user_instance(v) {
            // A stored user object with the same hash decides equality through its own
            // `__eq__` (as in `dict_find`), below.
            let heap = &self.heap;
            let mut saw_user = false;
            let found = match heap.get_obj(s) {
                Some(Object::Set(set) | Object::FrozenSet(set)) => set.contains(h, |k| {
                    if self.is_user_instance(k) {
                        saw_user = true;
                        return false;
                    }
                    key_eq(heap, k, v)
                }),
                _ => false,
            };
            if found || !saw_user {
                return Ok(found);
            }
        }
        {
            let candidates = match self.heap.get_obj(s) {
                Some(Object::Set(set) | Object::FrozenSet(set)) => set.candidates(h),
                _ => return Ok(false),
            };
            for k in candidates {
                if k.is(v) || self.eq(k, v)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }

    /// Add to a set (or frozenset under construction).
    pub fn set_add(&mut self, s: Value, v: Value) -> PyResult<()> {
        let h = self.hash(v)?;
        let Some(id) = s.obj() else {
            return Err(crate::exc::RunError::Internal("add to a non-set"));
        };
        let present = self.set_contains(s, v)?;
        if !present {
            if let Object::Set(set) | Object::FrozenSet(set) = self.heap.get_mut(id) {
                set.insert_new(h, v);
            }
            self.heap.recharge(id)?;
        }
        Ok(())
    }

    /// Remove from a set; returns whether it was present.
    pub fn set_discard(&mut self, s: Value, v: Value) -> PyResult<bool> {
        let h = self.hash(v)?;
        let Some(id) = s.obj() else { return Ok(false) };
        let candidates = match self.heap.get(id) {
            Object::Set(set) | Object::FrozenSet(set) => set.candidates(h),
            _ => return Ok(false),
        };
        let mut found = None;
        for k in candidates {
            let user = self.is_user_instance(v) || self.is_user_instance(k);
            if k.is(v) || (user && self.eq(k, v)?) || key_eq(&self.heap, k, v) {
                found = Some(k);
                break;
            }
        }
        let Some(found) = found else { return Ok(false) };
        // A frozenset only reaches here while a new one is built (`difference` of several
        // iterables removes from the fresh result), never through a method call.
        if let Object::Set(set) | Object::FrozenSet(set) = self.heap.get_mut(id) {
            let heap_free_eq = |k: Value| k.is(found);
            return Ok(set.remove(h, heap_free_eq));
        }
        Ok(false)
    }

    /// The elements of a set, in table order.
    pub fn set_items(&self, s: Value) -> Vec<Value> {
        match self.heap.get_obj(s) {
            Some(Object::Set(set) | Object::FrozenSet(set)) => set.iter().map(|(_, v)| v).collect(),
            _ => Vec::new(),
        }
    }

    /// `len(v)` for builtin containers.
    pub fn len_of(&mut self, v: Value) -> PyResult<usize> {
        if self.is_user_instance(v) {
            if let Some(r) = self.call_dunder(v, "__len__", &[])? {
                return self.len_result(r);
            }
            let view = self.builtin_view(v);
            if !view.is(v) {
                return self.len_of(view);
            }
        }
        Ok(match self.heap.get_obj(v) {
            Some(Object::Str(s)) => s.chars,
            Some(Object::Bytes(b) | Object::ByteArray(b)) => b.len(),
            Some(Object::List(l) | Object::Tuple(l)) => l.len(),
            Some(Object::Dict(d)) => d.len(),
            Some(Object::Set(s) | Object::FrozenSet(s)) => s.len(),
            Some(Object::Range(r)) => usize::try_from(r.len()).unwrap_or(usize::MAX),
            Some(Object::BigRange(r)) => return Vm::big_range_len(r),
            Some(Object::DictView(_, d)) => {
                let d = *d;
                return self.len_of(d);
            }
            _ => {
                return Err(exc::type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(v)
                )));
            }
        })
    }

    /// A dict view object.
    pub(crate) fn dict_view(&mut self, d: Value, kind: DictViewKind) -> PyResult<Value> {
        self.alloc(Object::DictView(kind, d))
    }
}
