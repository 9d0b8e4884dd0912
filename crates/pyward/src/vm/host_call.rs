//! Host calls inside the VM: the `HostCall` instruction, pausing the dispatch loop with every
//! frame intact, and delivering the embedder's answer when the run resumes.
//!
//! A host function is a Python function (a *stub*, built by `host::function` from the
//! declared signature) whose body is the single instruction `HostCall`. Calling it binds the
//! arguments like any Python call (CPython's TypeErrors for free), pushes the stub's frame,
//! and runs `HostCall`, which reads the bound parameters from the frame's locals, converts
//! them to `Data` and then either
//! - calls the embedder's handler right there (callback mode, `Program::run`): the handler
//!   is reachable from anywhere, even under native code such as `sorted(key=tool)`, through
//!   a scoped thread-local set for the duration of the run; or
//! - records the call in `HostState::pending` and makes the outermost `run_until` return
//!   (pause mode, `Program::start`). Every frame, the value stack and the heap stay as they
//!   are: the paused run is plain data in the `Vm`. Resuming pops the stub frame and pushes
//!   the answer on the caller's stack (or raises the error at the call site), then re-enters
//!   the loop, which continues after the call instruction.
//!
//! Pausing is possible only when the stub runs in the outermost dispatch loop
//! (`native_depth == 0`): a nested loop belongs to native Rust code on the host's stack
//! (`sorted`, `map`, a class body, `__init__` from a class call), which cannot be saved. Such
//! a call raises RuntimeError naming the function (Lua's "attempt to yield across a C-call
//! boundary"). In both modes the stub frame is popped before the answer lands, so a host
//! error's traceback points at the caller's line.

use std::sync::Arc;

use scoped_tls_hkt::{ReborrowMut, scoped_thread_local};

use crate::bytecode::{Code, HostCallKind};
use crate::exc::{self, Exc, PyResult, RunError};
use crate::host::data::{self, InError};
use crate::host::policy::OsPolicy;
use crate::host::{Data, HostCall, HostError, HostFunction};
use crate::types::BuiltinType;
use crate::value::Value;

use super::Vm;

/// The host-call name of the forwarded wall clock: the host answers an int of nanoseconds
/// since the Unix epoch.
pub const WALL_CLOCK_CALL: &str = "time.time_ns";
/// The host-call name of the forwarded monotonic clock: an int of nanoseconds.
pub const MONOTONIC_CLOCK_CALL: &str = "time.monotonic_ns";

/// How host calls are answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum HostMode {
    /// The run pauses and the embedder resumes it (`Program::start`).
    #[default]
    Pause,
    /// The handler installed for the run answers at once (`Program::run`).
    Callback,
}

/// The embedder's answer to an async host call, kept until the event loop collects it.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct AsyncAnswer {
    /// The call's id.
    pub id: u64,
    /// The host function's name (for error messages).
    pub name: String,
    /// The value, or the exception to raise at the `await`.
    pub answer: Result<Data, HostError>,
}

/// Everything about the embedder interface a run keeps, as plain data inside the `Vm` (so a
/// snapshot of the `Vm` captures a paused run whole).
#[derive(serde::Serialize, serde::Deserialize)]
pub struct HostState {
    /// Declared host functions.
    pub functions: Vec<HostFunction>,
    /// How calls are answered.
    pub mode: HostMode,
    /// The OS policy (clock, random, sleep).
    pub policy: OsPolicy,
    /// Calls handed to the embedder and not answered yet.
    pub pending: Vec<HostCall>,
    /// The synchronous call the top (stub) frame waits for.
    pub waiting: Option<u64>,
    /// The top frame is `_pyward_host.wait()`: the event loop waits for any pending async
    /// call (`waiting` is None then).
    pub waiting_any: bool,
    /// Answers to async calls not yet handed to the event loop (given while the run waited
    /// for something else).
    pub answered: Vec<AsyncAnswer>,
    /// The id the next call gets.
    pub next_id: u64,
    /// Set when the loop stopped for a host call; cleared on resume.
    pub suspended: bool,
    /// The namespace of builtin-like host functions (a dict), or None.
    pub builtins: Value,
    /// Exception classes made for `HostError` type names that are not builtin.
    pub error_classes: Vec<(String, Value)>,
    /// Source text by file name, for the source lines of tracebacks.
    pub sources: Vec<(Arc<str>, Arc<str>)>,
    /// Unseeded random generators seeded so far (the stream position of a seeded policy).
    pub seeds_drawn: u64,
    /// Virtual time slept in the current run or snippet, against `OsPolicy::max_sleep`.
    pub slept_nanos: u64,
    /// Session snippets fed so far (snippet N's file is `<snippet N>`).
    pub snippets: u64,
    /// The session snippet running or paused (None: idle).
    pub snippet: Option<Arc<Code>>,
}

