//! Resuming and suspending generator frames.
//!
//! `resume_generator` moves a suspended frame from its generator onto the VM's frame stack;
//! `YieldValue` moves it back. `for` loops and `yield from` resume inside the dispatch loop
//! (no Rust recursion); native callers use `gen_next`, `gen_send` and `gen_throw`, which run a
//! nested loop until the generator yields or finishes.

use crate::bytecode::Op;
use crate::exc::{self, PyResult, RunError};
use crate::types::generator::{GenKind, GenState, SavedFrame};
use crate::types::object::Object;
use crate::value::{ObjId, Value};

use super::Vm;
use super::frame::{ExitAction, Frame};

impl Vm {
    /// The state of generator `gid`.
    pub(crate) fn gen_state(&self, gid: ObjId) -> GenState {
        match self.heap.get(gid) {
            Object::Generator(g) => g.state,
            _ => GenState::Done,
        }
    }

    /// Push generator `gid`'s frame so the loop resumes it; `send` becomes the value of the
    /// paused `yield` expression.
    pub(crate) fn resume_generator(
        &mut self,
        gid: ObjId,
        send: Value,
        exit: ExitAction,
    ) -> PyResult<()> {
        let Object::Generator(g) = self.heap.get_mut(gid) else {
            return Err(RunError::Internal("resume of a non-generator"));
        };
        match g.state {
            GenState::Running => {
                return Err(exc::value_error(exc::messages::coro::already_executing(
                    g.kind,
                )));
            }
            GenState::Done => return Err(RunError::Internal("resume of a finished generator")),
            GenState::Created if !matches!(send, Value::None) => {
                return Err(exc::type_error(exc::messages::coro::send_to_just_started(
                    g.kind,
                )));
            }
            _ => {}
        }
        let started = g.state == GenState::Suspended;
        let Some(frame) = g.frame.take() else {
            return Err(RunError::Internal("generator without a frame"));
        };
        g.state = GenState::Running;
        if self.frames.len() >= self.limits.max_recursion {
            if let Object::Generator(g) = self.heap.get_mut(gid) {
                g.frame = Some(frame);
                g.state = if started {
                    GenState::Suspended
                } else {
                    GenState::Created
                };
            }
            return Err(exc::recursion_error(exc::messages::recursion_depth("")));
        }
        // The generator's own handled exception (if any) is current while it runs.
        if let Object::Generator(g) = self.heap.get_mut(gid) {
            g.outer_handled = self.handled;
            if !matches!(g.exc_state, Value::None) {
                self.handled = g.exc_state;
            }
        }
        let base = self.stack.len();
        let SavedFrame {
            rt,
            ops_base,
            nlocals,
            globals,
            ip,
            stack,
            stack_base,
        } = frame;
        self.stack.extend(stack);
        if started {
            self.stack.push(send);
        }
        self.frames.push(Frame {
            rt,
            ops_base,
            nlocals,
            globals,
            namespace: Value::None,
            ip,
            base,
            stack_base: base + stack_base,
            ret_to: base,
            generator: Some(gid),
            exit,
        });
        Ok(())
    }

    /// Save the top frame (a generator at a `yield`) back into its generator. `own` says
    /// the value is an async generator's own (`YieldAsyncGen`), not an inner await's.
    pub(crate) fn suspend_generator(&mut self, ip: usize, own: bool) -> Option<ExitAction> {
        let f = self.frames.pop()?;
        let saved = self.stack.split_off(f.base);
        let gid = f.generator?;
        if let Object::Generator(g) = self.heap.get_mut(gid) {
            g.frame = Some(SavedFrame {
                rt: f.rt,
                ops_base: f.ops_base,
                nlocals: f.nlocals,
                globals: f.globals,
                ip,
                stack: saved,
                stack_base: f.stack_base - f.base,
            });
            g.state = GenState::Suspended;
            g.yielded_own = own;
            g.exc_state = if self.handled.is(g.outer_handled) {
                Value::None
            } else {
                self.handled
            };
            self.handled = std::mem::replace(&mut g.outer_handled, Value::None);
        }
        Some(f.exit)
    }

    /// The value a finished generator returned, reported once (later `next` calls raise a
    /// bare StopIteration, as in CPython).
    pub fn take_return_value(&mut self, it: Value) -> Value {
        let Some(id) = it.obj() else {
            return Value::None;
        };
        if let Object::Generator(g) = self.heap.get_mut(id) {
            return std::mem::replace(&mut g.return_value, Value::None);
        }
        Value::None
    }

