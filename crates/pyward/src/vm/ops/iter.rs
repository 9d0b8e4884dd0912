//! Iteration: `iter()`, `next()` over builtin iterators and adaptors, and sequence unpacking.

use crate::exc::{self, PyResult, RunError, messages};
use crate::types::generator::GenKind;
use crate::types::iter::Iter;
use crate::types::object::{DictViewKind, Object};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        if self.is_user_instance(v) {
            if let Some(it) = self.call_dunder(v, "__iter__", &[])? {
                if !self.is_iterator(it) {
                    return Err(exc::type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        self.type_name(it)
                    )));
                }
                return Ok(it);
            }
            let view = self.builtin_view(v);
            // An instance of a builtin iterator's subclass is its own iterator, so that its
            // class's `__next__` runs.
            if self.builtin_type_of(view).is_iterator() {
                return Ok(v);
            }
            if !view.is(v) {
                return self.get_iter(view);
            }
            if self.user_dunder(v, "__getitem__")?.is_some() {
                return self.alloc(Object::Iter(Iter::GetItem { obj: v, idx: 0 }));
            }
            return Err(exc::type_error(messages::not_iterable(&self.type_name(v))));
        }
        let it = match self.heap.get_obj(v) {
            Some(Object::List(_) | Object::Tuple(_)) => Iter::Seq { seq: v, idx: 0 },
            Some(Object::Str(_)) => Iter::Str { s: v, pos: 0 },
            Some(Object::Bytes(_) | Object::ByteArray(_)) => Iter::Bytes { b: v, idx: 0 },
            Some(Object::Range(r)) => Iter::Range {
                next: r.start,
                step: r.step,
                left: r.len(),
            },
            Some(Object::BigRange(_)) => return self.range_iter(v, false),
            Some(Object::Dict(d)) => Iter::Dict {
                dict: v,
                pos: 0,
                len: d.len(),
                kind: 0,
            },
            Some(Object::DictView(kind, d)) => {
                let (kind, d) = (*kind, *d);
                let len = self.len_of(d)?;
                let k = match kind {
                    DictViewKind::Keys => 0,
                    DictViewKind::Values => 1,
                    DictViewKind::Items => 2,
                };
                Iter::Dict {
                    dict: d,
                    pos: 0,
                    len,
                    kind: k,
                }
            }
            Some(Object::Set(s) | Object::FrozenSet(s)) => Iter::Set {
                set: v,
                pos: 0,
                len: s.len(),
            },
            Some(Object::Iter(_) | Object::AwaitOp(_)) => return Ok(v),
            Some(Object::Generator(g)) if g.kind == GenKind::Generator => return Ok(v),
            _ => return Err(exc::type_error(messages::not_iterable(&self.type_name(v)))),
        };
        self.alloc(Object::Iter(it))
    }

    /// Advance an iterator: `Some(value)`, or `None` when exhausted.
    pub fn next(&mut self, it: Value) -> PyResult<Option<Value>> {
        if self.is_user_instance(it) {
            return match self.call_dunder(it, "__next__", &[]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) if self.builtin_type_of(self.builtin_view(it)).is_iterator() => {
                    let view = self.builtin_view(it);
                    self.next(view)
                }
                Ok(None) => Err(exc::type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                ))),
                Err(e) if self.is_stop_iteration(&e) => Ok(None),
                Err(e) => Err(e),
            };
        }
        match self.heap.get_obj(it) {
            Some(Object::AwaitOp(_)) => {
                let id = it.obj().unwrap_or(crate::value::ObjId(0));
                return self.await_op_next(id);
            }
            Some(Object::Generator(g)) if g.kind != GenKind::Generator => {
                return Err(exc::type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                )));
            }
            _ => {}
        }
        if let Some(Object::Generator(_)) = self.heap.get_obj(it) {
            let gid = it.obj().unwrap_or(crate::value::ObjId(0));
            let r = self.gen_next(gid)?;
            if r.is_none() {
                // Plain iteration consumes the return value, as CPython's tp_iternext does.
                self.take_return_value(it);
            }
            return Ok(r);
        }
        let Some(id) = it.obj() else {
            return Err(exc::type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            )));
        };
        let state = match self.heap.get(id) {
            Object::Iter(i) => i,
            _ => {
                return Err(exc::type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                )));
            }
        };
        // Fast paths that need no allocation or callbacks.
        match state {
            Iter::Seq { seq, idx } => {
                let (seq, idx) = (*seq, *idx);
                let v = match self.heap.get_obj(seq) {
                    Some(Object::List(l) | Object::Tuple(l)) => l.get(idx).copied(),
                    _ => None,
                };
                self.set_iter(id, |s| {
                    if let Iter::Seq { idx, .. } = s {
                        *idx += 1;
                    }
                });
                if v.is_none() {
                    self.set_iter(id, |s| *s = Iter::Done);
                }
                return Ok(v);
            }
            Iter::Range { next, step, left } => {
                let (n, st, l) = (*next, *step, *left);
                if l <= 0 {
                    return Ok(None);
                }
                self.set_iter(id, |s| {
                    if let Iter::Range { next, left, .. } = s {
                        *next = n.wrapping_add(st);
                        *left = l - 1;
                    }
                });
                return Ok(Some(Value::Int(n)));
            }
            _ => {}
        }
        let state = state.clone();
        match state {
            Iter::Seq { .. } | Iter::Range { .. } | Iter::Done => Ok(None),
            Iter::Str { s, pos } => {
                let c = self
                    .str_of(s)
                    .and_then(|t| t.get(pos..))
                    .and_then(|t| t.chars().next());
                match c {
                    Some(c) => {
                        self.set_iter(id, |st| {
                            if let Iter::Str { pos, .. } = st {
                                *pos += c.len_utf8();
                            }
                        });
                        Ok(Some(self.new_str(c.to_string())?))
                    }
                    None => Ok(None),
                }
            }
            Iter::Bytes { b, idx } => {
                let v = match self.heap.get_obj(b) {
                    Some(Object::Bytes(x) | Object::ByteArray(x)) => x.get(idx).copied(),
                    _ => None,
                };
                self.set_iter(id, |st| {
                    if let Iter::Bytes { idx, .. } = st {
                        *idx += 1;
                    }
                });
                Ok(v.map(|x| Value::Int(i64::from(x))))
            }
            Iter::BigRange(mut st) => {
                let v = self.big_range_next(&mut st)?;
                self.set_iter(id, |s| *s = Iter::BigRange(st));
                Ok(v)
            }
            Iter::Dict {
                dict,
                pos,
                len,
                kind,
            } => {
                let (cur_len, slots) = match self.heap.get_obj(dict) {
                    Some(Object::Dict(d)) => (d.len(), d.slots()),
                    _ => (0, 0),
                };
                if cur_len != len {
                    self.set_iter(id, |st| *st = Iter::Done);
                    return Err(exc::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                let mut p = pos;
                while p < slots {
                    let e = match self.heap.get_obj(dict) {
                        Some(Object::Dict(d)) => d.entry_at(p).copied(),
                        _ => None,
                    };
                    p += 1;
                    if let Some(e) = e {
                        self.set_iter(id, |st| {
                            if let Iter::Dict { pos, .. } = st {
                                *pos = p;
                            }
                        });
                        return Ok(Some(match kind {
                            0 => e.key,
                            1 => e.value,
                            _ => self.new_tuple(vec![e.key, e.value])?,
                        }));
                    }
                }
                self.set_iter(id, |st| *st = Iter::Done);
                Ok(None)
            }
            Iter::Set { set, pos, len } => {
                let (cur_len, slots) = match self.heap.get_obj(set) {
                    Some(Object::Set(s) | Object::FrozenSet(s)) => (s.len(), s.slots()),
                    _ => (0, 0),
                };
                if cur_len != len {
                    self.set_iter(id, |st| *st = Iter::Done);
                    return Err(exc::runtime_error("Set changed size during iteration"));
                }
                let mut p = pos;
                while p < slots {
                    let v = match self.heap.get_obj(set) {
                        Some(Object::Set(s) | Object::FrozenSet(s)) => s.at(p),
                        _ => None,
                    };
                    p += 1;
                    if let Some(v) = v {
                        self.set_iter(id, |st| {
                            if let Iter::Set { pos, .. } = st {
                                *pos = p;
                            }
                        });
                        return Ok(Some(v));
                    }
                }
                self.set_iter(id, |st| *st = Iter::Done);
                Ok(None)
            }
            Iter::Enumerate { it: inner, count } => {
                self.enter_data("")?;
                let r = stacker::maybe_grow(
                    crate::vm::STACK_RED_ZONE,
                    crate::vm::STACK_SEGMENT,
                    || self.next(inner),
                );
                self.leave_data();
                match r? {
                    Some(v) => {
                        self.set_iter(id, |st| {
                            if let Iter::Enumerate { count, .. } = st {
                                *count += 1;
                            }
                        });
                        Ok(Some(self.new_tuple(vec![Value::Int(count), v])?))
                    }
                    None => Ok(None),
                }
            }
            Iter::Zip { its, strict } => {
                if its.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(its.len());
                self.enter_data("")?;
                let r = (|| {
                    for (i, inner) in its.iter().enumerate() {
                        match self.next(*inner)? {
                            Some(v) => out.push(v),
                            None => {
                                if strict {
                                    if i > 0 {
                                        let plural = if i == 1 { "" } else { "s" };
                                        let range = if i == 1 {
                                            "1".to_string()
                                        } else {
                                            format!("1-{i}")
                                        };
                                        return Err(exc::value_error(format!(
                                            "zip() argument {} is shorter than argument{plural} {range}",
                                            i + 1
                                        )));
                                    }
                                    for (j, rest) in its.iter().enumerate().skip(1) {
                                        if self.next(*rest)?.is_some() {
                                            let plural = if j == 1 { "" } else { "s" };
                                            let range = if j == 1 {
                                                "1".to_string()
                                            } else {
                                                format!("1-{j}")
                                            };
                                            return Err(exc::value_error(format!(
                                                "zip() argument {} is longer than argument{plural} {range}",
                                                j + 1
                                            )));
                                        }
                                    }
                                }
                                return Ok(None);
                            }
                        }
                    }
                    Ok(Some(()))
                })();
                self.leave_data();
                match r? {
                    Some(()) => Ok(Some(self.new_tuple(out)?)),
                    None => {
                        self.set_iter(id, |st| *st = Iter::Done);
                        Ok(None)
                    }
                }
            }
            Iter::Map { func, its } => {
                let mut args = Vec::with_capacity(its.len());
                self.enter_data("")?;
                let r = (|| {
                    for inner in &its {
                        match self.next(*inner)? {
                            Some(v) => args.push(v),
                            None => return Ok(false),
                        }
                    }
                    Ok(true)
                })();
                self.leave_data();
                if !r? {
                    return Ok(None);
                }
                Ok(Some(self.call(func, &args)?))
            }
            Iter::Filter { func, it: inner } => loop {
                self.enter_data("")?;
                let r = stacker::maybe_grow(
                    crate::vm::STACK_RED_ZONE,
                    crate::vm::STACK_SEGMENT,
                    || self.next(inner),
                );
                self.leave_data();
                let Some(v) = r? else { return Ok(None) };
                let keep = if matches!(func, Value::None) {
                    self.truthy(v)?
                } else {
                    let r = self.call(func, &[v])?;
                    self.truthy(r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
            Iter::Reversed { seq, idx } => {
                if idx == 0 {
                    return Ok(None);
                }
                let i = idx - 1;
                self.set_iter(id, |st| {
                    if let Iter::Reversed { idx, .. } = st {
                        *idx = i;
                    }
                });
                let v = match self.heap.get_obj(seq) {
                    Some(Object::List(l) | Object::Tuple(l)) => l.get(i).copied(),
                    Some(Object::Range(r)) => {
                        Some(Value::Int(r.get(i64::try_from(i).unwrap_or(0))))
                    }
                    Some(Object::Bytes(b) | Object::ByteArray(b)) => {
                        b.get(i).map(|&c| Value::Int(i64::from(c)))
                    }
                    Some(Object::Str(s)) => {
                        let c = s.char_at(i);
                        match c {
                            Some(c) => return Ok(Some(self.new_str(c.to_string())?)),
                            None => None,
                        }
                    }
                    Some(Object::Instance(_)) => {
                        let key = Value::Int(i64::try_from(i).unwrap_or(0));
                        return self.getitem(seq, key).map(Some);
                    }
                    _ => None,
                };
                Ok(v)
            }
            Iter::GetItem { obj, idx } => {
                let key = Value::Int(i64::try_from(idx).unwrap_or(i64::MAX));
                match self.getitem(obj, key) {
                    Ok(v) => {
                        self.set_iter(id, |st| {
                            if let Iter::GetItem { idx, .. } = st {
                                *idx += 1;
                            }
                        });
                        Ok(Some(v))
                    }
                    Err(e)
                        if self.is_exception_of(&e, crate::types::BuiltinType::IndexError)
                            || self.is_stop_iteration(&e) =>
                    {
                        self.set_iter(id, |st| *st = Iter::Done);
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            Iter::Callable { func, sentinel } => {
                let v = self.call(func, &[])?;
                if self.eq(v, sentinel)? {
                    self.set_iter(id, |st| *st = Iter::Done);
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
        }
    }

    /// Whether `v` can be passed to `next()`.
    pub fn is_iterator(&mut self, v: Value) -> bool {
        match self.heap.get_obj(v) {
            Some(Object::Iter(_) | Object::AwaitOp(_)) => true,
            Some(Object::Generator(g)) => g.kind == GenKind::Generator,
            _ => {
                self.is_user_instance(v) && self.user_dunder(v, "__next__").ok().flatten().is_some()
            }
        }
    }

    /// Whether an error is a StopIteration (raised by `__next__` to end iteration).
    pub fn is_stop_iteration(&self, e: &RunError) -> bool {
        match e {
            RunError::Exc(x) => match &**x {
                crate::exc::Exc::New { ty, .. } => {
                    ty.is_subtype(crate::types::BuiltinType::StopIteration)
                }
                crate::exc::Exc::Obj(id) => {
                    let cls = self.exception_class(Value::Obj(*id));
                    self.is_subclass(cls, Value::Type(crate::types::BuiltinType::StopIteration))
                }
            },
            _ => false,
        }
    }

    fn set_iter(&mut self, id: crate::value::ObjId, f: impl FnOnce(&mut Iter)) {
        if let Object::Iter(i) = self.heap.get_mut(id) {
            f(i);
        }
    }

    /// All items of an iterable, as a Vec (memory-checked as it grows).
    pub fn collect_iterable(&mut self, v: Value) -> PyResult<Vec<Value>> {
        match self.heap.get_obj(v) {
            Some(Object::List(l) | Object::Tuple(l)) => return Ok(l.clone()),
            Some(Object::Range(r)) => {
                let r = *r;
                let n = usize::try_from(r.len()).unwrap_or(usize::MAX);
                self.heap.account.check_fits(n.saturating_mul(16))?;
                return Ok((0..r.len()).map(|i| Value::Int(r.get(i))).collect());
            }
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        self.temp_roots.push(it);
        let r = (|| {
            while let Some(x) = self.next(it)? {
                if out.len() % 4096 == 4095 {
                    self.heap.account.check_fits(out.len() * 16)?;
                    self.check_deadline()?;
                }
                out.push(x);
            }
            Ok::<(), RunError>(())
        })();
        self.temp_roots.pop();
        r.map(|()| out)
    }

    /// `UnpackSequence` / `UnpackEx`: push the items so the first ends on top.
    pub(crate) fn unpack(
        &mut self,
        seq: Value,
        before: usize,
        after: Option<usize>,
    ) -> PyResult<()> {
        let items = match self.heap.get_obj(seq) {
            Some(Object::List(l) | Object::Tuple(l)) => l.clone(),
            _ => {
                if self.get_iter(seq).is_err() {
                    return Err(exc::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.type_name(seq)
                    )));
                }
                self.collect_iterable(seq)?
            }
        };
        let n = items.len();
        match after {
            None => {
                if n != before {
                    return Err(if n > before {
                        exc::value_error(format!("too many values to unpack (expected {before})"))
                    } else {
                        exc::value_error(format!(
                            "not enough values to unpack (expected {before}, got {n})"
                        ))
                    });
                }
                for v in items.into_iter().rev() {
                    self.push(v);
                }
            }
            Some(after) => {
                if n < before + after {
                    return Err(exc::value_error(format!(
                        "not enough values to unpack (expected at least {}, got {n})",
                        before + after
                    )));
                }
                let tail = items
                    .get(n - after..)
                    .map(<[Value]>::to_vec)
                    .unwrap_or_default();
                let middle = items
                    .get(before..n - after)
                    .map(<[Value]>::to_vec)
                    .unwrap_or_default();
                let head = items
                    .get(..before)
                    .map(<[Value]>::to_vec)
                    .unwrap_or_default();
                for v in tail.into_iter().rev() {
                    self.push(v);
                }
                let m = self.new_list(middle)?;
                self.push(m);
                for v in head.into_iter().rev() {
                    self.push(v);
                }
            }
        }
        Ok(())
    }
}
