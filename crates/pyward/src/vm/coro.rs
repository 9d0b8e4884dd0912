//! Coroutines and async generators in the VM: the await protocol (`GetAwaitable`,
//! `GetAiter`, `GetAnext`, `BeforeAsyncWith`, `EndAsyncFor`), one delegation step of
//! `yield from`/`await` (`send_step`), and resuming generators from `send`/`throw` calls made
//! by Python code inside the running loop (`resume_call`).
//!
//! Everything an event loop drives stays in one dispatch loop: a task's step calls
//! `coro.send(None)` (resumed in-loop, `ExitAction::Call`), the coroutine's awaits delegate
//! with `Send` (`ExitAction::Send`), and `async for` over an async generator resumes it with
//! `ExitAction::AsyncSend`. So an await chain costs frames (counted by the recursion limit),
//! never Rust stack, and the GC keeps running inside tasks (`native_depth` stays 0).
//! The async generator awaitables driven natively (`athrow`, `aclose`, explicit `send`) are
//! in `coro_ops.rs`.

use crate::exc::{self, Exc, PyResult, RunError, messages};
use crate::types::BuiltinType;
use crate::types::gen_methods::GenMethod;
use crate::types::generator::{AwaitKind, AwaitOp, AwaitState, GenKind, GenState};
use crate::types::object::Object;
use crate::value::{ObjId, Value};

use super::Vm;
use super::call::Called;
use super::frame::ExitAction;

/// The outcome of one `Send` step of a `yield from`/`await` loop.
pub(crate) enum SendStep {
    /// A generator frame was pushed; the loop runs it.
    Resumed,
    /// The receiver yielded this value (it goes up to our own resumer).
    Yielded(Value),
    /// The receiver finished with this result.
    Returned(Value),
}

impl Vm {
    /// `GetAwaitable`: what `await v` delegates to (CPython's `_PyCoro_GetAwaitableIter`).
    pub(crate) fn get_awaitable(&mut self, v: Value, site: u32) -> PyResult<Value> {
        match self.heap.get_obj(v) {
            Some(Object::Generator(g)) if g.kind == GenKind::Coroutine => {
                // A suspended coroutine is always paused inside an await of its own.
                if g.state == GenState::Suspended {
                    return Err(exc::runtime_error(messages::coro::being_awaited()));
                }
                return Ok(v);
            }
            Some(Object::AwaitOp(_)) => return Ok(v),
            _ => {}
        }
        if self.is_user_instance(v) {
            if let Some(it) = self.call_dunder(v, "__await__", &[])? {
                return self.checked_await_iter(it);
            }
        }
        Err(exc::type_error(messages::coro::not_awaitable(
            site,
            &self.type_name(v),
        )))
    }

    /// The iterator `__await__` returned must be an iterator and not a coroutine. A
    /// coroutine's own wrapper is unwrapped, so awaiting it delegates in-loop.
    fn checked_await_iter(&mut self, it: Value) -> PyResult<Value> {
        match self.heap.get_obj(it) {
            Some(Object::Generator(g)) if g.kind == GenKind::Coroutine => {
                return Err(exc::type_error(messages::coro::await_returned_coroutine()));
            }
            Some(Object::AwaitOp(op)) if op.kind == AwaitKind::CoroWrapper => return Ok(op.target),
            _ => {}
        }
        if self.is_iterator(it) {
            Ok(it)
        } else {
            Err(exc::type_error(
                messages::coro::await_returned_non_iterator(&self.type_name(it)),
            ))
        }
    }