    /// Mark a generator finished.
    pub(crate) fn finish_generator(&mut self, gid: ObjId, value: Value) {
        if let Object::Generator(g) = self.heap.get_mut(gid) {
            if g.state == GenState::Running {
                self.handled = std::mem::replace(&mut g.outer_handled, Value::None);
            }
            g.exc_state = Value::None;
            g.state = GenState::Done;
            g.frame = None;
            g.return_value = value;
            g.running_async = false;
        }
    }

    /// The kind of generator `v` is, if it is one.
    pub(crate) fn gen_kind(&self, v: Value) -> Option<GenKind> {
        match self.heap.get_obj(v) {
            Some(Object::Generator(g)) => Some(g.kind),
            _ => None,
        }
    }

    /// `next(gen)` from native code: `Some(value)`, or None when it finished.
    pub fn gen_next(&mut self, gid: ObjId) -> PyResult<Option<Value>> {
        self.gen_send(gid, Value::None)
    }

    /// `gen.send(value)` from native code.
    pub fn gen_send(&mut self, gid: ObjId, value: Value) -> PyResult<Option<Value>> {
        if self.gen_state(gid) == GenState::Done {
            if self.gen_kind(Value::Obj(gid)) == Some(GenKind::Coroutine) {
                return Err(exc::runtime_error(exc::messages::coro::coroutine_reused()));
            }
            return Ok(None);
        }
        let depth = self.frames.len();
        self.resume_generator(gid, value, ExitAction::Native)?;
        let v = self.run_nested(depth)?;
        Ok(if self.gen_state(gid) == GenState::Done {
            None
        } else {
            Some(v)
        })
    }

    /// `gen.throw(exc)`: raise `e` at the paused `yield` (of the innermost delegate).
    pub fn gen_throw(&mut self, gid: ObjId, e: RunError) -> PyResult<Option<Value>> {
        match self.gen_state(gid) {
            GenState::Done => return Err(e),
            GenState::Created => {
                self.finish_generator(gid, Value::None);
                return Err(e);
            }
            _ => {}
        }
        let depth = self.frames.len();
        self.native_depth += 1;
        let handled = self.throw_into(gid, ExitAction::Native, e, depth);
        self.native_depth -= 1;
        handled?;
        let v = self.run_nested(depth)?;
        Ok(if self.gen_state(gid) == GenState::Done {
            None
        } else {
            Some(v)
        })
    }

    /// Resume suspended generator `gid` to receive a thrown exception. As CPython's
    /// `_gen_throw`, the exception goes to the innermost delegate of a `yield from`/`await`
    /// chain: every generator of the chain is pushed (each one paused at its delegation
    /// loop's `YieldValue`, its receiver on top), then the exception is raised in the top
    /// frame and unwinds through the others, so their handlers and `finally` blocks run.
    /// A delegate that is not a generator gets its `throw` method called. Errors unwind to
    /// `stop` (the frame count before the call).
    pub(crate) fn throw_into(
        &mut self,
        gid: ObjId,
        exit: ExitAction,
        mut e: RunError,
        stop: usize,
    ) -> PyResult<()> {
        let mut next = self.push_for_throw(gid, exit)?;
        while let Some((recv, t)) = next {
            let child = match recv.obj().map(|id| (id, self.heap.get(id))) {
                Some((id, Object::Generator(g)))
                    if g.state == GenState::Suspended && g.kind != GenKind::AsyncGenerator =>
                {
                    Some((id, ExitAction::Send(t)))
                }
                Some((_, Object::AwaitOp(op)))
                    if op.kind == crate::types::generator::AwaitKind::ASend
                        && op.state == crate::types::generator::AwaitState::Iter =>
                {
                    op.target
                        .obj()
                        .filter(|&a| self.gen_state(a) == GenState::Suspended)
                        .map(|a| (a, ExitAction::AsyncSend(t)))
                }
                _ => None,
            };
            if let Some((cid, cexit)) = child {
                match self.push_for_throw(cid, cexit) {
                    Ok(n) => next = n,
                    Err(err) => {
                        e = err;
                        break;
                    }
                }
                continue;
            }
            match self.delegate_throw(recv, e)? {
                Ok(super::coro::SendStep::Yielded(y)) => {
                    self.push(y);
                    return Ok(());
                }
                Ok(super::coro::SendStep::Returned(v)) => {
                    self.stack.pop();
                    self.push(v);
                    if let Some(f) = self.frames.last_mut() {
                        f.ip = t as usize;
                    }
                    return Ok(());
                }
                Ok(super::coro::SendStep::Resumed) => return Ok(()),
                Err(err) => {
                    e = err;
                    break;
                }
            }
        }
        self.handle_error(e, stop, false)
    }

