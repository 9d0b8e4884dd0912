//! Exception unwinding: finding the handler by instruction pointer, popping frames, building
//! tracebacks, and `raise`/`except` matching.

use crate::exc::{self, Exc, ExcArgs, ExcObj, PyResult, RunError, TbEntry};
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::{ObjId, Value};

use super::Vm;

impl Vm {
    /// Route an error raised in the top frame: jump to a handler in a frame above `stop`, or
    /// pop those frames and return the error to the caller of `run_until`.
    pub(crate) fn handle_error(&mut self, e: RunError, stop: usize, reraise: bool) -> PyResult<()> {
        let mut exc_id = match e {
            RunError::Exc(x) => self.materialize(*x)?,
            other => {
                self.unwind_to(stop);
                return Err(other);
            }
        };
        if !reraise {
            self.set_context(exc_id);
            self.add_traceback(exc_id);
            self.note_name_error_scope(exc_id);
        }
        loop {
            let Some(f) = self.frames.last() else {
                return Err(RunError::Exc(Box::new(Exc::Obj(exc_id))));
            };
            let (rt, ip, stack_base) = (f.rt, f.ip, f.stack_base);
            let handler = self
                .code_of(rt)
                .and_then(|c| c.handler_at(ip.saturating_sub(1)));
            if let Some(h) = handler {
                // A handler may lie before the raising instruction (a loop made of
                // exceptions, which crafted bytecode in a snapshot can build): charge it like a
                // backward jump so fuel and the clock bound it.
                if let Err(limit) = self.tick() {
                    self.unwind_to(stop);
                    return Err(limit);
                }
                let keep = stack_base + h.depth as usize;
                self.stack.truncate(keep);
                self.stack.push(Value::Obj(exc_id));
                if let Some(f) = self.frames.last_mut() {
                    f.ip = h.target as usize;
                }
                return Ok(());
            }
            let Some(f) = self.frames.pop() else { break };
            self.stack.truncate(f.ret_to);
            if let Some(gid) = f.generator {
                let kind = self
                    .gen_kind(Value::Obj(gid))
                    .unwrap_or(crate::types::generator::GenKind::Generator);
                self.finish_generator(gid, Value::None);
                // PEP 479: StopIteration escaping a generator becomes RuntimeError (and
                // StopAsyncIteration escaping an async generator).
                let cls = self.exception_class(Value::Obj(exc_id));
                let stop = self.is_subclass(cls, Value::Type(BuiltinType::StopIteration));
                let async_stop = kind == crate::types::generator::GenKind::AsyncGenerator
                    && self.is_subclass(cls, Value::Type(BuiltinType::StopAsyncIteration));
                if stop || async_stop {
                    let msg = self.new_str(exc::messages::coro::raised_stop(kind, async_stop))?;
                    let mut e = ExcObj::new(Value::Type(BuiltinType::RuntimeError), vec![msg]);
                    e.cause = Value::Obj(exc_id);
                    e.suppress_context = true;
                    e.context = Value::Obj(exc_id);
                    let new_id = self.heap.alloc(Object::Exception(Box::new(e)))?;
                    if let Some(Object::Exception(old)) = self.heap.get_obj(Value::Obj(exc_id)) {
                        let tb = old.traceback.clone();
                        if let Object::Exception(n) = self.heap.get_mut(new_id) {
                            n.traceback = tb;
                        }
                    }
                    exc_id = new_id;
                }
            }
            if self.frames.len() <= stop {
                break;
            }
            self.add_traceback(exc_id);
        }
        Err(RunError::Exc(Box::new(Exc::Obj(exc_id))))
    }

    fn unwind_to(&mut self, stop: usize) {
        while self.frames.len() > stop {
            if let Some(f) = self.frames.pop() {
                self.stack.truncate(f.ret_to);
            }
        }
    }

    /// Turn a pending exception into a heap exception object.
    pub(crate) fn materialize(&mut self, x: Exc) -> PyResult<ObjId> {
        match x {
            Exc::Obj(id) => Ok(id),
            Exc::New { ty, args } => {
                let (args, name, obj) = match args {
                    ExcArgs::None => (Vec::new(), Value::None, Value::None),
                    ExcArgs::Msg(m) => (vec![self.new_str(m)?], Value::None, Value::None),
                    ExcArgs::Value(v) => (vec![v], Value::None, Value::None),
                    ExcArgs::Named { msg, name, obj } => {
                        let msg = self.new_str(msg)?;
                        (vec![msg], self.new_str(name)?, obj)
                    }
                    ExcArgs::Codec(c) => {
                        let object = match c.object {
                            Ok(b) => self.alloc(Object::Bytes(b))?,
                            Err(t) => self.new_str(t)?,
                        };
                        let args = vec![
                            self.new_str(c.encoding)?,
                            object,
                            Value::Int(i64::try_from(c.start).unwrap_or(i64::MAX)),
                            Value::Int(i64::try_from(c.end).unwrap_or(i64::MAX)),
                            self.new_str(c.reason)?,
                        ];
                        (args, Value::None, Value::None)
                    }
                };
                let mut e = ExcObj::new(Value::Type(ty), args);
                e.name = name;
                e.obj = obj;
                self.heap.alloc(Object::Exception(Box::new(e)))
            }
        }
    }

    fn set_context(&mut self, exc_id: ObjId) {
        let handled = self.handled;
        if let Value::Obj(h) = handled {
            if h == exc_id {
                return;
            }
            if let Object::Exception(e) = self.heap.get_mut(exc_id) {
                if matches!(e.context, Value::None) {
                    e.context = handled;
                }
            }
        }
    }

