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
        self.run_gen_step(gid, depth)
    }

    /// Run the loop down to `depth` after resuming generator `gid`: `Some(value)` it
    /// yielded, or None when it finished.
    fn run_gen_step(&mut self, gid: ObjId, depth: usize) -> PyResult<Option<Value>> {
        let v = self.run_nested(depth)?;
        Ok(if self.gen_state(gid) == GenState::Done {
            None
        } else {
            Some(v)
        })
    }

    /// `gen.throw(exc)`: raise `e` at the paused `yield` (of the innermost delegate).
    pub fn gen_throw(&mut self, gid: ObjId, e: RunError) -> PyResult<Option<Value>> {
        self.gen_throw_ex(gid, e, true)
    }

    /// `gen_throw` with CPython's `close_on_genexit`: true for `throw`/`close`, where a
    /// GeneratorExit closes the delegates instead of being thrown into them; false for an
    /// async generator's `athrow`/`aclose`, which let the awaits below work it through.
    pub(crate) fn gen_throw_ex(
        &mut self,
        gid: ObjId,
        e: RunError,
        close_on_genexit: bool,
    ) -> PyResult<Option<Value>> {
        self.gen_throw_raw(gid, e, close_on_genexit, &[])
    }

    /// `gen_throw_ex` with the arguments `throw` was called with, which a delegate that is
    /// not a generator receives as they are (CPython passes `typ[, val[, tb]]` on
    /// unnormalised: a class stays a class, a non-exception is not refused).
    pub(crate) fn gen_throw_raw(
        &mut self,
        gid: ObjId,
        e: RunError,
        close_on_genexit: bool,
        raw: &[Value],
    ) -> PyResult<Option<Value>> {
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
        let handled = self.throw_into(gid, ExitAction::Native, e, depth, close_on_genexit, raw);
        self.native_depth -= 1;
        handled?;
        self.run_gen_step(gid, depth)
    }

    /// Resume suspended generator `gid` to receive a thrown exception. As CPython's
    /// `_gen_throw`, the exception goes to the innermost delegate of a `yield from`/`await`
    /// chain: every generator of the chain is pushed (each one paused at its delegation
    /// loop's `YieldValue`, its receiver on top), then the exception is raised in the top
    /// frame and unwinds through the others, so their handlers and `finally` blocks run.
    /// A delegate that is not a generator gets its `throw` method called. Errors unwind to
    /// `stop` (the frame count before the call).
    /// With `close_on_genexit`, a GeneratorExit first closes the delegates (CPython's
    /// `gen_close_iter`) and is then raised in `gid` itself, so a delegate that swallows it
    /// cannot keep the delegating generator running.
    pub(crate) fn throw_into(
        &mut self,
        gid: ObjId,
        exit: ExitAction,
        mut e: RunError,
        stop: usize,
        close_on_genexit: bool,
        raw: &[Value],
    ) -> PyResult<()> {
        if close_on_genexit && self.is_exception_of(&e, crate::types::BuiltinType::GeneratorExit) {
            if let Some(closed) = self.close_delegates(gid)? {
                self.push_for_throw(gid, exit)?;
                return self.handle_error(closed.unwrap_or(e), stop, false);
            }
        }
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
            match self.delegate_throw(recv, e, raw)? {
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
        raw: &[Value],
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
        if !raw.is_empty() {
            let r = self.call(meth, raw);
            return Ok(self.step_of(r));
        }
        let exc_value = match e {
            RunError::Exc(x) => Value::Obj(self.materialize(*x)?),
            other => return Err(other),
        };
        let r = self.call(meth, &[exc_value]);
        Ok(self.step_of(r))
    }

    /// Whether a `throw` into generator `gid` ends at a delegate that is not a generator
    /// and has a `throw` method (the chain `throw_into` walks), which then gets the raw
    /// arguments of the call.
    pub(crate) fn throws_to_foreign_delegate(&mut self, gid: ObjId) -> bool {
        let mut cur = gid;
        for _ in 0..=self.limits.max_recursion {
            let Some(yf) = self.gen_delegate(cur) else {
                return false;
            };
            match yf.obj().map(|id| (id, self.heap.get(id))) {
                Some((id, Object::Generator(g)))
                    if g.state == GenState::Suspended && g.kind != GenKind::AsyncGenerator =>
                {
                    cur = id;
                }
                Some((_, Object::Generator(_) | Object::AwaitOp(_))) => return false,
                _ => return matches!(self.getattr_opt(yf, "throw"), Ok(Some(_))),
            }
        }
        false
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
        let r = self.gen_throw(gid, e);
        match self.close_outcome(r)? {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }

    /// What closing a generator came to, as CPython's `gen_close` judges it: finished
    /// (or left by StopIteration/GeneratorExit) is `None`; yielding again is the
    /// "ignored GeneratorExit" error; another exception is returned to be raised further
    /// out. Limits and internal errors stay `Err`.
    fn close_outcome(&mut self, r: PyResult<Option<Value>>) -> PyResult<Option<RunError>> {
        match r {
            Ok(Some(_)) => Ok(Some(exc::runtime_error("generator ignored GeneratorExit"))),
            Ok(None) => Ok(None),
            Err(e)
                if self.is_stop_iteration(&e)
                    || self.is_exception_of(&e, crate::types::BuiltinType::GeneratorExit) =>
            {
                Ok(None)
            }
            Err(e @ RunError::Exc(_)) => Ok(Some(e)),
            Err(e) => Err(e),
        }
    }

    /// The object generator `gid` is paused on inside a `yield from`/`await` loop: its
    /// saved frame stops just after `Send(t); YieldValue`, the receiver on top.
    fn gen_delegate(&self, gid: ObjId) -> Option<Value> {
        let Object::Generator(g) = self.heap.get(gid) else {
            return None;
        };
        if g.state != GenState::Suspended {
            return None;
        }
        let f = g.frame.as_ref()?;
        let base = f.ops_base as usize;
        let at = |back: usize| {
            f.ip.checked_sub(back)
                .and_then(|i| self.code_ops.get(base + i))
                .copied()
        };
        match (at(2), at(1)) {
            (Some(Op::Send(_)), Some(Op::YieldValue)) => f.stack.last().copied(),
            _ => None,
        }
    }

    /// Close everything `gid` delegates to, innermost first, as CPython's recursive
    /// `gen_close_iter` does, but with a loop: each delegating generator of the chain gets
    /// GeneratorExit (or the error closing its own delegate raised) at its delegation point.
    /// `None`: `gid` delegates to nothing. `Some(err)`: the chain is closed; `err` is what
    /// closing it raised, to be raised in `gid` instead of GeneratorExit.
    fn close_delegates(&mut self, gid: ObjId) -> PyResult<Option<Option<RunError>>> {
        let Some(mut yf) = self.gen_delegate(gid) else {
            return Ok(None);
        };
        let mut chain: Vec<ObjId> = Vec::new();
        while let Some(id) = yf.obj() {
            let is_gen = matches!(self.heap.get(id),
                Object::Generator(g) if g.kind != GenKind::AsyncGenerator);
            // A chain is as deep as the frames that were running when it suspended; the
            // bound only guards against a crafted cycle.
            if !is_gen || chain.len() > self.limits.max_recursion {
                break;
            }
            match self.gen_delegate(id) {
                Some(next) => {
                    chain.push(id);
                    yf = next;
                }
                None => break,
            }
        }
        let mut err = self.close_iter(yf)?;
        while let Some(g) = chain.pop() {
            let e = err
                .take()
                .unwrap_or_else(|| RunError::bare(crate::types::BuiltinType::GeneratorExit));
            let r = self.throw_here(g, e);
            err = self.close_outcome(r)?;
        }
        Ok(Some(err))
    }

    /// Close a delegate that delegates to nothing (CPython's `gen_close_iter`): a generator
    /// is closed, anything else has its `close` method called if it has one.
    fn close_iter(&mut self, yf: Value) -> PyResult<Option<RunError>> {
        let r = match yf.obj().map(|id| (id, self.heap.get(id))) {
            Some((id, Object::Generator(_))) => self.gen_close(id),
            Some((id, Object::AwaitOp(_))) => self.await_op_close(id),
            _ => match self.getattr_opt(yf, "close") {
                Ok(Some(m)) => self.call(m, &[]).map(|_| ()),
                // A failed lookup is unraisable in CPython: closing goes on.
                Ok(None) | Err(RunError::Exc(_)) => Ok(()),
                Err(e) => Err(e),
            },
        };
        match r {
            Ok(()) => Ok(None),
            Err(e @ RunError::Exc(_)) => Ok(Some(e)),
            Err(e) => Err(e),
        }
    }

    /// Raise `e` in generator `gid`'s own frame, at its delegation point if it has one,
    /// passing its delegate by; run it until it yields or finishes.
    fn throw_here(&mut self, gid: ObjId, e: RunError) -> PyResult<Option<Value>> {
        let depth = self.frames.len();
        self.native_depth += 1;
        let r = self
            .push_for_throw(gid, ExitAction::Native)
            .and_then(|_| self.handle_error(e, depth, false));
        self.native_depth -= 1;
        r?;
        self.run_gen_step(gid, depth)
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