impl Default for HostState {
    fn default() -> HostState {
        HostState {
            functions: Vec::new(),
            mode: HostMode::Pause,
            policy: OsPolicy::default(),
            pending: Vec::new(),
            waiting: None,
            waiting_any: false,
            answered: Vec::new(),
            next_id: 1,
            suspended: false,
            builtins: Value::None,
            error_classes: Vec::new(),
            sources: Vec::new(),
            seeds_drawn: 0,
            slept_nanos: 0,
            snippets: 0,
            snippet: None,
        }
    }
}

impl HostState {
    /// Values the host state keeps alive (GC roots).
    pub(crate) fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.builtins);
        out.extend(self.error_classes.iter().map(|(_, c)| *c));
    }

    /// The source text of a file, for traceback lines.
    pub fn source_line(&self, file: &str, line: u32) -> Option<String> {
        source_line_in(&self.sources, file, line)
    }
}

/// Line `line` (1-based) of the latest source named `file` among `sources`.
pub(crate) fn source_line_in(
    sources: &[(Arc<str>, Arc<str>)],
    file: &str,
    line: u32,
) -> Option<String> {
    let (_, src) = sources.iter().rev().find(|(f, _)| &**f == file)?;
    src.lines()
        .nth(line.checked_sub(1)? as usize)
        .map(str::to_string)
}

