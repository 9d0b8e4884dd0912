//! The dispatch loop: one `match` over `Op`, fast paths inline, everything else in `ops/`.
//!
//! `ip` lives in a local and is written back to the frame before anything that may raise,
//! call or switch frames. Calls push a frame and `continue 'frame`; returns pop one. Budget
//! checks (time, fuel) and GC happen on backward jumps and calls only.

use crate::bytecode::{BinOp, CmpOp, Op, UnaryOp};
use crate::exc::{self, PyResult, RunError};
use crate::types::object::Object;
use crate::value::{Value, read_slot};

use super::Vm;
use super::call::Called;
use super::coro::SendStep;
use super::frame::ExitAction;
use super::ops;
use crate::types::generator::GenState;

impl Vm {
    #[inline]
    pub(crate) fn pop(&mut self) -> Value {
        let v = self.stack.last().map_or(Value::Unbound, read_slot);
        self.stack.pop();
        v
    }

    #[inline]
    pub(crate) fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    #[inline]
    fn top(&self) -> Value {
        self.stack.last().map_or(Value::Unbound, read_slot)
    }

    /// The two values on top of the stack as (second, top) when both are ints or floats,
    /// read by variant: see `fast_getitem` for why not copied whole.
    #[inline(always)]
    fn top2(&self) -> Option<(Num, Num)> {
        let [.., a, b] = self.stack.as_slice() else {
            return None;
        };
        Some((Num::of(a)?, Num::of(b)?))
    }

