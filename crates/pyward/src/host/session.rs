//! `Session`: a REPL. Snippets run one after another in the same interpreter, so globals,
//! functions, classes and imports persist; each snippet gets its own duration, fuel,
//! allocation and output budget, while memory is one budget for the whole session.
//!
//! A session is a small state machine: idle, or paused inside a snippet at host calls
//! (`start` / `resume`, like `Program::start`), or broken after an interpreter bug. Its whole
//! state lives in the `Vm` (snippet sources included, for tracebacks), so it can be dumped
//! and restored as one piece.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use crate::vm::{HostMode, Vm};

use super::Data;
use super::run::{self, Fail};
use super::{
    Error, HostAnswer, HostCall, HostError, Outcome, RunOptions, panic_message, syntax_error,
};

/// Where a session snippet stands.
#[derive(Debug)]
pub enum SessionStep {
    /// The snippet finished (successfully or not); the session is idle again.
    Done(Outcome),
    /// The snippet waits for answers to these host calls (`Session::resume`).
    Paused(Vec<HostCall>),
}

/// A REPL-style session.
///
/// ```
/// use pyward::{Data, RunOptions, Session, no_host};
///
/// let mut session = Session::new(RunOptions::new()).unwrap();
/// session.run("def double(x):\n    return 2 * x", &mut no_host);
/// let outcome = session.run("double(21)", &mut no_host);
/// assert_eq!(outcome.result, Some(Data::Int(42)));
/// ```
pub struct Session {
    /// The interpreter. Everything that outlives a call is in it (`Vm::host`: the snippet
    /// count, the paused snippet's code and calls), so dumping it captures the session.
    vm: Box<Vm>,
    /// Set after an interpreter bug: the state may be inconsistent, so no more snippets run.
    broken: Option<String>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("snippets", &self.vm.host.snippets)
            .field("paused", &self.is_paused())
            .field("broken", &self.broken)
            .finish_non_exhaustive()
    }
}

impl Session {
    /// A new session: inputs become globals and host functions are declared once, for every
    /// snippet. Fails when the options are invalid (`Error::Api`) or setting them up breaches
    /// a limit.
    pub fn new(options: RunOptions) -> Result<Session, Error> {
        let (mut vm, setup) = run::new_vm(options, HostMode::Pause);
        if let Err(f) = setup {
            let outcome = run::finish_vm(&mut vm, Err(f));
            return Err(outcome
                .error
                .unwrap_or_else(|| Error::Internal("session setup failed".into())));
        }
        Ok(Session { vm, broken: None })
    }

    /// Run a snippet to completion, answering host calls through `handler`.
    pub fn run(
        &mut self,
        code: &str,
        handler: &mut dyn FnMut(&HostCall) -> Result<Data, HostError>,
    ) -> Outcome {
        crate::vm::host_call::with_handler(handler, || match self.feed(code, HostMode::Callback) {
            SessionStep::Done(outcome) => outcome,
            SessionStep::Paused(_) => self.end(Err(Fail::Api(Error::Internal(
                "a callback-mode snippet paused".into(),
            )))),
        })
    }

    /// Start a snippet in pause mode.
    pub fn start(&mut self, code: &str) -> SessionStep {
        self.feed(code, HostMode::Pause)
    }

    /// Answer the paused snippet's host calls and run on (see `Paused::resume`).
    pub fn resume(&mut self, answers: Vec<HostAnswer>) -> SessionStep {
        if !self.is_paused() {
            return SessionStep::Done(Outcome::from_error(Error::Api(
                "the session is not paused".into(),
            )));
        }
        let r = run::guarded(&mut self.vm, |vm| run::resume_vm(vm, answers));
        self.step(r)
    }

    /// The whole session (globals, functions, classes, imported modules, and a paused
    /// snippet if any) as bytes; see `Paused::dump`.
    pub fn dump(&self) -> Result<Vec<u8>, Error> {
        if let Some(why) = &self.broken {
            return Err(Error::Api(format!(
                "the session is unusable after an internal error: {why}"
            )));
        }
        crate::snapshot::dump(&self.vm).map_err(Error::Snapshot)
    }

    /// Restore a session from `dump`'s bytes under `limits` (see `Paused::load`).
    pub fn load(bytes: &[u8], limits: crate::Limits) -> Result<Session, Error> {
        // The snippet counter and a paused snippet live in `Vm::host`, so the VM is all.
        let vm = crate::snapshot::load(bytes, limits).map_err(Error::Snapshot)?;
        Ok(Session {
            vm: Box::new(vm),
            broken: None,
        })
    }

    /// Whether a snippet waits for host calls.
    pub fn is_paused(&self) -> bool {
        self.vm.host.snippet.is_some()
    }

    /// The host calls the paused snippet waits for (empty when idle).
    pub fn pending_calls(&self) -> &[HostCall] {
        &self.vm.host.pending
    }

    fn feed(&mut self, code: &str, mode: HostMode) -> SessionStep {
        if let Some(why) = &self.broken {
            return SessionStep::Done(Outcome::from_error(Error::Api(format!(
                "the session is unusable after an internal error: {why}"
            ))));
        }
        if self.is_paused() {
            return SessionStep::Done(Outcome::from_error(Error::Api(
                "the session is paused at host calls: resume it first".into(),
            )));
        }
        let n = self.vm.host.snippets.saturating_add(1);
        self.vm.host.snippets = n;
        let filename: Arc<str> = Arc::from(format!("<snippet {n}>"));
        let compiled = catch_unwind(AssertUnwindSafe(|| {
            crate::syntax::compile_source(code, &filename, true)
        }));
        let code_obj = match compiled {
            Ok(Ok(c)) => c,
            Ok(Err(e)) => {
                return SessionStep::Done(Outcome::from_error(syntax_error(e, &filename, code)));
            }
            Err(p) => {
                return SessionStep::Done(Outcome::from_error(Error::Internal(panic_message(
                    p.as_ref(),
                ))));
            }
        };
        let source: Arc<str> = Arc::from(code);
        let vm = &mut self.vm;
        vm.host.mode = mode;
        vm.start_budget();
        vm.out.written = 0;
        vm.heap.account.allocations = 0;
        // Between snippets nothing runs, so everything live is rooted: collect what earlier
        // snippets dropped before it counts against this one's (cumulative) memory budget.
        if vm.heap.account.live_bytes > vm.heap.account.max_bytes / 4 {
            vm.collect_garbage();
        }
        vm.heap.account.peak_bytes = vm.heap.account.live_bytes;
        vm.host.snippet = Some(code_obj.clone());
        let r = run::guarded(vm, |vm| run::start_vm(vm, &code_obj, &filename, &source));
        self.step(r)
    }

    fn step(&mut self, r: Result<bool, Fail>) -> SessionStep {
        match r {
            Ok(true) => SessionStep::Paused(self.vm.host.pending.clone()),
            Ok(false) => SessionStep::Done(self.end(Ok(()))),
            Err(e) => SessionStep::Done(self.end(Err(e))),
        }
    }

    fn end(&mut self, r: Result<(), Fail>) -> Outcome {
        let outcome = run::finish_vm(&mut self.vm, r);
        if let Some(code) = self.vm.host.snippet.take() {
            self.vm.forget_nested_code(&code);
        }
        if let Some(Error::Internal(m)) = &outcome.error {
            self.broken = Some(m.clone());
        }
        outcome
    }
}