    /// `GetAiter`: `v.__aiter__()`, which must have `__anext__`.
    pub(crate) fn get_aiter(&mut self, v: Value) -> PyResult<Value> {
        if self.gen_kind(v) == Some(GenKind::AsyncGenerator) {
            return Ok(v);
        }
        let it = if self.is_user_instance(v) {
            self.call_dunder(v, "__aiter__", &[])?
        } else {
            None
        };
        let Some(it) = it else {
            return Err(exc::type_error(messages::coro::no_aiter(
                &self.type_name(v),
            )));
        };
        if self.gen_kind(it) == Some(GenKind::AsyncGenerator)
            || (self.is_user_instance(it) && self.user_dunder(it, "__anext__")?.is_some())
        {
            Ok(it)
        } else {
            Err(exc::type_error(messages::coro::aiter_without_anext(
                &self.type_name(it),
            )))
        }
    }

    /// `GetAnext`: the awaitable of `aiter.__anext__()`.
    pub(crate) fn get_anext(&mut self, aiter: Value) -> PyResult<Value> {
        if self.gen_kind(aiter) == Some(GenKind::AsyncGenerator) {
            return self.new_await_op(aiter, AwaitKind::ASend, Value::None);
        }
        let next = if self.is_user_instance(aiter) {
            self.call_dunder(aiter, "__anext__", &[])?
        } else {
            None
        };
        let Some(next) = next else {
            return Err(exc::type_error(messages::coro::no_anext(
                &self.type_name(aiter),
            )));
        };
        self.get_awaitable(next, 0)
            .map_err(|_| exc::type_error(messages::coro::invalid_anext(&self.type_name(next))))
    }

    /// A new awaitable over coroutine or async generator `gen`.
    pub(crate) fn new_await_op(
        &mut self,
        target: Value,
        kind: AwaitKind,
        arg: Value,
    ) -> PyResult<Value> {
        self.alloc(Object::AwaitOp(AwaitOp {
            target,
            kind,
            arg,
            state: AwaitState::Init,
        }))
    }

    /// `BeforeAsyncWith`: (bound `__aexit__`, result of `__aenter__()`).
    pub(crate) fn before_async_with(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let Some(enter) = self.getattr_opt(mgr, "__aenter__")? else {
            return Err(exc::type_error(messages::coro::no_async_context_manager(
                &self.type_name(mgr),
                false,
            )));
        };
        let Some(exit) = self.getattr_opt(mgr, "__aexit__")? else {
            return Err(exc::type_error(messages::coro::no_async_context_manager(
                &self.type_name(mgr),
                true,
            )));
        };
        self.temp_roots.push(exit);
        let entered = self.call(enter, &[]);
        self.temp_roots.pop();
        Ok((exit, entered?))
    }

    /// `EndAsyncFor` with the exception popped: StopAsyncIteration ends the loop (the
    /// iterator is dropped), anything else is re-raised.
    pub(crate) fn end_async_for(&mut self, e: Value) -> PyResult<()> {
        let cls = self.exception_class(e);
        if self.is_subclass(cls, Value::Type(BuiltinType::StopAsyncIteration)) {
            self.stack.pop();
            return Ok(());
        }
        match e {
            Value::Obj(id) => Err(RunError::Exc(Box::new(Exc::Obj(id)))),
            _ => Err(RunError::Internal("async for ended by a non-exception")),
        }
    }

    /// One step of a `yield from`/`await` loop: send `v` into `receiver` (on top of the
    /// stack). Generators and `__anext__()` of async generators resume inside the loop.
    pub(crate) fn send_step(&mut self, receiver: Value, v: Value, t: u32) -> PyResult<SendStep> {
        let Some(id) = receiver.obj() else {
            return self.iterator_send_step(receiver, v);
        };
        match self.heap.get(id) {
            Object::Generator(g) => {
                if g.state == GenState::Done {
                    if g.kind == GenKind::Coroutine {
                        return Err(exc::runtime_error(messages::coro::coroutine_reused()));
                    }
                    return Ok(SendStep::Returned(Value::None));
                }
                self.resume_generator(id, v, ExitAction::Send(t))?;
                Ok(SendStep::Resumed)
            }
            Object::AwaitOp(op) if op.kind == AwaitKind::ASend => self.asend_step(id, *op, v, t),
            Object::AwaitOp(_) => match self.await_op_send(id, v) {
                Ok(y) => Ok(SendStep::Yielded(y)),
                Err(e) if self.is_stop_iteration(&e) => {
                    Ok(SendStep::Returned(self.stop_iteration_value(e)?))
                }
                Err(e) => Err(e),
            },
            _ => self.iterator_send_step(receiver, v),
        }
    }

