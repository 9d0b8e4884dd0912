//! Comparison, equality, hashing and membership for builtin types.
//!
//! Structural recursion (nested lists, tuples, dicts) counts `Vm::data_depth` so deep data
//! ends in RecursionError instead of exhausting the Rust stack.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::bytecode::CmpOp;
use crate::exc::{self, PyResult, RunError, messages};
use crate::types::float::float_to_big;
use crate::types::int::{hash_big, hash_i64};
use crate::types::object::{DictViewKind, Object};
use crate::types::str::str_hash;
use crate::types::tuple::tuple_hash;
use crate::value::Value;
use crate::vm::Vm;

use super::int::{as_i64, to_big};

/// How deep Rust-side structural recursion (repr, ==, hash of nested data) may go.
pub const MAX_DATA_DEPTH: usize = 3000;

impl Vm {
    pub(crate) fn enter_data(&mut self, what: &str) -> PyResult<()> {
        self.data_depth += 1;
        if self.data_depth > MAX_DATA_DEPTH.min(self.limits.max_recursion.max(50)) {
            self.data_depth -= 1;
            return Err(exc::recursion_error(messages::recursion_depth(what)));
        }
        Ok(())
    }

    pub(crate) fn leave_data(&mut self) {
        self.data_depth = self.data_depth.saturating_sub(1);
    }

