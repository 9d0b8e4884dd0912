//! Binary and unary operators on builtin types (the slow paths of `BinaryOp` / `Unary`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::bytecode::{BinOp, UnaryOp};
use crate::exc::{self, PyResult, RunError, messages};
use crate::types::float;
use crate::types::int as intops;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

use super::bigcost;
use super::complex::ComplexUnary;
use super::int::{as_i64, from_big, is_int, to_big};

/// Bytes one `Value` slot takes in a list or tuple buffer.
const VALUE_BYTES: usize = std::mem::size_of::<Value>();

/// Numeric view of an operand.
enum Num {
    Int(BigInt),
    Float(f64),
}

impl Vm {
    fn num(&self, v: Value) -> Option<Num> {
        match v {
            Value::Float(f) => Some(Num::Float(f)),
            _ => to_big(self, v).map(Num::Int),
        }
    }

    /// `a op b`.
    pub fn binop(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        if self.is_user_instance(a) || self.is_user_instance(b) {
            if let Some(v) = self.user_binop(op, a, b)? {
                return Ok(v);
            }
            return self.binop_without_dunders(op, a, b);
        }
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                BinOp::And => return Ok(Value::Bool(x & y)),
                BinOp::Or => return Ok(Value::Bool(x | y)),
                BinOp::Xor => return Ok(Value::Bool(x ^ y)),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (as_i64(a), as_i64(b)) {
            if let Some(v) = self.small_int_binop(op, x, y)? {
                return Ok(v);
            }
        }
        match (self.num(a), self.num(b)) {
            (Some(Num::Int(x)), Some(Num::Int(y))) => return self.int_binop(op, &x, &y),
            (Some(x), Some(y)) => {
                let fx = self.num_to_f64(x)?;
                let fy = self.num_to_f64(y)?;
                if op == BinOp::Pow && fractional_power_of_negative(fx, fy) {
                    return self.float_pow_complex(fx, fy);
                }
                if let Some(v) = float_binop(op, fx, fy)? {
                    return Ok(v);
                }
            }
            _ => {
                if let Some(v) = self.complex_binop(op, a, b)? {
                    return Ok(v);
                }
            }
        }
        if let Some(v) = self.sequence_binop(op, a, b)? {
            return Ok(v);
        }
        // `int | None`, `str | MyClass`: type.__or__ builds a union (PEP 604).
        if op == BinOp::Or && self.is_union_operand(a) && self.is_union_operand(b) {
            return self.call_module_fn("types", "_union", &[a, b]);
        }
        Err(self.binop_type_error(op, a, b))
    }