    /// `yield from` over any other iterator: `next(it)` or `it.send(v)`, keeping the value
    /// a finishing StopIteration carries.
    fn iterator_send_step(&mut self, it: Value, v: Value) -> PyResult<SendStep> {
        let r = if self.is_user_instance(it) && matches!(v, Value::None) {
            match self.call_dunder(it, "__next__", &[]) {
                Ok(Some(y)) => Ok(y),
                Ok(None) => {
                    return Err(exc::type_error(format!(
                        "'{}' object is not an iterator",
                        self.type_name(it)
                    )));
                }
                Err(e) => Err(e),
            }
        } else if matches!(v, Value::None) {
            return Ok(match self.next(it)? {
                Some(y) => SendStep::Yielded(y),
                None => SendStep::Returned(Value::None),
            });
        } else {
            let name = self.intern_static("send")?;
            let send = self.getattr(it, name)?;
            self.call(send, &[v])
        };
        match r {
            Ok(y) => Ok(SendStep::Yielded(y)),
            Err(e) if self.is_stop_iteration(&e) => {
                Ok(SendStep::Returned(self.stop_iteration_value(e)?))
            }
            Err(e) => Err(e),
        }
    }

    /// The `value` a StopIteration error carries.
    pub(crate) fn stop_iteration_value(&mut self, e: RunError) -> PyResult<Value> {
        match e {
            RunError::Exc(x) => match *x {
                Exc::New {
                    args: exc::ExcArgs::Value(v),
                    ..
                } => Ok(v),
                Exc::New { .. } => Ok(Value::None),
                Exc::Obj(id) => Ok(match self.heap.get(id) {
                    Object::Exception(e) => e.args.first().copied().unwrap_or(Value::None),
                    _ => Value::None,
                }),
            },
            other => Err(other),
        }
    }

    /// `await agen.__anext__()` / `asend(v)`: resume the async generator in this loop.
    fn asend_step(&mut self, id: ObjId, op: AwaitOp, v: Value, t: u32) -> PyResult<SendStep> {
        let gid = op
            .target
            .obj()
            .ok_or(RunError::Internal("asend without a generator"))?;
        let v = match op.state {
            AwaitState::Closed => {
                return Err(exc::runtime_error(messages::coro::await_op_reused(op.kind)));
            }
            AwaitState::Init => {
                if self.agen_running_async(gid) {
                    return Err(exc::runtime_error(messages::coro::agen_running(op.kind)));
                }
                self.set_await_state(id, AwaitState::Iter);
                if matches!(v, Value::None) { op.arg } else { v }
            }
            AwaitState::Iter => v,
        };
        if self.gen_state(gid) == GenState::Done {
            self.set_await_state(id, AwaitState::Closed);
            return Err(RunError::bare(BuiltinType::StopAsyncIteration));
        }
        self.resume_generator(gid, v, ExitAction::AsyncSend(t))?;
        self.set_running_async(gid, true);
        Ok(SendStep::Resumed)
    }

    /// An async generator resumed by `asend_step` suspended, yielding `v`; the awaiting
    /// frame is on top with the `AwaitOp` on its stack. Its own value finishes the await
    /// (jump to `t` with the value); an inner await's value passes through.
    pub(crate) fn async_send_yielded(&mut self, v: Value, t: u32, own: bool) {
        if own {
            let op = self.pop();
            if let Some(Object::AwaitOp(a)) = op.obj().map(|id| self.heap.get_mut(id)) {
                a.state = AwaitState::Closed;
                let target = a.target;
                if let Some(gid) = target.obj() {
                    self.set_running_async(gid, false);
                }
            }
            if let Some(c) = self.frames.last_mut() {
                c.ip = t as usize;
            }
        }
        self.push(v);
    }

