//! Resuming and suspending generator frames.
//!
//! `resume_generator` moves a suspended frame from its generator onto the VM's frame stack;
//! `YieldValue` moves it back. `for` loops and `yield from` resume inside the dispatch loop
//! (no Rust recursion); native callers use `gen_next`, `gen_send` and `gen_throw`, which run a
//! nested loop until the generator yields or finishes.

use crate::exc::{self, PyResult, RunError};
use crate::types::generator::{GenState, SavedFrame};
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
            GenState::Running => return Err(exc::value_error("generator already executing")),
            GenState::Done => return Err(RunError::Internal("resume of a finished generator")),
            GenState::Created if !matches!(send, Value::None) => {
                return Err(exc::type_error(
                    "can't send non-None value to a just-started generator",
                ));
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

    /// Save the top frame (a generator at a `yield`) back into its generator.
    pub(crate) fn suspend_generator(&mut self, ip: usize) -> Option<ExitAction> {
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
            g.state = GenState::Done;
            g.frame = None;
            g.return_value = value;
        }
    }

    /// `next(gen)` from native code: `Some(value)`, or None when it finished.
    pub fn gen_next(&mut self, gid: ObjId) -> PyResult<Option<Value>> {
        self.gen_send(gid, Value::None)
    }

    /// `gen.send(value)` from native code.
    pub fn gen_send(&mut self, gid: ObjId, value: Value) -> PyResult<Option<Value>> {
        if self.gen_state(gid) == GenState::Done {
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

    /// `gen.throw(exc)`: raise `e` at the paused `yield`.
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
        self.resume_generator(gid, Value::None, ExitAction::Native)?;
        self.native_depth += 1;
        let handled = self.handle_error(e, depth, false);
        self.native_depth -= 1;
        handled?;
        let v = self.run_nested(depth)?;
        Ok(if self.gen_state(gid) == GenState::Done {
            None
        } else {
            Some(v)
        })
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