    /// `a op= b`: lists extend in place; everything else is `binop`.
    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        if self.is_user_instance(a) {
            let (_, _, iname) = op.dunders();
            if let Some(r) = self.call_dunder(a, iname, &[b])? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            return self.binop(op, a, b);
        }
        if let Some(Object::List(_)) = self.heap.get_obj(a) {
            match op {
                BinOp::Add => {
                    self.list_extend(a, b)?;
                    return Ok(a);
                }
                BinOp::Mul => {
                    if let Some(n) = as_i64(b) {
                        let items = self.list_items(a);
                        let rep = self.repeat_items(&items, n)?;
                        if let Some(id) = a.obj() {
                            if let Object::List(l) = self.heap.get_mut(id) {
                                *l = rep;
                            }
                            self.heap.recharge(id)?;
                        }
                        return Ok(a);
                    }
                }
                _ => {}
            }
        }
        if let Some(Object::ByteArray(_)) = self.heap.get_obj(a) {
            match op {
                BinOp::Add => {
                    if let Some(more) = self.heap.get_obj(b).and_then(|o| match o {
                        Object::Bytes(y) | Object::ByteArray(y) => Some(y.clone()),
                        _ => None,
                    }) {
                        self.heap.account.check_fits(more.len())?;
                        crate::types::bytes_methods::with_array(self, a, |v| {
                            v.extend_from_slice(&more);
                        })?;
                        return Ok(a);
                    }
                }
                BinOp::Mul => {
                    if let Some(n) = as_i64(b) {
                        let n = usize::try_from(n.max(0)).unwrap_or(usize::MAX);
                        let len = match self.heap.get_obj(a) {
                            Some(Object::ByteArray(v)) => v.len(),
                            _ => 0,
                        };
                        let total = repeat_len(len, n).ok_or_else(|| {
                            RunError::bare(crate::types::BuiltinType::MemoryError)
                        })?;
                        self.heap.account.check_fits(total.saturating_sub(len))?;
                        crate::types::bytes_methods::with_array(self, a, |v| *v = v.repeat(n))?;
                        return Ok(a);
                    }
                }
                _ => {}
            }
        }
        if let (Some(Object::Set(_)), Some(Object::Set(_) | Object::FrozenSet(_))) =
            (self.heap.get_obj(a), self.heap.get_obj(b))
        {
            if matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) {
                self.set_inplace(op, a, b)?;
                return Ok(a);
            }
        }
        if let (Some(Object::Dict(_)), BinOp::Or) = (self.heap.get_obj(a), op) {
            // `dict_ior` accepts anything `dict.update` does.
            self.dict_update(a, b, false)?;
            return Ok(a);
        }
        self.binop(op, a, b).map_err(|e| inplace_type_error(e, op))
    }

    /// The dunder protocol: `a.__op__(b)` (the builtin operator of a number that handles
    /// `b`), then `b.__rop__(a)` (first when `b`'s class is a subclass of `a`'s that
    /// overrides it).
    fn user_binop(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (lname, rname, _) = op.dunders();
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let same = ta.is(tb);
        // typeobject.c `method_is_overloaded`: only a `__rop__` of `b`'s own goes first.
        let b_first = !same && self.is_subclass(tb, ta) && {
            let rb = self.user_dunder(b, rname)?;
            rb.is_some()
                && !rb
                    .zip(self.user_dunder(a, rname)?)
                    .is_some_and(|(x, y)| x.is(y))
        };
        if b_first {
            if let Some(r) = self.call_dunder(b, rname, &[a])? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        if let Some(r) = self.call_dunder(a, lname, &[b])? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
        if !b_first {
            if let Some(r) = crate::builtins::opslots::number_forward(self, op, a, b)? {
                return Ok(Some(r));
            }
        }
        if !same && !b_first {
            return self.reflected_binop(op, a, b);
        }
        Ok(None)
    }

    /// `b.__rop__(a)`, unless it is missing or returns NotImplemented.
    fn reflected_binop(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (_, rname, _) = op.dunders();
        match self.call_dunder(b, rname, &[a])? {
            Some(r) if !matches!(r, Value::NotImplemented) => Ok(Some(r)),
            _ => Ok(None),
        }
    }

    /// `a op b` once no dunder answered: a builtin subclass's value, else the TypeError.
    fn binop_without_dunders(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        // `int | None`, `str | MyClass`: type.__or__ builds a union (PEP 604).
        if op == BinOp::Or && self.is_union_operand(a) && self.is_union_operand(b) {
            return self.call_module_fn("types", "_union", &[a, b]);
        }
        let (va, vb) = (self.builtin_view(a), self.builtin_view(b));
        if op == BinOp::Mod && self.str_of(va).is_some() {
            // `"%s" % obj` formats the instance itself (its __str__), not its payload.
            return self.percent_format(va, b);
        }
        if !va.is(a) || !vb.is(b) {
            return self.binop(op, va, vb);
        }
        Err(self.binop_type_error(op, a, b))
    }

    /// `a op b` from bytecode when `a` is an instance of a user class whose `__op__` is a
    /// Python function and `b`'s class cannot take precedence (it is `a`'s class or not a
    /// subclass of it): run `__op__` as a frame of this loop instead of a nested one. The
    /// stack keeps `[a, b]` below the frame, whose `ExitAction::Binop` finishes the protocol
    /// (`binop_forward_returned`). None: take the general path.
    pub(crate) fn binop_in_loop(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<crate::vm::call::Called>> {
        use crate::vm::call::Called;
        if !self.is_user_instance(a) {
            return Ok(None);
        }
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        if !ta.is(tb) && self.is_subclass(tb, ta) {
            return Ok(None);
        }
        let (lname, _, _) = op.dunders();
        let Some(f) = self.user_dunder(a, lname)? else {
            return Ok(None);
        };
        if matches!(f, Value::None) {
            // `__add__ = None`: CPython calls it.
            return Err(exc::type_error("'NoneType' object is not callable"));
        }
        if !matches!(self.heap.get_obj(f), Some(Object::Function(_))) {
            return Ok(None);
        }
        let at = self.stack.len();
        self.stack.extend_from_slice(&[a, b, a, b]);
        let depth = self.frames.len();
        match self.call_stack(f, at + 2, 2, Value::None, at + 2) {
            Ok(Called::Pushed) if self.frames.len() > depth => {
                if let Some(fr) = self.frames.last_mut() {
                    fr.exit = crate::vm::ExitAction::Binop(op);
                }
                Ok(Some(Called::Pushed))
            }
            Ok(Called::Pushed) => Err(crate::exc::RunError::Internal("binop frame not pushed")),
            Ok(Called::Value(r)) => {
                self.stack.truncate(at);
                self.binop_forward_returned(op, a, b, r)
                    .map(|v| Some(Called::Value(v)))
            }
            Err(e) => {
                self.stack.truncate(at);
                Err(e)
            }
        }
    }

    /// The rest of `a op b` after `a.__op__(b)` (run by `binop_in_loop`) returned `r`.
    pub(crate) fn binop_forward_returned(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        r: Value,
    ) -> PyResult<Value> {
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
        if !self.type_of(a).is(self.type_of(b)) {
            if let Some(r) = self.reflected_binop(op, a, b)? {
                return Ok(r);
            }
        }
        self.binop_without_dunders(op, a, b)
    }

    fn num_to_f64(&self, n: Num) -> PyResult<f64> {
        match n {
            Num::Float(f) => Ok(f),
            Num::Int(i) => int_to_f64(&i),
        }
    }

    fn small_int_binop(&mut self, op: BinOp, x: i64, y: i64) -> PyResult<Option<Value>> {
        Ok(match op {
            BinOp::Add => x.checked_add(y).map(Value::Int),
            BinOp::Sub => x.checked_sub(y).map(Value::Int),
            BinOp::Mul => x.checked_mul(y).map(Value::Int),
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(exc::zero_division_error(
                        "integer division or modulo by zero",
                    ));
                }
                intops::floordiv(x, y).map(Value::Int)
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(exc::zero_division_error("integer modulo by zero"));
                }
                Some(Value::Int(intops::modulo(x, y)))
            }
            BinOp::TrueDiv => {
                if y == 0 {
                    return Err(exc::zero_division_error("division by zero"));
                }
                // Both exact as floats: one IEEE division rounds correctly.
                (x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53)
                    .then(|| Value::Float(x as f64 / y as f64))
            }
            BinOp::Pow => {
                if y >= 0 {
                    u32::try_from(y)
                        .ok()
                        .and_then(|e| x.checked_pow(e))
                        .map(Value::Int)
                } else {
                    None
                }
            }
            BinOp::LShift => {
                if y < 0 {
                    return Err(exc::value_error("negative shift count"));
                }
                if y < 63 && x.unsigned_abs() < (1u64 << (62 - y)) {
                    Some(Value::Int(x << y))
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(exc::value_error("negative shift count"));
                }
                Some(Value::Int(if y >= 64 {
                    if x < 0 { -1 } else { 0 }
                } else {
                    x >> y
                }))
            }
            BinOp::And => Some(Value::Int(x & y)),
            BinOp::Or => Some(Value::Int(x | y)),
            BinOp::Xor => Some(Value::Int(x ^ y)),
            BinOp::MatMul => None,
        })
    }

    fn int_binop(&mut self, op: BinOp, x: &BigInt, y: &BigInt) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => {
                self.heap
                    .account
                    .check_fits(((x.bits() + y.bits()) / 8) as usize)?;
                self.charge_native_ns(bigcost::mul_ns(x.bits(), y.bits()))?;
                x * y
            }
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return Err(exc::zero_division_error(
                        "integer division or modulo by zero",
                    ));
                }
                self.charge_native_ns(bigcost::div_ns(x.bits(), y.bits()))?;
                intops::big_floordiv(x, y)
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return Err(exc::zero_division_error("integer modulo by zero"));
                }
                self.charge_native_ns(bigcost::div_ns(x.bits(), y.bits()))?;
                intops::big_mod(x, y)
            }
            BinOp::TrueDiv => {
                if y.is_zero() {
                    return Err(exc::zero_division_error("division by zero"));
                }
                return match intops::true_divide(x, y) {
                    Some(f) => Ok(Value::Float(f)),
                    None => Err(exc::overflow_error(
                        "integer division result too large for a float",
                    )),
                };
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let fx = int_to_f64(x)?;
                    let fy = int_to_f64(y)?;
                    return float_binop(BinOp::Pow, fx, fy).map(|v| v.unwrap_or(Value::None));
                }
                return self.int_pow(x, y);
            }
            BinOp::LShift => {
                if y.is_negative() {
                    return Err(exc::value_error("negative shift count"));
                }
                if x.is_zero() {
                    return Ok(Value::Int(0));
                }
                let Some(shift) = y.to_usize() else {
                    return Err(exc::overflow_error("too many digits in integer"));
                };
                self.heap
                    .account
                    .check_fits((x.bits() as usize).saturating_add(shift) / 8)?;
                x << shift
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return Err(exc::value_error("negative shift count"));
                }
                match y.to_usize() {
                    Some(s) => x >> s,
                    None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
                }
            }
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            BinOp::MatMul => {
                return Err(exc::type_error(messages::unsupported_binop(
                    "@", "int", "int",
                )));
            }
        };
        from_big(self, r)
    }

    fn int_pow(&mut self, x: &BigInt, y: &BigInt) -> PyResult<Value> {
        // 0, 1 and -1 take any exponent, however large.
        if x.is_zero() {
            return Ok(Value::Int(i64::from(y.is_zero())));
        }
        if x.is_one() {
            return Ok(Value::Int(1));
        }
        if *x == BigInt::from(-1) {
            return Ok(Value::Int(if y.is_odd() { -1 } else { 1 }));
        }
        // Refuse results that cannot fit before computing them.
        let e = y.to_u64().unwrap_or(u64::MAX);
        let bits = (x.bits() as u128)
            .saturating_sub(1)
            .saturating_mul(u128::from(e));
        let bytes = usize::try_from(bits / 8).unwrap_or(usize::MAX);
        // Squaring keeps the accumulator, the squared base and a product alive at once.
        self.heap.account.check_fits(bytes.saturating_mul(2))?;
        let result_bits = u64::try_from(bits).unwrap_or(u64::MAX);
        self.charge_native_ns(bigcost::pow_ns(x.bits(), result_bits))?;
        let e32 = u32::try_from(e).map_err(|_| crate::exc::RunError::memory_limit())?;
        from_big(self, x.pow(e32))
    }

    /// `divmod(a, b)` for numbers; `None` when either is not a number.
    pub fn num_divmod(&mut self, a: Value, b: Value) -> PyResult<Option<(Value, Value)>> {
        if let (Some(x), Some(y)) = (as_i64(a), as_i64(b)) {
            if y == 0 {
                return Err(exc::zero_division_error(
                    "integer division or modulo by zero",
                ));
            }
            if let Some(q) = intops::floordiv(x, y) {
                return Ok(Some((Value::Int(q), Value::Int(intops::modulo(x, y)))));
            }
        }
        match (self.num(a), self.num(b)) {
            (Some(Num::Int(x)), Some(Num::Int(y))) => {
                if y.is_zero() {
                    return Err(exc::zero_division_error(
                        "integer division or modulo by zero",
                    ));
                }
                self.charge_native_ns(bigcost::div_ns(x.bits(), y.bits()))?;
                let (q, r) = x.div_mod_floor(&y);
                Ok(Some((from_big(self, q)?, from_big(self, r)?)))
            }
            (Some(x), Some(y)) => {
                let fx = self.num_to_f64(x)?;
                let fy = self.num_to_f64(y)?;
                if fy == 0.0 {
                    return Err(exc::zero_division_error("float divmod()"));
                }
                let (q, r) = float::float_divmod(fx, fy);
                Ok(Some((Value::Float(q), Value::Float(r))))
            }
            _ => Ok(None),
        }
    }

    fn sequence_binop(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        if matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
            && !(self.set_table(a).is_some() && self.set_table(b).is_some())
        {
            if let Some(v) = self.dictview_binop(op, a, b)? {
                return Ok(Some(v));
            }
        }
        // int * sequence (a big int too, which then overflows as the count)
        if op == BinOp::Mul && is_int(self, a) {
            if let Some(
                Object::Str(_)
                | Object::List(_)
                | Object::Tuple(_)
                | Object::Bytes(_)
                | Object::ByteArray(_),
            ) = self.heap.get_obj(b)
            {
                return self.sequence_binop(op, b, a);
            }
        }
        let (Some(ao), bo) = (self.heap.get_obj(a), self.heap.get_obj(b)) else {
            return Ok(None);
        };
        match (op, ao, bo) {
            (BinOp::Add, Object::Str(x), Some(Object::Str(y))) => {
                let n = x.s.len().saturating_add(y.s.len());
                self.heap.account.check_fits(n)?;
                // Inline, with no allocation, when the result is short.
                let mut s = compact_str::CompactString::with_capacity(n);
                s.push_str(&x.s);
                s.push_str(&y.s);
                Ok(Some(self.new_str(s)?))
            }
            (BinOp::Add, Object::List(x), Some(Object::List(y))) => {
                let n = x.len().saturating_add(y.len());
                self.heap
                    .account
                    .check_fits(n.saturating_mul(VALUE_BYTES))?;
                let mut v = Vec::with_capacity(n);
                v.extend_from_slice(x);
                v.extend_from_slice(y);
                Ok(Some(self.new_list(v)?))
            }
            (BinOp::Add, Object::Tuple(x), Some(Object::Tuple(y))) => {
                let n = x.len().saturating_add(y.len());
                self.heap
                    .account
                    .check_fits(n.saturating_mul(VALUE_BYTES))?;
                let mut v = Vec::with_capacity(n);
                v.extend_from_slice(x);
                v.extend_from_slice(y);
                Ok(Some(self.new_tuple(v)?))
            }
            (
                BinOp::Add,
                Object::Bytes(x) | Object::ByteArray(x),
                Some(Object::Bytes(y) | Object::ByteArray(y)),
            ) => {
                let is_array = matches!(ao, Object::ByteArray(_));
                let n = x.len().saturating_add(y.len());
                self.heap.account.check_fits(n)?;
                let mut v = Vec::with_capacity(n);
                v.extend_from_slice(x);
                v.extend_from_slice(y);
                Ok(Some(self.alloc(if is_array {
                    Object::ByteArray(v)
                } else {
                    Object::Bytes(v)
                })?))
            }
            (BinOp::Add, Object::Bytes(_) | Object::ByteArray(_), _) => {
                let ty = if matches!(ao, Object::ByteArray(_)) {
                    "bytearray"
                } else {
                    "bytes"
                };
                Err(exc::type_error(messages::bytes::cannot_concat(
                    &self.type_name(b),
                    ty,
                )))
            }
            (BinOp::Mod, Object::Bytes(_) | Object::ByteArray(_), _) => {
                self.percent_format_bytes(a, b).map(Some)
            }
            (
                BinOp::Mul,
                Object::Str(_)
                | Object::List(_)
                | Object::Tuple(_)
                | Object::Bytes(_)
                | Object::ByteArray(_),
                _,
            ) => {
                let Some(n) = as_i64(b) else {
                    if to_big(self, b).is_some() {
                        return Err(exc::overflow_error(
                            "cannot fit 'int' into an index-sized integer",
                        ));
                    }
                    return Ok(None);
                };
                self.repeat(a, n).map(Some)
            }
            (BinOp::Mod, Object::Str(_), _) => self.percent_format(a, b).map(Some),
            (BinOp::Or, Object::Dict(_), Some(Object::Dict(_))) => {
                let items = self.dict_items(a)?;
                let d = self.new_dict()?;
                for (k, v) in items {
                    self.dict_set(d, k, v)?;
                }
                self.dict_update(d, b, false)?;
                Ok(Some(d))
            }
            (
                BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
                Object::Set(_) | Object::FrozenSet(_),
                Some(Object::Set(_) | Object::FrozenSet(_)),
            ) => self.set_binop(op, a, b).map(Some),
            _ => Ok(None),
        }
    }

    /// `seq * n`, refused before building when it cannot fit in memory.
    pub fn repeat(&mut self, seq: Value, n: i64) -> PyResult<Value> {
        let n = usize::try_from(n.max(0)).unwrap_or(usize::MAX);
        match self.heap.get_obj(seq) {
            Some(Object::Str(s)) => {
                let total = repeat_len(s.chars, n)
                    .and_then(|_| s.s.len().checked_mul(n))
                    .ok_or_else(|| exc::overflow_error("repeated string is too long"))?;
                self.heap.account.check_fits(total)?;
                let r = s.s.repeat(n);
                self.new_str(r)
            }
            Some(Object::Bytes(b)) | Some(Object::ByteArray(b)) => {
                let is_array = matches!(self.heap.get_obj(seq), Some(Object::ByteArray(_)));
                let total = repeat_len(b.len(), n).ok_or_else(|| {
                    if is_array {
                        RunError::bare(crate::types::BuiltinType::MemoryError)
                    } else {
                        exc::overflow_error("repeated bytes are too long")
                    }
                })?;
                self.heap.account.check_fits(total)?;
                let r = b.repeat(n);
                self.alloc(if is_array {
                    Object::ByteArray(r)
                } else {
                    Object::Bytes(r)
                })
            }
            Some(Object::List(items)) => {
                let items = items.clone();
                let r = self.repeat_items(&items, n as i64)?;
                self.new_list(r)
            }
            Some(Object::Tuple(items)) => {
                let items = items.clone();
                let r = self.repeat_items(&items, n as i64)?;
                self.new_tuple(r)
            }
            _ => Err(exc::type_error("can't multiply sequence")),
        }
    }

    pub(crate) fn repeat_items(&mut self, items: &[Value], n: i64) -> PyResult<Vec<Value>> {
        let n = usize::try_from(n.max(0)).unwrap_or(usize::MAX);
        let total = repeat_len(items.len(), n)
            .ok_or_else(|| RunError::bare(crate::types::BuiltinType::MemoryError))?;
        self.heap
            .account
            .check_fits(total.saturating_mul(VALUE_BYTES))?;
        if total == 0 {
            // No `n`-step loop for an empty sequence (`[] * sys.maxsize`).
            return Ok(Vec::new());
        }
        let mut out = Vec::with_capacity(total);
        for _ in 0..n {
            out.extend_from_slice(items);
        }
        Ok(out)
    }

    /// A class or None: what `type.__or__` unites.
    fn is_union_operand(&self, v: Value) -> bool {
        matches!(v, Value::Type(_) | Value::None) || self.is_user_class(v)
    }

    #[cold]
    fn binop_type_error(&self, op: BinOp, a: Value, b: Value) -> crate::exc::RunError {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if op == BinOp::Add && (ta == "str" || ta == "list" || ta == "tuple") && ta != tb {
            if ta == "str" {
                return exc::type_error(format!("can only concatenate str (not \"{tb}\") to str"));
            }
            return exc::type_error(format!("can only concatenate {ta} (not \"{tb}\") to {ta}"));
        }
        if op == BinOp::Mul && matches!(ta.as_str(), "str" | "list" | "tuple" | "bytes") {
            return exc::type_error(format!("can't multiply sequence by non-int of type '{tb}'"));
        }
        if op == BinOp::Mul && matches!(tb.as_str(), "str" | "list" | "tuple" | "bytes") {
            return exc::type_error(format!("can't multiply sequence by non-int of type '{ta}'"));
        }
        exc::type_error(messages::unsupported_binop(op.symbol(), &ta, &tb))
    }

    /// Unary `-`, `+`, `~` (and `not` via truthiness).
    pub fn unary(&mut self, op: UnaryOp, a: Value) -> PyResult<Value> {
        if self.is_user_instance(a) && op != UnaryOp::Not {
            let name = match op {
                UnaryOp::Neg => "__neg__",
                UnaryOp::Pos => "__pos__",
                _ => "__invert__",
            };
            if let Some(r) = self.call_dunder(a, name, &[])? {
                return Ok(r);
            }
            let view = self.builtin_view(a);
            if !view.is(a) {
                return self.unary(op, view);
            }
        }
        match op {
            UnaryOp::Not => Ok(Value::Bool(!self.truthy(a)?)),
            UnaryOp::Neg => match a {
                Value::Float(f) => Ok(Value::Float(-f)),
                Value::Int(i) if i != i64::MIN => Ok(Value::Int(-i)),
                Value::Bool(b) => Ok(Value::Int(-i64::from(b))),
                _ => match to_big(self, a) {
                    Some(i) => from_big(self, -i),
                    None => self.complex_unary(ComplexUnary::Neg, a)?.ok_or_else(|| {
                        exc::type_error(messages::bad_unary("-", &self.type_name(a)))
                    }),
                },
            },
            UnaryOp::Pos => match a {
                Value::Float(_) | Value::Int(_) => Ok(a),
                Value::Bool(b) => Ok(Value::Int(i64::from(b))),
                _ => {
                    if is_int(self, a) {
                        Ok(a)
                    } else {
                        self.complex_unary(ComplexUnary::Pos, a)?.ok_or_else(|| {
                            exc::type_error(messages::bad_unary("+", &self.type_name(a)))
                        })
                    }
                }
            },
            UnaryOp::Invert => {
                if let Some(i) = as_i64(a) {
                    return Ok(Value::Int(!i));
                }
                match to_big(self, a) {
                    Some(i) => from_big(self, -(i + BigInt::from(1))),
                    None => Err(exc::type_error(messages::bad_unary(
                        "~",
                        &self.type_name(a),
                    ))),
                }
            }
        }
    }
}