    /// Push suspended generator `gid`'s frame for a throw. When it is paused inside a
    /// delegation loop (`Send(t)` then `YieldValue`), the frame is set back onto the
    /// `YieldValue` with the receiver on top, and `(receiver, t)` is returned.
    fn push_for_throw(&mut self, gid: ObjId, exit: ExitAction) -> PyResult<Option<(Value, u32)>> {
        self.resume_generator(gid, Value::None, exit)?;
        let Some(f) = self.frames.last() else {
            return Ok(None);
        };
        let (ip, ops_base) = (f.ip, f.ops_base as usize);
        let ops = &self.code_ops;
        let at = |back: usize| {
            ip.checked_sub(back)
                .and_then(|i| ops.get(ops_base + i))
                .copied()
        };
        let t = match (at(2), at(1)) {
            (Some(Op::Send(t)), Some(Op::YieldValue)) => t,
            _ => return Ok(None),
        };
        self.stack.pop();
        let recv = self.stack.last().copied().unwrap_or(Value::None);
        if let Some(f) = self.frames.last_mut() {
            f.ip = ip - 1;
        }
        Ok(Some((recv, t)))
    }

    /// Throw into a delegate that is not a generator: its `throw` method (CPython's
    /// `_gen_throw` fallback). The outer `Err` is a failure of the machinery itself; the inner
    /// result is the delegate's step, or the error to raise in the delegating frame.
    fn delegate_throw(
        &mut self,
        recv: Value,
        e: RunError,
    ) -> PyResult<Result<super::coro::SendStep, RunError>> {
        if let Some(Object::AwaitOp(_)) = self.heap.get_obj(recv) {
            let id = recv
                .obj()
                .ok_or(RunError::Internal("await op without id"))?;
            let r = self.await_op_throw(id, e);
            return Ok(self.step_of(r));
        }
        let meth = match self.getattr_opt(recv, "throw") {
            Ok(Some(m)) => m,
            Ok(None) => return Ok(Err(e)),
            Err(err) => return Ok(Err(err)),
        };
        let exc_value = match e {
            RunError::Exc(x) => Value::Obj(self.materialize(*x)?),
            other => return Err(other),
        };
        let r = self.call(meth, &[exc_value]);
        Ok(self.step_of(r))
    }

    /// A delegate's result as a step: a value is yielded, StopIteration finishes it.
    fn step_of(&mut self, r: PyResult<Value>) -> Result<super::coro::SendStep, RunError> {
        match r {
            Ok(y) => Ok(super::coro::SendStep::Yielded(y)),
            Err(e) if self.is_stop_iteration(&e) => self
                .stop_iteration_value(e)
                .map(super::coro::SendStep::Returned),
            Err(e) => Err(e),
        }
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, gid: ObjId) -> PyResult<()> {
        if self.gen_state(gid) != GenState::Suspended {
            self.finish_generator(gid, Value::None);
            return Ok(());
        }
        let e = RunError::bare(crate::types::BuiltinType::GeneratorExit);
        match self.gen_throw(gid, e) {
            Ok(Some(_)) => Err(exc::runtime_error("generator ignored GeneratorExit")),
            Ok(None) => Ok(()),
            Err(e)
                if self.is_stop_iteration(&e)
                    || self.is_exception_of(&e, crate::types::BuiltinType::GeneratorExit) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Whether an error is an exception of builtin type `t` (or a subclass).
    pub fn is_exception_of(&self, e: &RunError, t: crate::types::BuiltinType) -> bool {
        match e {
            RunError::Exc(x) => match &**x {
                crate::exc::Exc::New { ty, .. } => ty.is_subtype(t),
                crate::exc::Exc::Obj(id) => {
                    let cls = self.exception_class(Value::Obj(*id));
                    self.is_subclass(cls, Value::Type(t))
                }
            },
            _ => false,
        }
    }
}
