//! The awaitables over coroutines and async generators, driven natively: a coroutine's
//! `__await__()` wrapper, and `asend`/`athrow`/`aclose` of async generators (Objects/
//! genobject.c async_gen_asend_send, async_gen_athrow_send and friends).
//!
//! An `await` of `__anext__()` runs in the dispatch loop (`coro.rs` `asend_step`); these
//! are the paths for explicit `send`/`throw`/`__next__` calls and for `athrow`/`aclose`.
//! A finished operation raises StopIteration carrying its result; an exhausted async
//! generator raises StopAsyncIteration.

use crate::exc::{self, PyResult, RunError, messages};
use crate::types::BuiltinType;
use crate::types::generator::{AwaitKind, AwaitOp, AwaitState, GenState};
use crate::types::object::Object;
use crate::value::{ObjId, Value};

use super::Vm;

impl Vm {
    /// The operation and the id of its coroutine or async generator.
    fn await_op(&self, id: ObjId) -> PyResult<(AwaitOp, ObjId)> {
        match self.heap.get(id) {
            Object::AwaitOp(op) => match op.target.obj() {
                Some(gid) => Ok((*op, gid)),
                None => Err(RunError::Internal("await op without a generator")),
            },
            _ => Err(RunError::Internal("not an await op")),
        }
    }

    /// A coroutine wrapper's step: the coroutine's yield, or StopIteration with its result.
    fn wrapper_result(&mut self, op: AwaitOp, r: Option<Value>) -> PyResult<Value> {
        match r {
            Some(y) => Ok(y),
            None => Err(exc::stop_iteration(self.take_return_value(op.target))),
        }
    }

    /// `op.send(v)`: the value the operation yields, or its end as an error.
    pub(crate) fn await_op_send(&mut self, id: ObjId, v: Value) -> PyResult<Value> {
        let (op, gid) = self.await_op(id)?;
        if op.kind == AwaitKind::CoroWrapper {
            let r = self.gen_send(gid, v)?;
            return self.wrapper_result(op, r);
        }
        if op.state == AwaitState::Closed {
            return Err(exc::runtime_error(messages::coro::await_op_reused(op.kind)));
        }
        if op.state == AwaitState::Iter {
            let r = self.gen_send(gid, v);
            return self.agen_result(id, op.kind, gid, r);
        }
        // The first step.
        let done = self.gen_state(gid) == GenState::Done;
        if op.kind == AwaitKind::ASend {
            if self.agen_running_async(gid) {
                return Err(exc::runtime_error(messages::coro::agen_running(op.kind)));
            }
            if done {
                self.set_await_state(id, AwaitState::Closed);
                return Err(RunError::bare(BuiltinType::StopAsyncIteration));
            }
            let v = if matches!(v, Value::None) { op.arg } else { v };
            self.set_await_state(id, AwaitState::Iter);
            self.set_running_async(gid, true);
            let r = self.gen_send(gid, v);
            return self.agen_result(id, op.kind, gid, r);
        }
        if done {
            self.set_await_state(id, AwaitState::Closed);
            return Err(self.await_op_finished(op.kind));
        }
        if !matches!(v, Value::None) {
            return Err(exc::runtime_error(messages::coro::athrow_send_non_none()));
        }
        if self.agen_running_async(gid) {
            return Err(exc::runtime_error(messages::coro::agen_running(op.kind)));
        }
        self.set_await_state(id, AwaitState::Iter);
        self.set_running_async(gid, true);
        let e = match op.kind {
            AwaitKind::AClose => RunError::bare(BuiltinType::GeneratorExit),
            _ => match op.arg {
                Value::Obj(eid) => RunError::Exc(Box::new(exc::Exc::Obj(eid))),
                _ => return Err(RunError::Internal("athrow without an exception")),
            },
        };
        let r = self.gen_throw_ex(gid, e, false);
        self.agen_result(id, op.kind, gid, r)
    }

    /// `op.throw(e)`: raise `e` in the coroutine or async generator.
    pub(crate) fn await_op_throw(&mut self, id: ObjId, e: RunError) -> PyResult<Value> {
        let (op, gid) = self.await_op(id)?;
        if op.kind == AwaitKind::CoroWrapper {
            let r = self.gen_throw(gid, e)?;
            return self.wrapper_result(op, r);
        }
        if op.state == AwaitState::Closed {
            return Err(exc::runtime_error(messages::coro::await_op_reused(op.kind)));
        }
        let r = self.gen_throw(gid, e);
        self.agen_result(id, op.kind, gid, r)
    }

    /// `op.close()`.
    pub(crate) fn await_op_close(&mut self, id: ObjId) -> PyResult<()> {
        let (op, gid) = self.await_op(id)?;
        if op.kind == AwaitKind::CoroWrapper {
            return self.gen_close(gid);
        }
        self.set_await_state(id, AwaitState::Closed);
        Ok(())
    }

    /// `next(op)`: `Some(value)` yielded, or None when the operation finished.
    pub(crate) fn await_op_next(&mut self, id: ObjId) -> PyResult<Option<Value>> {
        match self.await_op_send(id, Value::None) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.is_stop_iteration(&e) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// What an operation on an already finished async generator raises.
    fn await_op_finished(&self, kind: AwaitKind) -> RunError {
        match kind {
            AwaitKind::AClose => exc::stop_iteration(Value::None),
            _ => RunError::bare(BuiltinType::StopAsyncIteration),
        }
    }

    /// Turn one resumption of the async generator into the operation's result
    /// (async_gen_unwrap_value, and aclose's GeneratorExit rules).
    fn agen_result(
        &mut self,
        id: ObjId,
        kind: AwaitKind,
        gid: ObjId,
        r: PyResult<Option<Value>>,
    ) -> PyResult<Value> {
        let own = match self.heap.get_mut(gid) {
            Object::Generator(g) => std::mem::replace(&mut g.yielded_own, false),
            _ => false,
        };
        if let Ok(Some(y)) = r {
            if !own {
                // An inner await passes its value through to the event loop.
                return Ok(y);
            }
        }
        self.set_await_state(id, AwaitState::Closed);
        self.set_running_async(gid, false);
        match r {
            Ok(Some(y)) => {
                if kind == AwaitKind::AClose {
                    Err(exc::runtime_error(messages::coro::agen_ignored_exit()))
                } else {
                    Err(exc::stop_iteration(y))
                }
            }
            Ok(None) => Err(self.await_op_finished(kind)),
            Err(e)
                if kind == AwaitKind::AClose
                    && (self.is_exception_of(&e, BuiltinType::GeneratorExit)
                        || self.is_exception_of(&e, BuiltinType::StopAsyncIteration)) =>
            {
                Err(exc::stop_iteration(Value::None))
            }
            Err(e) => Err(e),
        }
    }
}