    /// `second <op> top` for two ints, two floats or two exact strs (by code point, which
    /// UTF-8 byte order keeps): string comparisons such as `"a" <= c <= "z"` are as common
    /// in text code as number comparisons are in loops.
    #[inline(always)]
    fn fast_compare_top(&self, op: CmpOp) -> Option<bool> {
        let [.., a, b] = self.stack.as_slice() else {
            return None;
        };
        if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
            return match (self.heap.get(*x), self.heap.get(*y)) {
                (Object::Str(x), Object::Str(y)) => {
                    Some(ops::compare::apply(op, x.s.as_str().cmp(y.s.as_str())))
                }
                _ => None,
            };
        }
        fast_compare(op, Num::of(a)?, Num::of(b)?)
    }

    /// Replace the top of the stack (a binary op's left operand by its result: one
    /// length update instead of pop, pop, push).
    #[inline]
    fn set_top(&mut self, v: Value) {
        if let Some(t) = self.stack.last_mut() {
            *t = v;
        }
    }

    /// `obj[key]` for the two values on top of the stack, read in place: a list or tuple
    /// and an int index in range, or an exact dict and a str key whose match is an
    /// identical or equal str. No Python runs, nothing raises.
    ///
    /// The operands are matched through references (tag and payload loaded separately),
    /// not copied out whole: a whole-`Value` copy of a slot that was just written as tag
    /// and payload stalls store forwarding (see `value::read_slot`).
    #[inline]
    fn fast_getitem(&self) -> Option<Value> {
        let [.., Value::Obj(obj), key] = self.stack.as_slice() else {
            return None;
        };
        match (self.heap.get(*obj), key) {
            (Object::List(items) | Object::Tuple(items), Value::Int(i)) => {
                let i = if *i < 0 {
                    i.checked_add(i64::try_from(items.len()).ok()?)?
                } else {
                    *i
                };
                items.get(usize::try_from(i).ok()?).copied()
            }
            (Object::Dict(d), Value::Obj(kid)) => {
                let kid = *kid;
                let Object::Str(k) = self.heap.get(kid) else {
                    return None;
                };
                let pos = d.find(k.hash(), |e| match e {
                    Value::Obj(e) => {
                        e == kid || matches!(self.heap.get(e), Object::Str(s) if s.s == k.s)
                    }
                    _ => false,
                })?;
                d.value_at(pos)
            }
            _ => None,
        }
    }

    /// `obj[key] = v` for a list and an int index in range: true when done.
    #[inline]
    fn fast_setitem(&mut self, obj: Value, key: Value, v: Value) -> bool {
        let (Value::Obj(id), Value::Int(i)) = (obj, key) else {
            return false;
        };
        let Object::List(items) = self.heap.get_mut(id) else {
            return false;
        };
        let Some(i) = (if i < 0 {
            i64::try_from(items.len())
                .ok()
                .and_then(|n| i.checked_add(n))
        } else {
            Some(i)
        }) else {
            return false;
        };
        match usize::try_from(i).ok().and_then(|i| items.get_mut(i)) {
            Some(slot) => {
                *slot = v;
                true
            }
            None => false,
        }
    }

    /// Jump to `t` from an instruction that the compiler only emits with forward targets
    /// (`and`/`or`, `for` exits, `yield from`): a snapshot's code table is untrusted, so a
    /// backward target charges fuel like `Jump` does, and a crafted loop through it ends.
    #[inline]
    fn jump(&mut self, ip: &mut usize, t: u32) -> PyResult<()> {
        let back = (t as usize) < *ip;
        *ip = t as usize;
        if back {
            if let Some(f) = self.frames.last_mut() {
                f.ip = *ip;
            }
            return self.tick();
        }
        Ok(())
    }

    #[inline]
    fn peek(&self, n: usize) -> Value {
        let len = self.stack.len();
        if n < len {
            self.stack
                .get(len - 1 - n)
                .copied()
                .unwrap_or(Value::Unbound)
        } else {
            Value::Unbound
        }
    }

    fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len().saturating_sub(n);
        self.stack.split_off(at)
    }

    /// Run until the frame at index `stop` returns, and return its value.
    pub(crate) fn run_until(&mut self, stop: usize) -> PyResult<Value> {
        'frame: loop {
            let Some(frame) = self.frames.last() else {
                return Err(RunError::Internal("no frame to run"));
            };
            let fi = self.frames.len() - 1;
            let rt = frame.rt;
            let base = frame.base;
            let ob = frame.ops_base as usize;
            let globals = frame.globals;
            // Module-level code: `LoadName`/`StoreName` go straight to the globals.
            let module_level = matches!(frame.namespace, Value::None);
            let mut ip = frame.ip;
            loop {
                let Some(&op) = self.code_ops.get(ob + ip) else {
                    return Err(RunError::Internal("instruction pointer out of range"));
                };
                ip += 1;
                let res: PyResult<()> = match op {
                    Op::Nop => Ok(()),
                    Op::Pop => {
                        self.stack.pop();
                        Ok(())
                    }
                    Op::Dup => {
                        let v = self.top();
                        self.push(v);
                        Ok(())
                    }
                    Op::Dup2 => {
                        let (a, b) = (self.peek(1), self.peek(0));
                        self.push(a);
                        self.push(b);
                        Ok(())
                    }
                    Op::Swap => {
                        let len = self.stack.len();
                        if len >= 2 {
                            self.stack.swap(len - 1, len - 2);
                        }
                        Ok(())
                    }
                    Op::Rot3 => {
                        let v = self.pop();
                        let at = self.stack.len().saturating_sub(2);
                        self.stack.insert(at, v);
                        Ok(())
                    }
                    Op::Rot4 => {
                        let v = self.pop();
                        let at = self.stack.len().saturating_sub(3);
                        self.stack.insert(at, v);
                        Ok(())
                    }
                    Op::LoadConst(i) => {
                        let v = match self.heap.get_obj(rt) {
                            Some(Object::CodeRt(c)) => c.consts.get(i as usize).copied(),
                            _ => None,
                        };
                        match v {
                            Some(v) => {
                                self.push(v);
                                Ok(())
                            }
                            None => Err(RunError::Internal("constant out of range")),
                        }
                    }
                    Op::LoadInt(i) => {
                        self.push(Value::Int(i64::from(i)));
                        Ok(())
                    }
                    Op::LoadNone => {
                        self.push(Value::None);
                        Ok(())
                    }
                    Op::LoadFast(i) => match self.stack.get(base + i as usize).map(read_slot) {
                        Some(Value::Unbound) | None => Err(self.unbound_local(rt, i)),
                        Some(v) => {
                            self.push(v);
                            Ok(())
                        }
                    },
                    Op::StoreFast(i) => {
                        let v = self.pop();
                        if let Some(slot) = self.stack.get_mut(base + i as usize) {
                            *slot = v;
                        }
                        Ok(())
                    }
                    Op::DeleteFast(i) => match self.stack.get_mut(base + i as usize) {
                        Some(slot) if !matches!(slot, Value::Unbound) => {
                            *slot = Value::Unbound;
                            Ok(())
                        }
                        _ => Err(self.unbound_local(rt, i)),
                    },
                    Op::LoadDeref(i) => {
                        let cell = self.cell_at(fi, i);
                        match self.heap.get_obj(cell) {
                            Some(Object::Cell(Value::Unbound)) | None => {
                                Err(self.unbound_deref(rt, i))
                            }
                            Some(Object::Cell(v)) => {
                                let v = *v;
                                self.push(v);
                                Ok(())
                            }
                            Some(_) => Err(RunError::Internal("cell slot holds a non-cell")),
                        }
                    }
                    Op::StoreDeref(i) => {
                        let v = self.pop();
                        let cell = self.cell_at(fi, i);
                        if let Some(id) = cell.obj() {
                            if let Object::Cell(c) = self.heap.get_mut(id) {
                                *c = v;
                            }
                        }
                        Ok(())
                    }
                    Op::DeleteDeref(i) => {
                        let cell = self.cell_at(fi, i);
                        let id = cell.obj();
                        match id.map(|id| self.heap.get_mut(id)) {
                            Some(Object::Cell(c)) if !matches!(c, Value::Unbound) => {
                                *c = Value::Unbound;
                                Ok(())
                            }
                            _ => Err(self.unbound_deref(rt, i)),
                        }
                    }
                    Op::LoadClosure(i) => {
                        let cell = self.cell_at(fi, i);
                        self.push(cell);
                        Ok(())
                    }
                    Op::LoadGlobal(i) => match self.cached_global(ob + ip - 1, globals) {
                        Some(v) => {
                            self.push(v);
                            Ok(())
                        }
                        None => {
                            self.frames[fi].ip = ip;
                            let name = self.name_at(rt, i);
                            self.load_global_miss(ob + ip - 1, globals, name)
                                .map(|v| self.push(v))
                        }
                    },
                    Op::StoreGlobal(i) => {
                        self.frames[fi].ip = ip;
                        let v = self.pop();
                        let name = self.name_at(rt, i);
                        self.store_global(ob + ip - 1, globals, name, v)
                    }
                    Op::DeleteGlobal(i) => {
                        let name = self.name_at(rt, i);
                        let g = self.frames[fi].globals;
                        self.delete_global(g, name)
                    }
                    Op::LoadName(i) if module_level => {
                        match self.cached_global(ob + ip - 1, globals) {
                            Some(v) => {
                                self.push(v);
                                Ok(())
                            }
                            None => {
                                self.frames[fi].ip = ip;
                                let name = self.name_at(rt, i);
                                self.load_global_miss(ob + ip - 1, globals, name)
                                    .map(|v| self.push(v))
                            }
                        }
                    }
                    Op::LoadName(i) => {
                        self.frames[fi].ip = ip;
                        self.load_name(fi, rt, i).map(|v| self.push(v))
                    }
                    Op::StoreName(i) if module_level => {
                        self.frames[fi].ip = ip;
                        let v = self.pop();
                        let name = self.name_at(rt, i);
                        self.store_global(ob + ip - 1, globals, name, v)
                    }
                    Op::StoreName(i) => {
                        let v = self.pop();
                        let name = self.name_at(rt, i);
                        let ns = self.frames[fi].namespace;
                        let target = if matches!(ns, Value::None) {
                            self.frames[fi].globals
                        } else {
                            ns
                        };
                        self.frames[fi].ip = ip;
                        self.dict_set(target, name, v)
                    }
                    Op::DeleteName(i) => {
                        let name = self.name_at(rt, i);
                        let ns = self.frames[fi].namespace;
                        let target = if matches!(ns, Value::None) {
                            self.frames[fi].globals
                        } else {
                            ns
                        };
                        self.delete_global(target, name)
                    }
                    Op::LoadAttr(i) => {
                        self.frames[fi].ip = ip;
                        let obj = self.pop();
                        let name = self.name_at(rt, i);
                        self.load_attr_cached(ob + ip - 1, obj, name)
                            .map(|v| self.push(v))
                    }
                    Op::StoreAttr(i) => {
                        self.frames[fi].ip = ip;
                        let obj = self.pop();
                        let v = self.pop();
                        let name = self.name_at(rt, i);
                        self.store_attr_cached(ob + ip - 1, obj, name, v)
                    }
                    Op::DeleteAttr(i) => {
                        self.frames[fi].ip = ip;
                        let obj = self.pop();
                        let name = self.name_at(rt, i);
                        self.delattr(obj, name)
                    }
                    Op::LoadMethod(i) => {
                        self.frames[fi].ip = ip;
                        let obj = self.pop();
                        let name = self.name_at(rt, i);
                        match self.load_method_cached(ob + ip - 1, obj, name) {
                            Ok((m, s)) => {
                                self.push(m);
                                self.push(s);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::CallMethod(n) => {
                        self.frames[fi].ip = ip;
                        let n = n as usize;
                        let len = self.stack.len();
                        let self_pos = len.saturating_sub(n + 1);
                        let meth_pos = self_pos.saturating_sub(1);
                        let meth = self.stack.get(meth_pos).copied().unwrap_or(Value::None);
                        let has_self = !matches!(self.stack.get(self_pos), Some(Value::Unbound));
                        let (start, nargs) = if has_self {
                            (self_pos, n + 1)
                        } else {
                            (self_pos + 1, n)
                        };
                        match self.call_stack(meth, start, nargs, Value::None, meth_pos) {
                            Ok(Called::Pushed) => continue 'frame,
                            Ok(Called::Value(v)) => {
                                self.push(v);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::Subscr => match self.fast_getitem() {
                        Some(v) => {
                            self.stack.pop();
                            self.set_top(v);
                            Ok(())
                        }
                        None => {
                            self.frames[fi].ip = ip;
                            let key = self.pop();
                            let obj = self.pop();
                            self.getitem(obj, key).map(|v| self.push(v))
                        }
                    },
                    Op::StoreSubscr => {
                        let key = self.pop();
                        let obj = self.pop();
                        let v = self.pop();
                        if self.fast_setitem(obj, key, v) {
                            Ok(())
                        } else {
                            self.frames[fi].ip = ip;
                            self.setitem(obj, key, v)
                        }
                    }
                    Op::DeleteSubscr => {
                        self.frames[fi].ip = ip;
                        let key = self.pop();
                        let obj = self.pop();
                        self.delitem(obj, key)
                    }
                    Op::BuildSlice(n) => {
                        let step = if n == 3 { self.pop() } else { Value::None };
                        let stop = self.pop();
                        let start = self.pop();
                        let s = crate::types::range::Slice { start, stop, step };
                        self.alloc(Object::Slice(s)).map(|v| self.push(v))
                    }
                    Op::BinaryOp(bop) | Op::InplaceOp(bop) => {
                        match self.top2().and_then(|(a, b)| fast_binop(bop, a, b)) {
                            // A result bound to a local at once (`x = a + b`): the
                            // `StoreFast` is done here, so the result is never read back
                            // whole from the slot it was just written to.
                            Some(v) => {
                                self.stack.pop();
                                match self.code_ops.get(ob + ip) {
                                    Some(&Op::StoreFast(j)) => {
                                        self.stack.pop();
                                        if let Some(slot) = self.stack.get_mut(base + j as usize) {
                                            *slot = v;
                                        }
                                        ip += 1;
                                    }
                                    _ => self.set_top(v),
                                }
                                Ok(())
                            }
                            None => {
                                self.frames[fi].ip = ip;
                                let b = self.pop();
                                let a = self.pop();
                                if matches!(op, Op::InplaceOp(_)) {
                                    self.inplace_op(bop, a, b).map(|v| self.push(v))
                                } else {
                                    match self.binop_in_loop(bop, a, b) {
                                        Ok(Some(Called::Pushed)) => continue 'frame,
                                        Ok(Some(Called::Value(v))) => {
                                            self.push(v);
                                            Ok(())
                                        }
                                        Ok(None) => self.binop(bop, a, b).map(|v| self.push(v)),
                                        Err(e) => Err(e),
                                    }
                                }
                            }
                        }
                    }
                    Op::Unary(uop) => {
                        self.frames[fi].ip = ip;
                        let a = self.pop();
                        match (uop, a) {
                            (UnaryOp::Not, _) => self.truthy(a).map(|t| self.push(Value::Bool(!t))),
                            (UnaryOp::Neg, Value::Int(i)) if i != i64::MIN => {
                                self.push(Value::Int(-i));
                                Ok(())
                            }
                            (UnaryOp::Neg, Value::Float(f)) => {
                                self.push(Value::Float(-f));
                                Ok(())
                            }
                            _ => self.unary(uop, a).map(|v| self.push(v)),
                        }
                    }
                    Op::Compare(cop) => {
                        match self.fast_compare_top(cop) {
                            // A forward conditional jump right after: take it now, without
                            // the bool on the stack (backward jumps go the long way: they
                            // charge fuel).
                            Some(r) => match self.code_ops.get(ob + ip) {
                                Some(&Op::JumpIfFalse(t)) if t as usize > ip => {
                                    self.stack.truncate(self.stack.len().saturating_sub(2));
                                    ip = if r { ip + 1 } else { t as usize };
                                    Ok(())
                                }
                                Some(&Op::JumpIfTrue(t)) if t as usize > ip => {
                                    self.stack.truncate(self.stack.len().saturating_sub(2));
                                    ip = if r { t as usize } else { ip + 1 };
                                    Ok(())
                                }
                                _ => {
                                    self.stack.pop();
                                    self.set_top(Value::Bool(r));
                                    Ok(())
                                }
                            },
                            None => {
                                self.frames[fi].ip = ip;
                                let b = self.pop();
                                let a = self.pop();
                                self.compare(cop, a, b).map(|v| self.push(v))
                            }
                        }
                    }
                    Op::Is(neg) => {
                        let b = self.pop();
                        let a = self.pop();
                        self.push(Value::Bool(a.is(b) != neg));
                        Ok(())
                    }
                    Op::In(neg) => {
                        self.frames[fi].ip = ip;
                        let container = self.pop();
                        let item = self.pop();
                        self.contains(container, item)
                            .map(|r| self.push(Value::Bool(r != neg)))
                    }
                    Op::Jump(t) => {
                        let t = t as usize;
                        if t < ip {
                            self.frames[fi].ip = ip;
                            if let Err(e) = self.tick() {
                                Err(e)
                            } else {
                                self.maybe_gc();
                                ip = t;
                                Ok(())
                            }
                        } else {
                            ip = t;
                            Ok(())
                        }
                    }
                    Op::JumpIfFalse(t) => {
                        let v = self.pop();
                        match fast_truthy(v) {
                            Some(true) => Ok(()),
                            // A backward conditional jump closes a loop (a comprehension's
                            // filter): it charges fuel like `Jump`.
                            Some(false) if (t as usize) < ip => {
                                self.frames[fi].ip = ip;
                                ip = t as usize;
                                self.tick()
                            }
                            Some(false) => {
                                ip = t as usize;
                                Ok(())
                            }
                            None => {
                                self.frames[fi].ip = ip;
                                match self.truthy(v) {
                                    Ok(b) if !b => {
                                        let back = (t as usize) < ip;
                                        ip = t as usize;
                                        if back { self.tick() } else { Ok(()) }
                                    }
                                    Ok(_) => Ok(()),
                                    Err(e) => Err(e),
                                }
                            }
                        }
                    }
                    Op::JumpIfTrue(t) => {
                        let v = self.pop();
                        match fast_truthy(v) {
                            Some(false) => Ok(()),
                            // A backward conditional jump closes a loop (a comprehension's
                            // filter): it charges fuel like `Jump`.
                            Some(true) if (t as usize) < ip => {
                                self.frames[fi].ip = ip;
                                ip = t as usize;
                                self.tick()
                            }
                            Some(true) => {
                                ip = t as usize;
                                Ok(())
                            }
                            None => {
                                self.frames[fi].ip = ip;
                                match self.truthy(v) {
                                    Ok(b) if b => {
                                        let back = (t as usize) < ip;
                                        ip = t as usize;
                                        if back { self.tick() } else { Ok(()) }
                                    }
                                    Ok(_) => Ok(()),
                                    Err(e) => Err(e),
                                }
                            }
                        }
                    }
                    Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                        let v = self.top();
                        self.frames[fi].ip = ip;
                        let want = matches!(op, Op::JumpIfTrueOrPop(_));
                        match fast_truthy(v).map_or_else(|| self.truthy(v), Ok) {
                            Ok(b) if b == want => self.jump(&mut ip, t),
                            Ok(_) => {
                                self.stack.pop();
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::JumpIfNotNone(t) => {
                        let v = self.pop();
                        if matches!(v, Value::None) {
                            Ok(())
                        } else {
                            self.jump(&mut ip, t)
                        }
                    }
                    Op::GetIter => {
                        self.frames[fi].ip = ip;
                        let v = self.pop();
                        self.get_iter(v).map(|it| self.push(it))
                    }
                    Op::ForIter(t) => {
                        self.frames[fi].ip = ip;
                        let it = self.top();
                        if let Some(Object::Generator(g)) = self.heap.get_obj(it) {
                            let state = g.state;
                            let gid = it.obj().unwrap_or(crate::value::ObjId(0));
                            if state == GenState::Done {
                                self.stack.pop();
                                if let Err(e) = self.jump(&mut ip, t) {
                                    self.handle_error(e, stop, false)?;
                                    continue 'frame;
                                }
                                continue;
                            }
                            match self.resume_generator(gid, Value::None, ExitAction::ForIter(t)) {
                                Ok(()) => continue 'frame,
                                Err(e) => {
                                    self.frames[fi].ip = ip;
                                    self.handle_error(e, stop, false)?;
                                    continue 'frame;
                                }
                            }
                        }
                        match self.next(it) {
                            Ok(Some(v)) => {
                                self.push(v);
                                Ok(())
                            }
                            Ok(None) => {
                                self.stack.pop();
                                self.jump(&mut ip, t)
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::BuildTuple(n) => {
                        let items = self.pop_n(n as usize);
                        self.new_tuple(items).map(|v| self.push(v))
                    }
                    Op::BuildList(n) => {
                        let items = self.pop_n(n as usize);
                        self.new_list(items).map(|v| self.push(v))
                    }
                    Op::BuildSet(n) => {
                        self.frames[fi].ip = ip;
                        let items = self.pop_n(n as usize);
                        self.new_set_from(&items).map(|v| self.push(v))
                    }
                    Op::BuildMap(n) => {
                        self.frames[fi].ip = ip;
                        let items = self.pop_n(2 * n as usize);
                        self.new_dict_from_pairs(&items).map(|v| self.push(v))
                    }
                    Op::BuildString(n) => {
                        let parts = self.pop_n(n as usize);
                        self.build_string(&parts).map(|v| self.push(v))
                    }
                    Op::ListAppend(n) => {
                        let v = self.pop();
                        let target = self.peek(n as usize - 1);
                        self.list_append(target, v)
                    }
                    Op::SetAdd(n) => {
                        self.frames[fi].ip = ip;
                        let v = self.pop();
                        let target = self.peek(n as usize - 1);
                        self.set_add(target, v)
                    }
                    Op::MapAdd(n) => {
                        self.frames[fi].ip = ip;
                        let v = self.pop();
                        let k = self.pop();
                        let target = self.peek(n as usize - 1);
                        self.dict_set(target, k, v)
                    }
                    Op::ListExtend(n) => {
                        self.frames[fi].ip = ip;
                        let it = self.pop();
                        let target = self.peek(n as usize - 1);
                        self.star_items(it, None)
                            .and_then(|items| self.list_extend_items(target, items))
                    }
                    Op::SetUpdate(n) => {
                        self.frames[fi].ip = ip;
                        let it = self.pop();
                        let target = self.peek(n as usize - 1);
                        self.set_update(target, it)
                    }
                    Op::DictUpdate(n) => {
                        self.frames[fi].ip = ip;
                        let m = self.pop();
                        let target = self.peek(n as usize - 1);
                        self.dict_display_update(target, m)
                    }
                    Op::DictMerge(n) => {
                        self.frames[fi].ip = ip;
                        let m = self.pop();
                        let target = self.peek(n as usize - 1);
                        // The stack is [func, args, kwargs]: errors name the callee.
                        let func = self.peek(n as usize + 1);
                        self.merge_call_kwargs(func, target, m)
                    }
                    Op::ListToTuple => {
                        let l = self.pop();
                        let items = self.list_items(l);
                        self.new_tuple(items).map(|v| self.push(v))
                    }
                    Op::FormatValue(flags) => {
                        self.frames[fi].ip = ip;
                        let spec = if flags & 4 != 0 {
                            Some(self.pop())
                        } else {
                            None
                        };
                        let v = self.pop();
                        self.format_value(v, flags & 3, spec).map(|s| self.push(s))
                    }
                    Op::UnpackSequence(n) => {
                        self.frames[fi].ip = ip;
                        let seq = self.pop();
                        self.unpack(seq, n as usize, None)
                    }
                    Op::UnpackEx(arg) => {
                        self.frames[fi].ip = ip;
                        let seq = self.pop();
                        let before = (arg & 0xFFFF) as usize;
                        let after = (arg >> 16) as usize;
                        self.unpack(seq, before, Some(after))
                    }
                    Op::Call(n) => {
                        self.frames[fi].ip = ip;
                        let n = n as usize;
                        let fpos = self.stack.len().saturating_sub(n + 1);
                        let f = self.stack.get(fpos).copied().unwrap_or(Value::None);
                        match self.call_stack(f, fpos + 1, n, Value::None, fpos) {
                            Ok(Called::Pushed) => continue 'frame,
                            Ok(Called::Value(v)) => {
                                self.push(v);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::CallKw(n) => {
                        self.frames[fi].ip = ip;
                        let kwnames = self.pop();
                        let n = n as usize;
                        let fpos = self.stack.len().saturating_sub(n + 1);
                        let f = self.stack.get(fpos).copied().unwrap_or(Value::None);
                        match self.call_stack(f, fpos + 1, n, kwnames, fpos) {
                            Ok(Called::Pushed) => continue 'frame,
                            Ok(Called::Value(v)) => {
                                self.push(v);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::CallEx(has_kw) => {
                        self.frames[fi].ip = ip;
                        match self.call_ex(has_kw != 0) {
                            Ok(Called::Pushed) => continue 'frame,
                            Ok(Called::Value(v)) => {
                                self.push(v);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::MakeFunction(flags) => {
                        self.frames[fi].ip = ip;
                        self.make_function(fi, flags).map(|v| self.push(v))
                    }
                    Op::ReturnValue => {
                        let v = self.pop();
                        let Some(f) = self.frames.pop() else {
                            return Err(RunError::Internal("return without frame"));
                        };
                        self.stack.truncate(f.ret_to);
                        if let Some(gid) = f.generator {
                            // A `for` loop or `yield from` consumes the return value; only a
                            // native resume reports it through StopIteration.value later.
                            let kept = if f.exit == ExitAction::Native {
                                v
                            } else {
                                Value::None
                            };
                            self.finish_generator(gid, kept);
                        }
                        let v = match f.exit {
                            ExitAction::Init(id) => match self.init_result(Value::Obj(id), v) {
                                Ok(inst) => inst,
                                Err(e) if self.frames.len() <= stop => return Err(e),
                                Err(e) => {
                                    self.handle_error(e, stop, false)?;
                                    continue 'frame;
                                }
                            },
                            ExitAction::Binop(bop) => {
                                let b = self.pop();
                                let a = self.pop();
                                match self.binop_forward_returned(bop, a, b, v) {
                                    Ok(v) => v,
                                    Err(e) if self.frames.len() <= stop => return Err(e),
                                    Err(e) => {
                                        self.handle_error(e, stop, false)?;
                                        continue 'frame;
                                    }
                                }
                            }
                            _ => v,
                        };
                        if self.frames.len() <= stop {
                            return Ok(v);
                        }
                        match f.exit {
                            ExitAction::Return
                            | ExitAction::Native
                            | ExitAction::Init(_)
                            | ExitAction::Binop(_) => self.push(v),
                            ExitAction::Call | ExitAction::AsyncSend(_) => {
                                let e = self.gen_return_error(f.exit, v);
                                self.handle_error(e, stop, false)?;
                            }
                            ExitAction::ForIter(t) => {
                                self.stack.pop();
                                if let Some(c) = self.frames.last_mut() {
                                    c.ip = t as usize;
                                }
                            }
                            ExitAction::Send(t) => {
                                self.stack.pop();
                                self.push(v);
                                if let Some(c) = self.frames.last_mut() {
                                    c.ip = t as usize;
                                }
                            }
                        }
                        continue 'frame;
                    }
                    Op::YieldValue | Op::YieldAsyncGen => {
                        let v = self.pop();
                        let own = matches!(op, Op::YieldAsyncGen);
                        match self.suspend_generator(ip, own) {
                            Some(ExitAction::Native) | None => {
                                if self.frames.len() <= stop {
                                    return Ok(v);
                                }
                                self.push(v);
                            }
                            Some(ExitAction::AsyncSend(t)) => self.async_send_yielded(v, t, own),
                            Some(_) => self.push(v),
                        }
                        continue 'frame;
                    }
                    Op::Send(t) => {
                        self.frames[fi].ip = ip;
                        let sendval = self.pop();
                        let receiver = self.top();
                        match self.send_step(receiver, sendval, t) {
                            Ok(SendStep::Resumed) => continue 'frame,
                            Ok(SendStep::Yielded(v)) => {
                                self.push(v);
                                Ok(())
                            }
                            Ok(SendStep::Returned(v)) => {
                                self.stack.pop();
                                self.push(v);
                                self.jump(&mut ip, t)
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::GetAwaitable(site) => {
                        self.frames[fi].ip = ip;
                        let v = self.pop();
                        self.get_awaitable(v, site).map(|a| self.push(a))
                    }
                    Op::GetAiter => {
                        self.frames[fi].ip = ip;
                        let v = self.pop();
                        self.get_aiter(v).map(|a| self.push(a))
                    }
                    Op::GetAnext => {
                        self.frames[fi].ip = ip;
                        let aiter = self.top();
                        self.get_anext(aiter).map(|a| self.push(a))
                    }
                    Op::EndAsyncFor => {
                        let e = self.pop();
                        self.end_async_for(e)
                    }
                    Op::BeforeAsyncWith => {
                        self.frames[fi].ip = ip;
                        let mgr = self.pop();
                        self.before_async_with(mgr).map(|(exit, entered)| {
                            self.push(exit);
                            self.push(entered);
                        })
                    }
                    Op::GetYieldFromIter => {
                        self.frames[fi].ip = ip;
                        let v = self.pop();
                        self.get_iter(v).map(|it| self.push(it))
                    }
                    Op::Raise(kind) => {
                        self.frames[fi].ip = ip;
                        Err(self.raise_op(kind))
                    }
                    Op::Reraise => {
                        let exc = self.pop();
                        match exc {
                            Value::Obj(id) => Err(RunError::Exc(Box::new(exc::Exc::Obj(id)))),
                            _ => Err(RunError::Internal("reraise of a non-exception")),
                        }
                    }
                    Op::PushExcInfo => {
                        let e = self.pop();
                        let prev = self.handled;
                        self.push(prev);
                        self.push(e);
                        self.handled = e;
                        Ok(())
                    }
                    Op::PopExcept => {
                        self.handled = self.pop();
                        Ok(())
                    }
                    Op::CheckEgMatch(t) => {
                        self.frames[fi].ip = ip;
                        let cls = self.pop();
                        let e = self.top();
                        match crate::builtins::excgroup::except_star_match(self, e, cls) {
                            Ok(Some((rest, m))) => {
                                self.set_top(rest);
                                self.push(m);
                                self.handled = m;
                                Ok(())
                            }
                            Ok(None) => self.jump(&mut ip, t),
                            Err(e) => Err(e),
                        }
                    }
                    Op::PrepReraiseStar(t) => {
                        self.frames[fi].ip = ip;
                        let list = self.pop();
                        let orig = self.pop();
                        let excs = self.list_items(list);
                        match crate::builtins::excgroup::prep_reraise_star(self, orig, excs) {
                            Ok(Some(e)) => {
                                self.push(e);
                                Ok(())
                            }
                            Ok(None) => self.jump(&mut ip, t),
                            Err(e) => Err(e),
                        }
                    }
                    Op::CheckExcMatch => {
                        self.frames[fi].ip = ip;
                        let cls = self.pop();
                        let e = self.top();
                        self.exception_matches(e, cls)
                            .map(|b| self.push(Value::Bool(b)))
                    }
                    Op::ImportName(i) => {
                        self.frames[fi].ip = ip;
                        let name = self.name_at(rt, i);
                        self.import_statement(name).map(|m| self.push(m))
                    }
                    Op::ImportFrom(i) => {
                        self.frames[fi].ip = ip;
                        let m = self.top();
                        let name = self.name_at(rt, i);
                        self.import_from(m, name).map(|v| self.push(v))
                    }
                    Op::ImportStar => {
                        self.frames[fi].ip = ip;
                        let m = self.pop();
                        let g = self.frames[fi].globals;
                        self.import_star(m, g)
                    }
                    Op::HostCall(crate::bytecode::HostCallKind::AsyncFunction) => {
                        self.frames[fi].ip = ip;
                        self.host_submit().map(|v| self.push(v))
                    }
                    Op::HostCall(kind) => {
                        self.frames[fi].ip = ip;
                        match self.host_call_op(kind, stop)? {
                            Some(v) => return Ok(v),
                            None => continue 'frame,
                        }
                    }
                    Op::SetResult => {
                        self.result = self.pop();
                        Ok(())
                    }
                    Op::LoadAssertionError => {
                        self.push(Value::Type(crate::types::BuiltinType::AssertionError));
                        Ok(())
                    }
                    Op::Unsupported(i) => {
                        let name = self.name_at(rt, i);
                        let what = self.str_of(name).unwrap_or("").to_string();
                        Err(exc::not_implemented_error(format!(
                            "pyward does not support {what} yet"
                        )))
                    }
                    Op::MatchSequence(n, star) => {
                        self.frames[fi].ip = ip;
                        let s = self.top();
                        self.match_sequence(s, n as usize, star)
                            .map(|b| self.push(Value::Bool(b)))
                    }
                    Op::MatchMapping => {
                        let s = self.top();
                        let b = self.match_mapping(s);
                        self.push(Value::Bool(b));
                        Ok(())
                    }
                    Op::MatchKeys => {
                        self.frames[fi].ip = ip;
                        let (subj, keys) = (self.peek(1), self.peek(0));
                        self.match_keys(subj, keys).map(|v| self.push(v))
                    }
                    Op::DictWithoutKeys => {
                        self.frames[fi].ip = ip;
                        let keys = self.pop();
                        let subj = self.pop();
                        self.dict_without_keys(subj, keys).map(|v| self.push(v))
                    }
                    Op::MatchClass(n) => {
                        self.frames[fi].ip = ip;
                        let kwnames = self.pop();
                        let cls = self.pop();
                        let subj = self.pop();
                        self.match_class(subj, cls, kwnames, n as usize)
                            .map(|v| self.push(v))
                    }
                    Op::BuildClass(n) => {
                        self.frames[fi].ip = ip;
                        let kwargs = if n & (1 << 31) != 0 {
                            self.pop()
                        } else {
                            Value::None
                        };
                        let bases = self.pop_n((n & 0xFFFF) as usize);
                        let name = self.pop();
                        let body = self.pop();
                        self.build_class(body, name, bases, kwargs)
                            .map(|c| self.push(c))
                    }
                    Op::BeforeWith => {
                        self.frames[fi].ip = ip;
                        let mgr = self.pop();
                        match self.before_with(mgr) {
                            Ok((exit, entered)) => {
                                self.push(exit);
                                self.push(entered);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::WithExceptStart => {
                        self.frames[fi].ip = ip;
                        let e = self.peek(0);
                        let exit = self.peek(2);
                        self.with_exit_exc(exit, e).map(|r| self.push(r))
                    }
                };
                if let Err(e) = res {
                    self.frames[fi].ip = ip;
                    let reraise = matches!(op, Op::Reraise | Op::Raise(0) | Op::EndAsyncFor);
                    self.handle_error(e, stop, reraise)?;
                    continue 'frame;
                }
            }
        }
    }

    fn cell_at(&self, fi: usize, i: u32) -> Value {
        let Some(f) = self.frames.get(fi) else {
            return Value::None;
        };
        self.stack
            .get(f.base + f.nlocals as usize + i as usize)
            .copied()
            .unwrap_or(Value::None)
    }

    pub(crate) fn name_at(&self, rt: Value, i: u32) -> Value {
        match self.heap.get_obj(rt) {
            Some(Object::CodeRt(c)) => c.names.get(i as usize).copied().unwrap_or(Value::None),
            _ => Value::None,
        }
    }

    #[cold]
    fn unbound_local(&self, rt: Value, i: u32) -> RunError {
        let Some(code) = self.code_of(rt) else {
            return RunError::Internal("frame without code");
        };
        let name = code.varnames.get(i as usize).map_or("?", String::as_str);
        exc::unbound_local_error(exc::messages::unbound_local(name))
    }

    #[cold]
    fn unbound_deref(&self, rt: Value, i: u32) -> RunError {
        let Some(code) = self.code_of(rt) else {
            return RunError::Internal("frame without code");
        };
        let i = i as usize;
        if let Some(name) = code.cellvars.get(i) {
            exc::unbound_local_error(exc::messages::unbound_local(name))
        } else {
            let name = code
                .freevars
                .get(i - code.cellvars.len())
                .map_or("?", String::as_str);
            exc::name_error(exc::messages::unbound_free(name))
        }
    }
}

/// An inline number read from a stack slot, for the arithmetic and comparison fast paths.
#[derive(Clone, Copy)]
enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    #[inline(always)]
    fn of(v: &Value) -> Option<Num> {
        match v {
            Value::Int(i) => Some(Num::Int(*i)),
            Value::Float(f) => Some(Num::Float(*f)),
            _ => None,
        }
    }
}

/// Int and float arithmetic without overflow, inline; `None` sends the op to `ops::arith`.
#[inline]
fn fast_binop(op: BinOp, a: Num, b: Num) -> Option<Value> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => match op {
            BinOp::Add => x.checked_add(y).map(Value::Int),
            BinOp::Sub => x.checked_sub(y).map(Value::Int),
            BinOp::Mul => x.checked_mul(y).map(Value::Int),
            BinOp::FloorDiv if y != 0 => crate::types::int::floordiv(x, y).map(Value::Int),
            BinOp::Mod if y != 0 => Some(Value::Int(crate::types::int::modulo(x, y))),
            BinOp::And => Some(Value::Int(x & y)),
            BinOp::Or => Some(Value::Int(x | y)),
            BinOp::Xor => Some(Value::Int(x ^ y)),
            _ => None,
        },
        (Num::Float(x), Num::Float(y)) => match op {
            BinOp::Add => Some(Value::Float(x + y)),
            BinOp::Sub => Some(Value::Float(x - y)),
            BinOp::Mul => Some(Value::Float(x * y)),
            BinOp::TrueDiv if y != 0.0 => Some(Value::Float(x / y)),
            _ => None,
        },
        (Num::Float(x), Num::Int(y)) if y.unsigned_abs() < (1 << 53) => match op {
            BinOp::Add => Some(Value::Float(x + y as f64)),
            BinOp::Sub => Some(Value::Float(x - y as f64)),
            BinOp::Mul => Some(Value::Float(x * y as f64)),
            BinOp::TrueDiv if y != 0 => Some(Value::Float(x / y as f64)),
            _ => None,
        },
        (Num::Int(x), Num::Float(y)) if x.unsigned_abs() < (1 << 53) => match op {
            BinOp::Add => Some(Value::Float(x as f64 + y)),
            BinOp::Sub => Some(Value::Float(x as f64 - y)),
            BinOp::Mul => Some(Value::Float(x as f64 * y)),
            BinOp::TrueDiv if y != 0.0 => Some(Value::Float(x as f64 / y)),
            _ => None,
        },
        _ => None,
    }
}

#[inline]
fn fast_compare(op: CmpOp, a: Num, b: Num) -> Option<bool> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        }),
        (Num::Float(x), Num::Float(y)) => Some(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        }),
        _ => None,
    }
}

#[inline]
fn fast_truthy(v: Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(b),
        Value::None => Some(false),
        Value::Int(i) => Some(i != 0),
        _ => None,
    }
}

#[allow(
    unused_imports,
    reason = "ops is referenced through Vm methods defined there"
)]
use ops as _;