/// An int as a float, or OverflowError as CPython's `int.__float__`.
pub fn int_to_f64(i: &BigInt) -> PyResult<f64> {
    match i.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(exc::overflow_error("int too large to convert to float")),
    }
}

/// Float arithmetic with Python's errors. `Ok(None)` for operators floats do not support.
fn float_binop(op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
    Ok(Some(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(exc::zero_division_error("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(exc::zero_division_error("float floor division by zero"));
            }
            float::float_floordiv(x, y)
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(exc::zero_division_error("float modulo"));
            }
            float::float_mod(x, y)
        }
        BinOp::Pow => float_pow(x, y)?,
        _ => return Ok(None),
    })))
}

/// Reword a binop's "unsupported operand" error for the in-place operator (`|=`), as
/// CPython's `binary_iop` reports it.
#[cold]
fn inplace_type_error(e: crate::exc::RunError, op: BinOp) -> crate::exc::RunError {
    use crate::exc::{Exc, ExcArgs, RunError};
    if let RunError::Exc(x) = &e {
        if let Exc::New {
            ty: crate::types::BuiltinType::TypeError,
            args: ExcArgs::Msg(m),
        } = &**x
        {
            let prefix = format!("unsupported operand type(s) for {}:", op.symbol());
            if let Some(rest) = m.strip_prefix(&prefix) {
                return exc::type_error(format!(
                    "unsupported operand type(s) for {}=:{rest}",
                    op.symbol()
                ));
            }
        }
    }
    e
}

