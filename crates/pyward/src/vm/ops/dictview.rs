//! Set operations and comparisons on dict views (Objects/dictobject.c `dictviews_sub`,
//! `_PyDictView_Intersect`, `dictviews_or`, `dictviews_xor`, `dictitems_xor`,
//! `dictview_richcompare`).
//!
//! `keys()` and `items()` views are set-like: `-`, `|`, `^` turn the left operand (whatever it
//! is) into a set and apply the set method; `&` iterates the smaller operand. Results are sets.

use crate::bytecode::{BinOp, CmpOp};
use crate::exc::PyResult;
use crate::types::object::{DictViewKind, Object};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The kind and dict of a `keys()` or `items()` view.
    pub(crate) fn setlike_view(&self, v: Value) -> Option<(DictViewKind, Value)> {
        match self.heap.get_obj(v) {
            Some(Object::DictView(k @ (DictViewKind::Keys | DictViewKind::Items), d)) => {
                Some((*k, *d))
            }
            _ => None,
        }
    }

    /// Whether a view contains `item` (`dictkeys_contains`, `dictitems_contains`).
    pub(crate) fn view_contains(&mut self, view: Value, item: Value) -> PyResult<bool> {
        let Some((kind, d)) = self.setlike_view(view) else {
            return self.contains(view, item);
        };
        if kind == DictViewKind::Keys {
            return Ok(self.dict_get(d, item)?.is_some());
        }
        let (k, v) = match self.heap.get_obj(item) {
            Some(Object::Tuple(t)) => match t.as_slice() {
                [k, v] => (*k, *v),
                _ => return Ok(false),
            },
            _ => return Ok(false),
        };
        match self.dict_get(d, k)? {
            Some(found) => Ok(found.is(v) || self.eq(found, v)?),
            None => Ok(false),
        }
    }

    /// A set of the elements of `v` (CPython `dictviews_to_set`: a keys view of a dict
    /// fills from the dict itself).
    fn view_to_set(&mut self, v: Value) -> PyResult<Value> {
        let src = match self.setlike_view(v) {
            Some((DictViewKind::Keys, d)) => d,
            _ => v,
        };
        self.make_set(false, Some(src))
    }

    /// `a op b` where one side is a keys/items view; None when the operator does not apply.
    pub(crate) fn dictview_binop(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<Value>> {
        if self.setlike_view(a).is_none() && self.setlike_view(b).is_none() {
            return Ok(None);
        }
        let r = match op {
            BinOp::And => self.view_intersect(a, b)?,
            BinOp::Or => {
                let r = self.view_to_set(a)?;
                self.temp_roots.push(r);
                let res = self.set_update(r, b);
                self.temp_roots.pop();
                res?;
                r
            }
            BinOp::Sub => {
                let r = self.view_to_set(a)?;
                self.temp_roots.push(r);
                let res = self.set_difference_update(r, b);
                self.temp_roots.pop();
                res?;
                r
            }
            BinOp::Xor => {
                if let (Some((DictViewKind::Items, d1)), Some((DictViewKind::Items, d2))) =
                    (self.setlike_view(a), self.setlike_view(b))
                {
                    return self.items_xor(d1, d2).map(Some);
                }
                let r = self.view_to_set(a)?;
                self.temp_roots.push(r);
                let res = self.set_symmetric_difference_update(r, b);
                self.temp_roots.pop();
                res?;
                r
            }
            _ => return Ok(None),
        };
        Ok(Some(r))
    }

    /// `_PyDictView_Intersect`.
    fn view_intersect(&mut self, a: Value, b: Value) -> PyResult<Value> {
        let (mut this, mut other) = if self.setlike_view(a).is_some() {
            (a, b)
        } else {
            (b, a)
        };
        let len_self = self.len_of(this)?;
        if matches!(self.heap.get_obj(other), Some(Object::Set(_)))
            && len_self <= self.len_of(other)?
        {
            return self.set_intersection_multi(other, &[this]);
        }
        if self.setlike_view(other).is_some() && self.len_of(other)? > len_self {
            std::mem::swap(&mut this, &mut other);
        }
        let result = self.make_set(false, None)?;
        let it = self.get_iter(other)?;
        self.temp_roots.push(result);
        self.temp_roots.push(it);
        let r = (|| {
            while let Some(k) = self.next(it)? {
                if self.view_contains(this, k)? {
                    self.set_add(result, k)?;
                }
            }
            Ok(())
        })();
        self.temp_roots
            .truncate(self.temp_roots.len().saturating_sub(2));
        r.map(|()| result)
    }

    /// `dictitems_xor`: pairs of `d2` not equal in `d1`, then what is left of a copy of `d1`.
    fn items_xor(&mut self, d1: Value, d2: Value) -> PyResult<Value> {
        let left = self.dict_items(d1)?;
        let tmp = self.new_dict()?;
        self.temp_roots.push(tmp);
        let r = (|| {
            for (k, v) in left {
                self.dict_set(tmp, k, v)?;
            }
            let result = self.make_set(false, None)?;
            self.temp_roots.push(result);
            for (k, v2) in self.dict_items(d2)? {
                let delete = match self.dict_get(tmp, k)? {
                    Some(v1) => v1.is(v2) || self.eq(v1, v2)?,
                    None => false,
                };
                if delete {
                    self.dict_remove(tmp, k)?;
                } else {
                    let pair = self.new_tuple(vec![k, v2])?;
                    self.set_add(result, pair)?;
                }
            }
            let rest = self.dict_view(tmp, DictViewKind::Items)?;
            self.set_update(result, rest)?;
            self.temp_roots.pop();
            Ok(result)
        })();
        self.temp_roots.pop();
        r
    }

    /// Rich comparison of set-like views with sets and views (`dictview_richcompare`); None
    /// when the other operand is not set-like.
    pub(crate) fn dictview_compare(
        &mut self,
        op: CmpOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<bool>> {
        let setlike = |vm: &Vm, v: Value| {
            vm.setlike_view(v).is_some()
                || matches!(
                    vm.heap.get_obj(v),
                    Some(Object::Set(_) | Object::FrozenSet(_))
                )
        };
        if !(self.setlike_view(a).is_some() || self.setlike_view(b).is_some())
            || !setlike(self, a)
            || !setlike(self, b)
        {
            return Ok(None);
        }
        let (la, lb) = (self.len_of(a)?, self.len_of(b)?);
        let r = match op {
            CmpOp::Eq | CmpOp::Ne => {
                let eq = la == lb && self.all_contained_in(a, b)?;
                eq == (op == CmpOp::Eq)
            }
            CmpOp::Lt => la < lb && self.all_contained_in(a, b)?,
            CmpOp::Le => la <= lb && self.all_contained_in(a, b)?,
            CmpOp::Gt => la > lb && self.all_contained_in(b, a)?,
            CmpOp::Ge => la >= lb && self.all_contained_in(b, a)?,
        };
        Ok(Some(r))
    }

    fn all_contained_in(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let it = self.get_iter(a)?;
        self.temp_roots.push(it);
        let r = (|| {
            while let Some(x) = self.next(it)? {
                let found = if self.setlike_view(b).is_some() {
                    self.view_contains(b, x)?
                } else {
                    self.contains(b, x)?
                };
                if !found {
                    return Ok(false);
                }
            }
            Ok(true)
        })();
        self.temp_roots.pop();
        r
    }
}