/// The embedder's handler, borrowed for the length of a callback-mode run.
pub struct HandlerRef<'a>(pub &'a mut (dyn FnMut(&HostCall) -> Result<Data, HostError> + 'a));

impl<'a, 'b> ReborrowMut<'a> for HandlerRef<'b> {
    type Result = HandlerRef<'a>;
    fn reborrow_mut(&'a mut self) -> HandlerRef<'a> {
        HandlerRef(&mut *self.0)
    }
}

scoped_thread_local!(
    /// The handler of the callback-mode run on this thread. A scoped thread-local rather than
    /// a `Vm` field because the handler borrows from the embedder's stack (`&mut dyn FnMut`)
    /// and must be reachable from native code deep inside the run; `set` restores the
    /// previous value on exit, so runs nest (a handler may run another program).
    static mut HANDLER: for<'a> HandlerRef<'a>
);

/// Run `f` with `handler` answering this thread's callback-mode host calls.
pub fn with_handler<R>(
    handler: &mut dyn FnMut(&HostCall) -> Result<Data, HostError>,
    f: impl FnOnce() -> R,
) -> R {
    HANDLER.set(HandlerRef(handler), f)
}

/// The RuntimeError for a host call that cannot pause the run.
fn native_boundary(name: &str) -> RunError {
    exc::runtime_error(format!(
        "host function '{name}' cannot pause the run from inside a native call \
         (sorted(key=...), map(), filter(), a class body, __init__, ...); \
         call it directly from Python code"
    ))
}

impl Vm {
    /// `HostCall(kind)`: the top frame is a stub. Returns `Some(value)` when the outermost
    /// loop must return it (`Value::Unbound` with `host.suspended` set: paused), or None when
    /// the loop continues with the caller's frame; an error escapes the frame at `stop`.
    pub(crate) fn host_call_op(
        &mut self,
        kind: HostCallKind,
        stop: usize,
    ) -> PyResult<Option<Value>> {
        let answer = match self.host_call(kind) {
            Ok(None) => return Ok(Some(Value::Unbound)),
            Ok(Some(v)) => Ok(v),
            Err(e) => Err(e),
        };
        self.pop_stub_frame();
        let done = self.frames.len() <= stop;
        match answer {
            Ok(v) if done => Ok(Some(v)),
            Ok(v) => {
                self.push(v);
                Ok(None)
            }
            Err(e) if done => Err(e),
            Err(e) => self.handle_error(e, stop, false).map(|()| None),
        }
    }

    /// Pop the stub frame (a host function's answer replaces its call on the caller's stack).
    fn pop_stub_frame(&mut self) {
        if let Some(f) = self.frames.pop() {
            self.stack.truncate(f.ret_to);
        }
    }

    /// Perform the host call of the top (stub) frame: `Some(answer)`, or None when the run
    /// pauses for it.
    fn host_call(&mut self, kind: HostCallKind) -> PyResult<Option<Value>> {
        let (base, code) = self.stub_frame()?;
        let name = match kind {
            HostCallKind::WallClock => WALL_CLOCK_CALL.to_string(),
            HostCallKind::MonotonicClock => MONOTONIC_CLOCK_CALL.to_string(),
            HostCallKind::Function | HostCallKind::AsyncFunction => self.declared(&code.name)?,
            HostCallKind::WaitAsync => return self.wait_async(),
        };
        let (args, kwargs) = self.host_args(&code, base)?;
        let call = HostCall {
            id: self.host.next_id,
            name,
            args,
            kwargs,
        };
        self.host.next_id = self.host.next_id.saturating_add(1);
        match self.host.mode {
            HostMode::Callback => {
                let answer = self.call_handler(&call)?;
                self.host_answer(&call.name, answer).map(Some)
            }
            HostMode::Pause => {
                if self.native_depth > 0 {
                    return Err(native_boundary(&call.name));
                }
                self.host.waiting = Some(call.id);
                self.host.pending.push(call);
                self.host.suspended = true;
                self.pause_budget();
                Ok(None)
            }
        }
    }

    /// The top (stub) frame's base and code: where its bound parameters are.
    fn stub_frame(&self) -> PyResult<(usize, Arc<Code>)> {
        let Some(f) = self.frames.last() else {
            return Err(RunError::Internal("host call without a frame"));
        };
        match self.code_of(f.rt) {
            Some(code) => Ok((f.base, code.clone())),
            None => Err(RunError::Internal("host call frame without code")),
        }
    }

    /// `name` if the embedder declared a host function of that name for this run.
    fn declared(&self, name: &str) -> PyResult<String> {
        if self.host.functions.iter().any(|h| h.name == name) {
            Ok(name.to_string())
        } else {
            Err(exc::runtime_error(format!(
                "host function '{name}' is not available in this run"
            )))
        }
    }

    /// `HostCall(AsyncFunction)`, the first step of an async host function's coroutine:
    /// record the call as pending (the embedder sees it at the next pause) and return the
    /// event loop's Future for its answer, which the stub awaits. Submitting never pauses,
    /// so every task of an `asyncio.gather` submits before the loop waits for any answer.
    pub(crate) fn host_submit(&mut self) -> PyResult<Value> {
        let (base, code) = self.stub_frame()?;
        let name = self.declared(&code.name)?;
        let (args, kwargs) = self.host_args(&code, base)?;
        let id = self.host.next_id;
        self.host.next_id = self.host.next_id.saturating_add(1);
        let events = self.new_str("asyncio.events")?;
        let events = self.import_module(events)?;
        let Some(make_future) = self.getattr_opt(events, "_host_call_future")? else {
            return Err(RunError::Internal("asyncio.events lacks _host_call_future"));
        };
        let future = self.call(
            make_future,
            &[Value::Int(i64::try_from(id).unwrap_or(i64::MAX))],
        )?;
        self.host.pending.push(HostCall {
            id,
            name,
            args,
            kwargs,
        });
        Ok(future)
    }

    /// `_pyward_host.wait()`: the answers already in, else every pending async call goes to
    /// the embedder (callback mode: one by one through the handler) or the run pauses until
    /// the embedder answers some of them. `Some(list)` or None (paused).
    fn wait_async(&mut self) -> PyResult<Option<Value>> {
        if self.host.answered.is_empty() {
            if self.host.pending.is_empty() {
                return Err(exc::runtime_error("no host calls are pending"));
            }
            match self.host.mode {
                HostMode::Callback => {
                    for call in std::mem::take(&mut self.host.pending) {
                        let answer = self.call_handler(&call)?;
                        self.host.answered.push(AsyncAnswer {
                            id: call.id,
                            name: call.name,
                            answer,
                        });
                    }
                }
                HostMode::Pause => {
                    if self.native_depth > 0 {
                        return Err(native_boundary("asyncio"));
                    }
                    self.host.waiting_any = true;
                    self.host.suspended = true;
                    self.pause_budget();
                    return Ok(None);
                }
            }
        }
        self.async_results().map(Some)
    }

    /// The collected async answers as `[(id, ok, value_or_exception), ...]` for the event
    /// loop; a limit breach while converting one ends the run.
    pub(crate) fn async_results(&mut self) -> PyResult<Value> {
        let answers = std::mem::take(&mut self.host.answered);
        let mark = self.temp_roots.len();
        let r = (|| {
            for a in answers {
                let id = Value::Int(i64::try_from(a.id).unwrap_or(i64::MAX));
                let (ok, v) = match self.host_answer(&a.name, a.answer) {
                    Ok(v) => (true, v),
                    Err(RunError::Exc(x)) => (false, Value::Obj(self.materialize(*x)?)),
                    Err(e) => return Err(e),
                };
                self.temp_roots.push(v);
                let t = self.new_tuple(vec![id, Value::Bool(ok), v])?;
                self.temp_roots.pop();
                self.temp_roots.push(t);
            }
            let items = self.temp_roots.split_off(mark);
            self.new_list(items)
        })();
        self.temp_roots.truncate(mark);
        r
    }

    /// The stub frame's bound parameters as host-call arguments: positional parameters and
    /// `*args` positionally, keyword-only parameters and `**kwargs` by name.
    fn host_args(
        &mut self,
        code: &Code,
        base: usize,
    ) -> PyResult<(Vec<Data>, Vec<(String, Data)>)> {
        let argc = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let local = |vm: &Vm, i: usize| vm.stack.get(base + i).copied().unwrap_or(Value::None);
        let mut args = Vec::with_capacity(argc);
        for i in 0..argc {
            let v = local(self, i);
            args.push(data::to_data(self, v)?);
        }
        let mut slot = argc + kwonly;
        if code.flags.varargs {
            let extra = self.list_items(local(self, slot));
            for v in extra {
                args.push(data::to_data(self, v)?);
            }
            slot += 1;
        }
        let mut kwargs = Vec::new();
        for i in argc..argc + kwonly {
            let name = code.varnames.get(i).cloned().unwrap_or_default();
            let v = local(self, i);
            kwargs.push((name, data::to_data(self, v)?));
        }
        if code.flags.varkeywords {
            let d = local(self, slot);
            for (k, v) in self.dict_items(d)? {
                let key = self.str_of(k).unwrap_or("").to_string();
                kwargs.push((key, data::to_data(self, v)?));
            }
        }
        Ok((args, kwargs))
    }

    /// Ask the handler of this thread's callback-mode run. Time spent in the handler does
    /// not count against the duration limit.
    fn call_handler(&mut self, call: &HostCall) -> PyResult<Result<Data, HostError>> {
        if !HANDLER.is_set() {
            return Err(RunError::Internal("callback-mode run without a handler"));
        }
        self.pause_budget();
        let answer = HANDLER.with(|h| (h.0)(call));
        self.resume_budget();
        Ok(answer)
    }

    /// The embedder's answer as a sandbox value, or the exception to raise at the call site.
    pub(crate) fn host_answer(
        &mut self,
        name: &str,
        answer: Result<Data, HostError>,
    ) -> PyResult<Value> {
        match answer {
            Ok(d) => match data::to_value(self, d) {
                Ok(v) => Ok(v),
                Err(InError::Limit(e)) => Err(e),
                Err(InError::Invalid(msg)) => Err(exc::type_error(format!(
                    "host function '{name}' returned an invalid value: {msg}"
                ))),
            },
            Err(e) => Err(self.host_exception(&e)?),
        }
    }

    /// The exception a `HostError` raises: the builtin exception of that name when there is
    /// one (an `Exception` subclass), else a RuntimeError subclass of that name, made once
    /// per VM (a name that is not an identifier becomes `HostError`).
    fn host_exception(&mut self, e: &HostError) -> PyResult<RunError> {
        if let Some(t) = BuiltinType::from_name(&e.type_name) {
            if t.is_exception() && t.is_subtype(BuiltinType::Exception) {
                return Ok(RunError::new(t, e.message.clone()));
            }
        }
        let name = if is_identifier(&e.type_name) && BuiltinType::from_name(&e.type_name).is_none()
        {
            e.type_name.as_str()
        } else {
            "HostError"
        };
        let cls = match self.host.error_classes.iter().find(|(n, _)| n == name) {
            Some((_, c)) => *c,
            None => {
                let ns = self.new_dict()?;
                let key = self.intern("__module__")?;
                let module = self.new_str("builtins")?;
                self.dict_set(ns, key, module)?;
                let base = Value::Type(BuiltinType::RuntimeError);
                let c = self.create_class(
                    name,
                    vec![base],
                    ns,
                    Value::Type(BuiltinType::Type),
                    Vec::new(),
                )?;
                self.host.error_classes.push((name.to_string(), c));
                c
            }
        };
        let msg = self.new_str(e.message.clone())?;
        let inst = self.call(cls, &[msg])?;
        match inst {
            Value::Obj(id) => Ok(RunError::Exc(Box::new(Exc::Obj(id)))),
            _ => Err(RunError::Internal("host exception class made a non-object")),
        }
    }

    /// Deliver the embedder's answer to the paused synchronous call: pop the stub frame, then
    /// push the value on the caller's stack or raise the error at the call site. An error no
    /// handler catches ends the run (returned here).
    pub(crate) fn deliver_host_answer(&mut self, answer: PyResult<Value>) -> PyResult<()> {
        self.host.waiting = None;
        self.pop_stub_frame();
        match answer {
            Ok(v) => {
                self.push(v);
                Ok(())
            }
            Err(e) => self.handle_error(e, 0, false),
        }
    }

    /// Start running module code in `globals` as a new outermost frame (a program, or one
    /// session snippet).
    pub(crate) fn start_module(&mut self, code: &Arc<Code>, globals: Value) -> PyResult<()> {
        let rt = self.load_code_uncached(code)?;
        self.push_frame(rt, globals, Value::None, Vec::new())
    }

    /// Run the outermost loop until the module finishes (its value) or pauses (`None`). On an
    /// error every frame is gone.
    pub(crate) fn run_slice(&mut self) -> PyResult<Option<Value>> {
        self.host.suspended = false;
        let r = self.run_until(0);
        if self.host.suspended {
            return Ok(None);
        }
        if r.is_err() {
            self.frames.clear();
            self.stack.clear();
        }
        r.map(Some)
    }
}

/// Whether `s` is a Python identifier (not checking keywords).
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    it.next().is_some_and(crate::types::unicode::is_id_start)
        && it.all(crate::types::unicode::is_id_continue)
}