/// Whether float `x ** y` is complex: float_pow's special cases (NaN, infinities, zero) all
/// come first, then a negative base to a non-integral power goes to complex_pow.
fn fractional_power_of_negative(x: f64, y: f64) -> bool {
    x < 0.0 && x.is_finite() && y.is_finite() && y != y.floor()
}

/// `x ** y` for floats with CPython's special cases (Objects/floatobject.c float_pow).
fn float_pow(x: f64, y: f64) -> PyResult<f64> {
    let is_odd_int = |w: f64| w.is_finite() && w % 2.0 != 0.0 && w.fract() == 0.0;
    if y == 0.0 {
        return Ok(1.0);
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        return Ok(if y > 0.0 {
            if is_odd_int(y) { x } else { x.abs() }
        } else if is_odd_int(y) {
            0.0_f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(exc::zero_division_error(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if is_odd_int(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return Err(crate::exc::RunError::Internal(
                "float_pow: binop sends negative bases to fractional powers to complex",
            ));
        }
        base = -x;
        negate = is_odd_int(y);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(exc::overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

/// The length of `len` items repeated `n` times, or None past `sys.maxsize`, where CPython
/// refuses a repetition (OverflowError for str and bytes, a catchable MemoryError for the
/// others) before allocating anything.
fn repeat_len(len: usize, n: usize) -> Option<usize> {
    len.checked_mul(n).filter(|&t| i64::try_from(t).is_ok())
}