    /// A NameError carrying its `name` remembers the frame it was raised in: the code and
    /// globals whose names the traceback's suggestion searches, as CPython reads them from
    /// the innermost traceback frame.
    fn note_name_error_scope(&mut self, exc_id: ObjId) {
        let Some(f) = self.frames.last() else { return };
        let scope = (f.rt, f.globals);
        if let Object::Exception(e) = self.heap.get_mut(exc_id) {
            let named = !matches!(e.name, Value::None);
            if e.scope.is_none() && named && e.cls.is(Value::Type(BuiltinType::NameError)) {
                e.scope = Some(scope);
            }
        }
    }

    fn add_traceback(&mut self, exc_id: ObjId) {
        let Some(f) = self.frames.last() else { return };
        let ip = f.ip;
        let Some(code) = self.code_of(f.rt) else {
            return;
        };
        let entry = TbEntry {
            filename: code.filename.clone(),
            name: code.name.clone(),
            line: code.line_at(ip.saturating_sub(1)),
            span: code.span_at(ip.saturating_sub(1)),
        };
        if let Object::Exception(e) = self.heap.get_mut(exc_id) {
            // Bound the traceback so a deep recursion error stays small.
            if e.traceback.len() < 2000 {
                e.traceback.push(entry);
            }
        }
    }

    /// `raise` (kind 0 re-raise, 1 `raise x`, 2 `raise x from y`).
    pub(crate) fn raise_op(&mut self, kind: u32) -> RunError {
        match kind {
            0 => match self.handled {
                Value::Obj(id) => RunError::Exc(Box::new(Exc::Obj(id))),
                _ => exc::runtime_error("No active exception to reraise"),
            },
            _ => {
                let cause = if kind == 2 { Some(self.pop()) } else { None };
                let v = self.pop();
                let id = match self.make_exception(v) {
                    Ok(id) => id,
                    Err(e) => return e,
                };
                if let Some(c) = cause {
                    let cause_val = match c {
                        Value::None => Value::None,
                        other => match self.make_exception(other) {
                            Ok(cid) => Value::Obj(cid),
                            Err(_) => {
                                return exc::type_error(
                                    "exception causes must derive from BaseException",
                                );
                            }
                        },
                    };
                    if let Object::Exception(e) = self.heap.get_mut(id) {
                        e.cause = cause_val;
                        e.suppress_context = true;
                    }
                }
                RunError::Exc(Box::new(Exc::Obj(id)))
            }
        }
    }

    /// An exception instance from `raise v`: instances as-is, classes instantiated.
    fn make_exception(&mut self, v: Value) -> Result<ObjId, RunError> {
        if let Value::Obj(id) = v {
            if matches!(self.heap.get(id), Object::Exception(_)) {
                return Ok(id);
            }
        }
        if self.is_exception_class(v) {
            let inst = self.call(v, &[])?;
            if let Value::Obj(id) = inst {
                if matches!(self.heap.get(id), Object::Exception(_)) {
                    return Ok(id);
                }
            }
        }
        Err(exc::type_error("exceptions must derive from BaseException"))
    }

    /// Whether `v` is an exception class.
    pub(crate) fn is_exception_class(&self, v: Value) -> bool {
        match v {
            Value::Type(t) => t.is_exception(),
            _ => self.is_user_class(v) && self.base_type_of(v).is_exception(),
        }
    }

    /// The class of an exception object.
    pub(crate) fn exception_class(&self, e: Value) -> Value {
        match self.heap.get_obj(e) {
            Some(Object::Exception(x)) => x.cls,
            _ => Value::None,
        }
    }

    /// `except cls:` matching, with tuples of classes.
    pub(crate) fn exception_matches(&mut self, e: Value, cls: Value) -> PyResult<bool> {
        if let Some(Object::Tuple(items)) = self.heap.get_obj(cls) {
            let items = items.clone();
            for c in items {
                if self.exception_matches(e, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if !self.is_exception_class(cls) {
            return Err(exc::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        let ecls = self.exception_class(e);
        Ok(self.is_subclass(ecls, cls))
    }

    /// `issubclass` over builtin and user classes.
    pub(crate) fn is_subclass(&self, cls: Value, base: Value) -> bool {
        match (cls, base) {
            (Value::Type(a), Value::Type(b)) => a.is_subtype(b),
            (Value::Type(_), _) => false,
            _ => self.mro_of(cls).iter().any(|c| c.is(base)),
        }
    }

    /// `TypeName: message` (or just `TypeName` when the message is empty).
    pub fn exception_summary(&mut self, e: Value) -> String {
        let msg = self.str(e).unwrap_or_default();
        self.summary_line(e, &msg)
    }

    /// `TypeName: msg` for exception `e` (or just `TypeName` when `msg` is empty).
    pub(crate) fn summary_line(&mut self, e: Value, msg: &str) -> String {
        let cls = self.exception_class(e);
        let name = match self.class_module(cls) {
            Some(m) if m != "__main__" && m != "builtins" => {
                format!("{m}.{}", self.class_qualname(cls))
            }
            _ => self.class_qualname(cls),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// A builtin exception type from a limit breach, for reporting.
    pub fn limit_exception_type(kind: crate::heap::LimitKind) -> BuiltinType {
        match kind {
            crate::heap::LimitKind::Duration | crate::heap::LimitKind::Fuel => {
                BuiltinType::TimeoutError
            }
            crate::heap::LimitKind::Memory
            | crate::heap::LimitKind::Allocations
            | crate::heap::LimitKind::Output => BuiltinType::MemoryError,
        }
    }
}