    /// The error a generator frame's `return v` raises in the frame that resumed it through
    /// a `send`/`throw` call (StopIteration carrying `v`) or an `await` of `__anext__()`
    /// (StopAsyncIteration: the async generator is exhausted).
    pub(crate) fn gen_return_error(&mut self, exit: ExitAction, v: Value) -> RunError {
        if let ExitAction::AsyncSend(_) = exit {
            let op = self.top_value();
            if let Some(Object::AwaitOp(a)) = op.obj().map(|id| self.heap.get_mut(id)) {
                a.state = AwaitState::Closed;
            }
            return RunError::bare(BuiltinType::StopAsyncIteration);
        }
        exc::stop_iteration(v)
    }

    fn top_value(&self) -> Value {
        self.stack.last().copied().unwrap_or(Value::None)
    }

    pub(crate) fn set_await_state(&mut self, id: ObjId, state: AwaitState) {
        if let Object::AwaitOp(a) = self.heap.get_mut(id) {
            a.state = state;
        }
    }

    pub(crate) fn agen_running_async(&self, gid: ObjId) -> bool {
        matches!(self.heap.get(gid), Object::Generator(g) if g.running_async)
    }

    pub(crate) fn set_running_async(&mut self, gid: ObjId, running: bool) {
        if let Object::Generator(g) = self.heap.get_mut(gid) {
            g.running_async = running;
        }
    }

    /// `gen.send(v)` or `gen.throw(...)` called from Python code: resume the generator inside
    /// this loop (`ExitAction::Call`) instead of a nested one, so an event loop's task steps
    /// cost no Rust recursion and leave the GC running. `Ok(None)`: not such a call (or an
    /// edge case the native method reports), take the ordinary native path.
    pub(crate) fn resume_call(
        &mut self,
        m: GenMethod,
        start: usize,
        nargs: usize,
        kwnames: Value,
        ret_to: usize,
    ) -> PyResult<Option<Called>> {
        if !matches!(kwnames, Value::None) {
            return Ok(None);
        }
        let arg = |vm: &Vm, i: usize| vm.stack.get(start + i).copied();
        let Some(gid) = arg(self, 0).and_then(Value::obj) else {
            return Ok(None);
        };
        let state = match self.heap.get(gid) {
            Object::Generator(g) if g.kind != GenKind::AsyncGenerator => g.state,
            _ => return Ok(None),
        };
        match m {
            GenMethod::Send if nargs == 2 => {
                let v = arg(self, 1).unwrap_or(Value::None);
                let ok = state == GenState::Suspended
                    || (state == GenState::Created && matches!(v, Value::None));
                if !ok {
                    return Ok(None);
                }
                self.stack.truncate(ret_to);
                self.resume_generator(gid, v, ExitAction::Call)?;
                Ok(Some(Called::Pushed))
            }
            GenMethod::Throw
                if (2..=4).contains(&nargs)
                    && state == GenState::Suspended
                    && !self.throws_to_foreign_delegate(gid) =>
            {
                let typ = arg(self, 1).unwrap_or(Value::None);
                let val = if nargs > 2 { arg(self, 2) } else { None };
                let e = crate::types::gen_methods::throw_error(self, typ, val)?;
                self.stack.truncate(ret_to);
                let depth = self.frames.len();
                self.native_depth += 1;
                let handled = self.throw_into(gid, ExitAction::Call, e, depth, true, &[]);
                self.native_depth -= 1;
                handled?;
                Ok(Some(Called::Pushed))
            }
            _ => Ok(None),
        }
    }
}