    /// `a op b` as a Python value.
    pub fn compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        if self.is_user_instance(a) || self.is_user_instance(b) {
            return self.grow(|vm| vm.user_compare(op, a, b));
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(self.eq(a, b)?)),
            CmpOp::Ne => Ok(Value::Bool(self.ne(a, b)?)),
            _ => Ok(Value::Bool(self.order(op, a, b)?)),
        }
    }

    /// `a == b`.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let Some(r) = flat_eq(self, a, b) {
            return Ok(r);
        }
        // Nested data recurses here: grow the Rust stack on demand (the depth is bounded by
        // `enter_data`, but an embedder's thread may have a small stack).
        stacker::maybe_grow(crate::vm::STACK_RED_ZONE, crate::vm::STACK_SEGMENT, || {
            self.eq_inner(a, b)
        })
    }

    fn eq_inner(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let Some(r) = num_eq(self, a, b) {
            return Ok(r);
        }
        if self.is_user_instance(a) || self.is_user_instance(b) {
            // PyObject_RichCompareBool: an object equals itself without asking.
            if a.is(b) {
                return Ok(true);
            }
            let r = self.grow(|vm| vm.user_compare(CmpOp::Eq, a, b))?;
            return self.truthy(r);
        }
        if a.is(b) {
            return Ok(!matches!(a, Value::Float(f) if f.is_nan()));
        }
        let (Some(ao), Some(bo)) = (self.heap.get_obj(a), self.heap.get_obj(b)) else {
            return Ok(match (a, b) {
                (Value::Type(x), Value::Type(y)) => x == y,
                (Value::Native(x), Value::Native(y)) => x == y,
                _ => self.complex_eq(a, b).unwrap_or(false),
            });
        };
        match (ao, bo) {
            (Object::Str(x), Object::Str(y)) => Ok(x.s == y.s),
            (Object::Bytes(x) | Object::ByteArray(x), Object::Bytes(y) | Object::ByteArray(y)) => {
                Ok(x == y)
            }
            (Object::List(x), Object::List(y)) | (Object::Tuple(x), Object::Tuple(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                self.enter_data(" in comparison")?;
                let r = self.seq_eq(a, b);
                self.leave_data();
                r
            }
            (Object::Dict(x), Object::Dict(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                let items: Vec<(Value, Value)> = x.iter().map(|e| (e.key, e.value)).collect();
                self.enter_data(" in comparison")?;
                let r = (|| {
                    for (k, v) in items {
                        match self.dict_get(b, k)? {
                            Some(w) => {
                                if !self.eq(v, w)? {
                                    return Ok(false);
                                }
                            }
                            None => return Ok(false),
                        }
                    }
                    Ok(true)
                })();
                self.leave_data();
                r
            }
            (Object::Set(x) | Object::FrozenSet(x), Object::Set(y) | Object::FrozenSet(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                self.set_is_subset(a, b)
            }
            (Object::Range(x), Object::Range(y)) => {
                let (lx, ly) = (x.len(), y.len());
                Ok(lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step))))
            }
            (Object::Range(_) | Object::BigRange(_), Object::Range(_) | Object::BigRange(_)) => {
                match (self.range_of(a), self.range_of(b)) {
                    (Some(x), Some(y)) => Ok(x.same_as(&y)),
                    _ => Ok(false),
                }
            }
            (Object::DictView(..), _) | (_, Object::DictView(..)) => {
                Ok(self.dictview_compare(CmpOp::Eq, a, b)?.unwrap_or(false))
            }
            (Object::Slice(x), Object::Slice(y)) => {
                let (x, y) = (*x, *y);
                Ok(self.eq(x.start, y.start)?
                    && self.eq(x.stop, y.stop)?
                    && self.eq(x.step, y.step)?)
            }
            (Object::Complex(_), _) | (_, Object::Complex(_)) => {
                Ok(self.complex_eq(a, b).unwrap_or(false))
            }
            _ => Ok(false),
        }
    }

    /// `a != b` as a truth value.
    pub fn ne(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if self.is_user_instance(a) || self.is_user_instance(b) {
            if a.is(b) {
                return Ok(false);
            }
            let r = self.grow(|vm| vm.user_compare(CmpOp::Ne, a, b))?;
            return self.truthy(r);
        }
        Ok(!self.eq(a, b)?)
    }

    /// `a op b` when either operand is an instance of a user class (Objects/object.c
    /// `do_richcompare`): the reflected method first when `b`'s class is a subclass of
    /// `a`'s, then `a`'s method, then the reflected one; whatever a method returns other than
    /// NotImplemented is the result, unconverted. `==` and `!=` fall back to identity.
    fn user_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let reflected_first = !ta.is(tb) && self.is_subclass(tb, ta);
        if reflected_first {
            if let Some(r) = self.slot_compare(b, op.swapped(), a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.slot_compare(a, op, b)? {
            return Ok(r);
        }
        if !reflected_first {
            if let Some(r) = self.slot_compare(b, op.swapped(), a)? {
                return Ok(r);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(exc::type_error(messages::unsupported_compare(
                op.symbol(),
                &self.type_name(a),
                &self.type_name(b),
            ))),
        }
    }

    /// `x.__op__(y)` as `type(x)`'s rich-comparison slot answers it: a method of its user
    /// class, `object.__ne__` inverting a user `__eq__`, or the builtin comparison of its
    /// builtin base. None stands for NotImplemented.
    fn slot_compare(&mut self, x: Value, op: CmpOp, y: Value) -> PyResult<Option<Value>> {
        let not_impl = |r: Value| (!matches!(r, Value::NotImplemented)).then_some(r);
        if self.is_user_instance(x) {
            if let Some(r) = self.call_dunder(x, op.dunder(), &[y])? {
                return Ok(not_impl(r));
            }
            // `object.__ne__` inverts `__eq__`; a builtin base has its own `__ne__`.
            if op == CmpOp::Ne && self.builtin_view(x).is(x) {
                if let Some(r) = self.call_dunder(x, "__eq__", &[y])? {
                    if matches!(r, Value::NotImplemented) {
                        return Ok(None);
                    }
                    return Ok(Some(Value::Bool(!self.truthy(r)?)));
                }
            }
        }
        let r = crate::builtins::opslots::builtin_richcmp(self, op, x, y)?;
        Ok(not_impl(r))
    }

    /// Items of two lists or tuples equal pairwise. Items are read afresh at each index,
    /// as CPython does: an `__eq__` may mutate a list, and nothing is copied.
    fn seq_eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let mut i = 0;
        while let (Some(p), Some(q)) = (self.seq_item(a, i), self.seq_item(b, i)) {
            if !p.is(q) && !self.eq(p, q)? {
                return Ok(false);
            }
            i += 1;
        }
        Ok(self.seq_item(a, i).is_none() && self.seq_item(b, i).is_none())
    }

    /// Item `i` of a list or tuple as it is now.
    #[inline]
    fn seq_item(&self, v: Value, i: usize) -> Option<Value> {
        match self.heap.get_obj(v) {
            Some(Object::List(x) | Object::Tuple(x)) => x.get(i).copied(),
            _ => None,
        }
    }

    /// `<`, `<=`, `>`, `>=`.
    fn order(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(apply(op, x.cmp(&y)));
        }
        stacker::maybe_grow(crate::vm::STACK_RED_ZONE, crate::vm::STACK_SEGMENT, || {
            self.order_inner(op, a, b)
        })
    }

    fn order_inner(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
        if self.is_user_instance(a) || self.is_user_instance(b) {
            let r = self.user_compare(op, a, b)?;
            return self.truthy(r);
        }
        if let Some(ord) = num_cmp(self, a, b) {
            return Ok(match ord {
                Some(o) => apply(op, o),
                None => false,
            });
        }
        let (ao, bo) = (self.heap.get_obj(a), self.heap.get_obj(b));
        match (ao, bo) {
            (Some(Object::Str(x)), Some(Object::Str(y))) => {
                return Ok(apply(op, x.s.as_str().cmp(y.s.as_str())));
            }
            (
                Some(Object::Bytes(x) | Object::ByteArray(x)),
                Some(Object::Bytes(y) | Object::ByteArray(y)),
            ) => {
                return Ok(apply(op, x.as_slice().cmp(y.as_slice())));
            }
            (Some(Object::List(_)), Some(Object::List(_)))
            | (Some(Object::Tuple(_)), Some(Object::Tuple(_))) => {
                self.enter_data(" in comparison")?;
                let r = self.seq_order(op, a, b);
                self.leave_data();
                return r;
            }
            (
                Some(Object::Set(_) | Object::FrozenSet(_)),
                Some(Object::Set(_) | Object::FrozenSet(_)),
            ) => {
                let (la, lb) = (self.len_of(a)?, self.len_of(b)?);
                return Ok(match op {
                    CmpOp::Le => self.set_is_subset(a, b)?,
                    CmpOp::Lt => la < lb && self.set_is_subset(a, b)?,
                    CmpOp::Ge => self.set_is_subset(b, a)?,
                    CmpOp::Gt => la > lb && self.set_is_subset(b, a)?,
                    _ => false,
                });
            }
            _ => {}
        }
        if let Some(r) = self.dictview_compare(op, a, b)? {
            return Ok(r);
        }
        Err(exc::type_error(messages::unsupported_compare(
            op.symbol(),
            &self.type_name(a),
            &self.type_name(b),
        )))
    }

    fn seq_order(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
        let mut i = 0;
        while let (Some(p), Some(q)) = (self.seq_item(a, i), self.seq_item(b, i)) {
            if !p.is(q) && !self.eq(p, q)? {
                return self.order(op, p, q);
            }
            i += 1;
        }
        let len = |vm: &Vm, v: Value| match vm.heap.get_obj(v) {
            Some(Object::List(x) | Object::Tuple(x)) => x.len(),
            _ => 0,
        };
        Ok(apply(op, len(self, a).cmp(&len(self, b))))
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        // The common keys, without the stack check.
        match v {
            Value::Int(i) => return Ok(hash_i64(i)),
            Value::Obj(id) => {
                if let Object::Str(s) = self.heap.get(id) {
                    return Ok(s.hash());
                }
            }
            _ => {}
        }
        stacker::maybe_grow(crate::vm::STACK_RED_ZONE, crate::vm::STACK_SEGMENT, || {
            self.hash_inner(v)
        })
    }

    fn hash_inner(&mut self, v: Value) -> PyResult<i64> {
        if self.is_user_instance(v) {
            match self.user_dunder(v, "__hash__")? {
                Some(Value::None) => return Err(self.unhashable_error(v)),
                Some(f) => {
                    let r = self.call(f, &[v])?;
                    return match r {
                        Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                        Value::Bool(b) => Ok(i64::from(b)),
                        _ => match super::int::to_big(self, r) {
                            Some(b) => Ok(hash_big(&b)),
                            None => {
                                Err(exc::type_error("__hash__ method should return an integer"))
                            }
                        },
                    };
                }
                None => {
                    let view = self.builtin_view(v);
                    if !view.is(v) {
                        return self.hash(view);
                    }
                }
            }
        }
        match v {
            Value::None => Ok(0x0f3a_1b2c),
            Value::Bool(b) => Ok(i64::from(b)),
            Value::Int(i) => Ok(hash_i64(i)),
            Value::Float(f) => Ok(hash_float(f)),
            Value::Type(t) => Ok(str_hash(t.name()) ^ 0x5a5a),
            Value::Native(n) => Ok(str_hash(n.name()) ^ 0x3c3c),
            Value::NotImplemented => Ok(0x1234),
            Value::Ellipsis => Ok(0x4321),
            Value::Unbound => Err(RunError::Internal("hash of unbound slot")),
            Value::Obj(id) => match self.heap.get(id) {
                Object::Str(s) => Ok(s.hash()),
                Object::BigInt(b) => Ok(hash_big(b)),
                Object::Complex(c) => Ok(c.hash()),
                Object::Bytes(b) => Ok(str_hash(&String::from_utf8_lossy(b)) ^ 0x77),
                Object::Tuple(items) => {
                    let items = items.clone();
                    self.enter_data(" while hashing")?;
                    let mut hs = Vec::with_capacity(items.len());
                    let mut r = Ok(());
                    for it in items {
                        match self.hash(it) {
                            Ok(h) => hs.push(h),
                            Err(e) => {
                                r = Err(e);
                                break;
                            }
                        }
                    }
                    self.leave_data();
                    r.map(|()| tuple_hash(&hs))
                }
                Object::FrozenSet(s) => {
                    let mut h: u64 = 0;
                    for (eh, _) in s.iter() {
                        let u = eh as u64;
                        h ^= ((u ^ 89_869_747) ^ (u << 16)).wrapping_mul(3_644_798_167);
                    }
                    h ^= (s.len() as u64 + 1).wrapping_mul(1_927_868_237);
                    h ^= (h >> 11) ^ (h >> 25);
                    h = h.wrapping_mul(69069).wrapping_add(907_133_923);
                    Ok(if h == u64::MAX { 590_923_713 } else { h as i64 })
                }
                Object::Range(_) | Object::BigRange(_) => self.range_hash(v),
                Object::List(_)
                | Object::Dict(_)
                | Object::Set(_)
                | Object::ByteArray(_)
                | Object::Slice(_)
                // Keys and items views are set-like, so `__hash__` is None; values views
                // hash by identity.
                | Object::DictView(
                    crate::types::object::DictViewKind::Keys
                    | crate::types::object::DictViewKind::Items,
                    _,
                ) => Err(exc::type_error(messages::unhashable(&self.type_name(v)))),
                _ => Ok(i64::from(id.0).wrapping_mul(0x9E37_79B9) >> 4),
            },
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if self.is_user_instance(container) {
            if let Some(r) = self.call_dunder(container, "__contains__", &[item])? {
                return self.truthy(r);
            }
            let view = self.builtin_view(container);
            if !view.is(container) {
                return self.contains(view, item);
            }
        }
        match self.heap.get_obj(container) {
            Some(Object::Str(s)) => match self.str_of(item) {
                Some(needle) => Ok(s.s.contains(needle)),
                None => Err(exc::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Some(Object::List(items)) | Some(Object::Tuple(items)) => {
                let items = items.clone();
                for x in items {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Some(Object::Dict(_)) => Ok(self.dict_get(container, item)?.is_some()),
            Some(Object::DictView(DictViewKind::Keys | DictViewKind::Items, _)) => {
                self.view_contains(container, item)
            }
            Some(Object::Set(_) | Object::FrozenSet(_)) => self.set_contains(container, item),
            Some(Object::Range(_) | Object::BigRange(_)) => self.range_contains(container, item),
            Some(Object::Bytes(b) | Object::ByteArray(b)) => {
                if let Some(i) = super::int::as_i64(item) {
                    let byte = u8::try_from(i)
                        .map_err(|_| exc::value_error("byte must be in range(0, 256)"))?;
                    return Ok(b.contains(&byte));
                }
                match self.heap.get_obj(item) {
                    Some(Object::Bytes(n) | Object::ByteArray(n)) => {
                        Ok(n.is_empty() || b.windows(n.len()).any(|w| w == n.as_slice()))
                    }
                    _ => Err(exc::type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        self.type_name(item)
                    ))),
                }
            }
            _ => {
                let it = match self.get_iter(container) {
                    Ok(it) => it,
                    Err(_) => {
                        return Err(exc::type_error(format!(
                            "argument of type '{}' is not iterable",
                            self.type_name(container)
                        )));
                    }
                };
                while let Some(x) = self.next(it)? {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

pub(crate) fn apply(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }
}

/// Numeric equality across int/bool/float/bigint; None when either is not a number.
/// `a == b` for two ints, two floats or two strs, which need neither Python nor recursion.
#[inline]
fn flat_eq(vm: &Vm, a: Value, b: Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::Obj(p), Value::Obj(q)) => match (vm.heap.get(p), vm.heap.get(q)) {
            (Object::Str(x), Object::Str(y)) => Some(p == q || x.s == y.s),
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn num_eq(vm: &Vm, a: Value, b: Value) -> Option<bool> {
    num_cmp(vm, a, b).map(|o| o == Some(Ordering::Equal))
}

/// Exact numeric ordering (None inside when a NaN is involved).
fn num_cmp(vm: &Vm, a: Value, b: Value) -> Option<Option<Ordering>> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(Some(x.cmp(&y))),
        (Value::Float(x), Value::Float(y)) => Some(x.partial_cmp(&y)),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => {
            Some(x.partial_cmp(&(y as f64)))
        }
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => {
            Some((x as f64).partial_cmp(&y))
        }
        (Value::Float(x), _) => {
            let y = to_big(vm, b)?;
            Some(float_int_cmp(x, &y))
        }
        (_, Value::Float(y)) => {
            let x = to_big(vm, a)?;
            Some(float_int_cmp(y, &x).map(Ordering::reverse))
        }
        _ => {
            if let (Some(x), Some(y)) = (as_i64(a), as_i64(b)) {
                return Some(Some(x.cmp(&y)));
            }
            // Strs, tuples, ...: no BigInt built for the int side of a mixed pair.
            if !super::int::is_int(vm, a) || !super::int::is_int(vm, b) {
                return None;
            }
            let x = to_big(vm, a)?;
            let y = to_big(vm, b)?;
            Some(Some(x.cmp(&y)))
        }
    }
}

fn float_int_cmp(f: f64, i: &BigInt) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    if let Some(small) = i.to_i64() {
        if small.unsigned_abs() < (1 << 53) {
            return f.partial_cmp(&(small as f64));
        }
    }
    // Exact: compare the integer part as a big int, then the fraction breaks a tie.
    let fl = f.floor();
    match float_to_big(fl).cmp(i) {
        Ordering::Equal => Some(if f > fl {
            Ordering::Greater
        } else {
            Ordering::Equal
        }),
        o => Some(o),
    }
}

/// CPython's hash of a float (Python/pyhash.c `_Py_HashDouble`).
pub fn hash_float(v: f64) -> i64 {
    const BITS: u32 = 61;
    const MODULUS: u64 = (1u64 << BITS) - 1;
    if !v.is_finite() {
        return if v.is_infinite() {
            if v > 0.0 { 314_159 } else { -314_159 }
        } else {
            0
        };
    }
    if v.fract() == 0.0 && v.abs() < 9.2e18 {
        return hash_i64(v as i64);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        (e as u32) % BITS
    } else {
        BITS - 1 - (((-1 - e) as u32) % BITS)
    };
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let r = (x as i64).wrapping_mul(sign);
    if r == -1 { -2 } else { r }
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(54));
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}
