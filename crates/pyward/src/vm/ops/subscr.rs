//! Subscription: `obj[key]`, `obj[key] = v`, `del obj[key]` for builtin containers.

use crate::exc::{self, PyResult, messages};
use crate::types::bytes_methods;
use crate::types::object::Object;
use crate::types::range::{Slice, adjust_indices};
use crate::value::Value;
use crate::vm::Vm;

/// Resolved slice bounds.
#[derive(Clone, Copy, Debug)]
pub struct SliceIdx {
    /// First index.
    pub start: i64,
    /// Step.
    pub step: i64,
    /// Number of elements.
    pub count: i64,
}

impl SliceIdx {
    /// The selected indices.
    pub fn indices(self) -> impl Iterator<Item = usize> {
        (0..self.count).map(move |k| usize::try_from(self.start + k * self.step).unwrap_or(0))
    }
}

impl Vm {
    /// Resolve a slice object against a length.
    pub fn resolve_slice(&self, s: &Slice, len: usize) -> PyResult<SliceIdx> {
        let conv = |v: Value| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                _ => self.index_arg(v, "").map(Some).map_err(|_| {
                    exc::type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )
                }),
            }
        };
        let step = conv(s.step)?.unwrap_or(1);
        if step == 0 {
            return Err(exc::value_error("slice step cannot be zero"));
        }
        let step = step.max(-i64::MAX);
        let len = i64::try_from(len).unwrap_or(i64::MAX);
        let (start, _stop, step, count) = adjust_indices(conv(s.start)?, conv(s.stop)?, step, len);
        Ok(SliceIdx { start, step, count })
    }

    /// A sequence subscript that is an instance of a user class with `__index__` (or of an
    /// int subclass) becomes its int, as CPython's `PyNumber_AsSsize_t`; other keys
    /// (and every key of a mapping) stay as they are.
    fn index_key(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        if !self.is_user_instance(key) {
            return Ok(key);
        }
        if !matches!(
            self.heap.get_obj(obj),
            Some(
                Object::List(_)
                    | Object::Tuple(_)
                    | Object::Str(_)
                    | Object::Bytes(_)
                    | Object::ByteArray(_)
                    | Object::Range(_)
                    | Object::BigRange(_)
            )
        ) {
            return Ok(key);
        }
        if let Some(i) = self.call_dunder(key, "__index__", &[])? {
            if !super::int::is_int(self, i) || self.is_user_instance(i) {
                return Err(exc::type_error(format!(
                    "__index__ returned non-int (type {})",
                    self.type_name(i)
                )));
            }
            return Ok(i);
        }
        let view = self.builtin_view(key);
        Ok(if super::int::is_int(self, view) {
            view
        } else {
            key
        })
    }

    fn seq_index(&self, key: Value, len: usize, tname: &str) -> PyResult<usize> {
        let Some(i) = self.to_index(key) else {
            if super::int::is_int(self, key) {
                return Err(exc::index_error(
                    "cannot fit 'int' into an index-sized integer".to_string(),
                ));
            }
            return Err(exc::type_error(format!(
                "{tname} indices must be integers or slices, not {}",
                self.type_name(key)
            )));
        };
        let len_i = i64::try_from(len).unwrap_or(i64::MAX);
        let j = if i < 0 { i + len_i } else { i };
        if j < 0 || j >= len_i {
            return Err(exc::index_error(messages::index_out_of_range(tname)));
        }
        Ok(usize::try_from(j).unwrap_or(0))
    }

    /// `obj[key]`.
    pub fn getitem(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        if self.is_user_class(obj) {
            if let Some(r) = self.call_dunder(obj, "__getitem__", &[key])? {
                return Ok(r);
            }
            if let Some(f) = self.class_lookup(obj, "__class_getitem__")? {
                let f = match self.heap.get_obj(f) {
                    Some(Object::ClassMethod(inner) | Object::StaticMethod(inner)) => *inner,
                    _ => f,
                };
                return self.call(f, &[obj, key]);
            }
            return Err(exc::type_error(format!(
                "type '{}' is not subscriptable",
                self.class_name(obj)
            )));
        }
        if self.is_user_instance(obj) {
            if let Some(r) = self.call_dunder(obj, "__getitem__", &[key])? {
                return Ok(r);
            }
            let view = self.builtin_view(obj);
            if view.is(obj) {
                return Err(exc::type_error(messages::not_subscriptable(
                    &self.type_name(obj),
                )));
            }
            if matches!(self.heap.get_obj(view), Some(Object::Dict(_))) {
                if let Some(v) = self.dict_get(view, key)? {
                    return Ok(v);
                }
                if let Some(r) = self.call_dunder(obj, "__missing__", &[key])? {
                    return Ok(r);
                }
                return Err(exc::key_error(key));
            }
            return self.getitem(view, key);
        }
        let key = self.index_key(obj, key)?;
        let slice = match self.heap.get_obj(key) {
            Some(Object::Slice(s)) => Some(*s),
            _ => None,
        };
        let Some(o) = self.heap.get_obj(obj) else {
            if let Value::Type(_) = obj {
                // `list[int]`: a `types.GenericAlias`.
                return self.call_module_fn("types", "_generic_alias", &[obj, key]);
            }
            return Err(exc::type_error(messages::not_subscriptable(
                &self.type_name(obj),
            )));
        };
        match o {
            Object::List(items) | Object::Tuple(items) => {
                let is_list = matches!(o, Object::List(_));
                let tname = if is_list { "list" } else { "tuple" };
                if let Some(s) = slice {
                    let idx = self.resolve_slice(&s, items.len())?;
                    let out: Vec<Value> = idx
                        .indices()
                        .filter_map(|i| items.get(i).copied())
                        .collect();
                    return if is_list {
                        self.new_list(out)
                    } else {
                        self.new_tuple(out)
                    };
                }
                let i = self.seq_index(key, items.len(), tname)?;
                items
                    .get(i)
                    .copied()
                    .ok_or_else(|| exc::index_error(messages::index_out_of_range(tname)))
            }
            Object::Str(s) => {
                if let Some(sl) = slice {
                    let idx = self.resolve_slice(&sl, s.chars)?;
                    let out = if idx.step == 1 {
                        let start = usize::try_from(idx.start).unwrap_or(0);
                        let end = start + usize::try_from(idx.count).unwrap_or(0);
                        s.substring(start, end).to_string()
                    } else if s.is_ascii() {
                        let b = s.s.as_bytes();
                        idx.indices()
                            .filter_map(|i| b.get(i).map(|&c| c as char))
                            .collect()
                    } else {
                        let chars: Vec<char> = s.s.chars().collect();
                        idx.indices()
                            .filter_map(|i| chars.get(i).copied())
                            .collect()
                    };
                    return self.new_str(out);
                }
                let Some(i) = self.to_index(key) else {
                    return Err(exc::type_error(format!(
                        "string indices must be integers, not '{}'",
                        self.type_name(key)
                    )));
                };
                let len = i64::try_from(s.chars).unwrap_or(i64::MAX);
                let j = if i < 0 { i + len } else { i };
                if j < 0 || j >= len {
                    return Err(exc::index_error("string index out of range"));
                }
                let c = s.char_at(usize::try_from(j).unwrap_or(0)).unwrap_or(' ');
                self.new_str(c.to_string())
            }
            Object::Bytes(b) | Object::ByteArray(b) => {
                let is_array = matches!(o, Object::ByteArray(_));
                if let Some(sl) = slice {
                    let idx = self.resolve_slice(&sl, b.len())?;
                    let out: Vec<u8> = idx.indices().filter_map(|i| b.get(i).copied()).collect();
                    return self.alloc(if is_array {
                        Object::ByteArray(out)
                    } else {
                        Object::Bytes(out)
                    });
                }
                let i = if is_array {
                    self.seq_index(key, b.len(), "bytearray")?
                } else {
                    self.seq_index(key, b.len(), "byte").map_err(|e| {
                        if e.is_new(crate::types::BuiltinType::IndexError) {
                            exc::index_error("index out of range")
                        } else {
                            e
                        }
                    })?
                };
                Ok(Value::Int(i64::from(b.get(i).copied().unwrap_or(0))))
            }
            Object::Dict(_) => match self.dict_get(obj, key)? {
                Some(v) => Ok(v),
                None => Err(exc::key_error(key)),
            },
            Object::Range(_) | Object::BigRange(_) => self.range_getitem(obj, key),
            _ => Err(exc::type_error(messages::not_subscriptable(
                &self.type_name(obj),
            ))),
        }
    }

    /// `obj[key] = v`.
    pub fn setitem(&mut self, obj: Value, key: Value, v: Value) -> PyResult<()> {
        if self.is_user_instance(obj) {
            if self.call_dunder(obj, "__setitem__", &[key, v])?.is_some() {
                return Ok(());
            }
            let view = self.builtin_view(obj);
            if view.is(obj) {
                return Err(exc::type_error(messages::no_item_assignment(
                    &self.type_name(obj),
                )));
            }
            return self.setitem(view, key, v);
        }
        let key = self.index_key(obj, key)?;
        let slice = match self.heap.get_obj(key) {
            Some(Object::Slice(s)) => Some(*s),
            _ => None,
        };
        match self.heap.get_obj(obj) {
            Some(Object::Dict(_)) => self.dict_set(obj, key, v),
            Some(Object::List(items)) => {
                let len = items.len();
                let Some(id) = obj.obj() else { return Ok(()) };
                if let Some(s) = slice {
                    let new_items = self.collect_iterable(v)?;
                    let idx = self.resolve_slice(&s, len)?;
                    if idx.step == 1 {
                        let start = usize::try_from(idx.start).unwrap_or(0).min(len);
                        let end = (start + usize::try_from(idx.count).unwrap_or(0)).min(len);
                        if let Object::List(l) = self.heap.get_mut(id) {
                            l.splice(start..end, new_items);
                        }
                        return self.heap.recharge(id);
                    }
                    if usize::try_from(idx.count).unwrap_or(0) != new_items.len() {
                        return Err(exc::value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new_items.len(),
                            idx.count
                        )));
                    }
                    if let Object::List(l) = self.heap.get_mut(id) {
                        for (i, nv) in idx.indices().zip(new_items) {
                            if let Some(slot) = l.get_mut(i) {
                                *slot = nv;
                            }
                        }
                    }
                    return Ok(());
                }
                let i = self.seq_index(key, len, "list").map_err(|e| {
                    if e.is_new(crate::types::BuiltinType::IndexError) {
                        exc::index_error("list assignment index out of range")
                    } else {
                        e
                    }
                })?;
                if let Object::List(l) = self.heap.get_mut(id) {
                    if let Some(slot) = l.get_mut(i) {
                        *slot = v;
                    }
                }
                Ok(())
            }
            Some(Object::ByteArray(b)) => {
                let len = b.len();
                if let Some(s) = slice {
                    return self.bytearray_set_slice(obj, &s, v);
                }
                let i = self.seq_index(key, len, "bytearray")?;
                let byte = bytes_methods::byte_value(self, v)?;
                bytes_methods::with_array(self, obj, |b| {
                    if let Some(slot) = b.get_mut(i) {
                        *slot = byte;
                    }
                })
            }
            _ => Err(exc::type_error(messages::no_item_assignment(
                &self.type_name(obj),
            ))),
        }
    }

    /// `ba[slice] = v` for a bytearray (bytearray_ass_subscript / bytearray_setslice).
    fn bytearray_set_slice(&mut self, obj: Value, s: &Slice, v: Value) -> PyResult<()> {
        use crate::exc::messages::bytes as bmsg;
        let is_number = matches!(v, Value::Int(_) | Value::Bool(_) | Value::Float(_))
            || super::int::is_int(self, v);
        if is_number || self.str_of(v).is_some() {
            return Err(exc::type_error(bmsg::slice_assign_type()));
        }
        let data = match bytes_methods::buffer(self, v) {
            Some(b) => b.to_vec(),
            None => {
                if self.get_iter(v).is_err() {
                    return Err(exc::type_error(bmsg::cannot_convert(
                        &self.type_name(v),
                        "bytearray",
                    )));
                }
                bytes_methods::int_bytes(self, v)?
            }
        };
        let len = match self.heap.get_obj(obj) {
            Some(Object::ByteArray(b)) => b.len(),
            _ => {
                return Err(crate::exc::RunError::Internal(
                    "bytearray slice on a non-bytearray",
                ));
            }
        };
        let idx = self.resolve_slice(s, len)?;
        let count = usize::try_from(idx.count).unwrap_or(0);
        if idx.step == 1 {
            self.heap.account.check_fits(data.len())?;
            let start = usize::try_from(idx.start).unwrap_or(0).min(len);
            let end = start.saturating_add(count).min(len);
            return bytes_methods::with_array(self, obj, |b| {
                b.splice(start..end, data);
            });
        }
        if count != data.len() {
            return Err(exc::value_error(bmsg::extended_slice_size(
                data.len(),
                count,
            )));
        }
        bytes_methods::with_array(self, obj, |b| {
            for (i, c) in idx.indices().zip(data) {
                if let Some(slot) = b.get_mut(i) {
                    *slot = c;
                }
            }
        })
    }

    /// `del obj[key]`.
    pub fn delitem(&mut self, obj: Value, key: Value) -> PyResult<()> {
        if self.is_user_instance(obj) {
            if self.call_dunder(obj, "__delitem__", &[key])?.is_some() {
                return Ok(());
            }
            let view = self.builtin_view(obj);
            if view.is(obj) {
                return Err(exc::type_error(messages::no_item_deletion(
                    &self.type_name(obj),
                )));
            }
            return self.delitem(view, key);
        }
        let key = self.index_key(obj, key)?;
        let slice = match self.heap.get_obj(key) {
            Some(Object::Slice(s)) => Some(*s),
            _ => None,
        };
        match self.heap.get_obj(obj) {
            Some(Object::Dict(_)) => match self.dict_remove(obj, key)? {
                Some(_) => Ok(()),
                None => Err(exc::key_error(key)),
            },
            Some(Object::List(items)) => {
                let len = items.len();
                let Some(id) = obj.obj() else { return Ok(()) };
                if let Some(s) = slice {
                    let idx = self.resolve_slice(&s, len)?;
                    let mut remove: Vec<usize> = idx.indices().collect();
                    remove.sort_unstable();
                    if let Object::List(l) = self.heap.get_mut(id) {
                        let mut k = 0;
                        let mut i = 0;
                        l.retain(|_| {
                            let keep = remove.get(k) != Some(&i);
                            if !keep {
                                k += 1;
                            }
                            i += 1;
                            keep
                        });
                    }
                    return Ok(());
                }
                let i = self.seq_index(key, len, "list").map_err(|e| {
                    if e.is_new(crate::types::BuiltinType::IndexError) {
                        exc::index_error("list assignment index out of range")
                    } else {
                        e
                    }
                })?;
                if let Object::List(l) = self.heap.get_mut(id) {
                    l.remove(i);
                }
                Ok(())
            }
            Some(Object::ByteArray(b)) => {
                let len = b.len();
                if let Some(s) = slice {
                    let idx = self.resolve_slice(&s, len)?;
                    let mut remove = vec![false; len];
                    for i in idx.indices() {
                        if let Some(r) = remove.get_mut(i) {
                            *r = true;
                        }
                    }
                    return bytes_methods::with_array(self, obj, |b| {
                        let mut k = 0usize;
                        b.retain(|_| {
                            let keep = !remove.get(k).copied().unwrap_or(false);
                            k += 1;
                            keep
                        });
                    });
                }
                let i = self.seq_index(key, len, "bytearray")?;
                bytes_methods::with_array(self, obj, |b| {
                    if i < b.len() {
                        b.remove(i);
                    }
                })
            }
            _ => Err(exc::type_error(messages::no_item_deletion(
                &self.type_name(obj),
            ))),
        }
    }
}
