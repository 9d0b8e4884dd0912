//! The embedder interface: compile once, run many times with limits, inputs, host functions
//! and an OS policy; answer host calls from a handler (`Program::run`) or pause and resume
//! (`Program::start`, `Paused::resume`); keep state between snippets (`Session`). Errors and
//! values cross as plain data. docs/host-api.md, included below, describes the contract.
#![doc = include_str!("../../../../docs/host-api.md")]

pub mod data;
pub mod function;
pub mod limits;
pub mod options;
pub mod policy;
pub mod run;
pub mod session;

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::Duration;

use crate::bytecode::Code;
use crate::compile::CompileError;
use crate::heap::LimitKind;
use crate::vm::HostMode;

pub use data::{Data, MAX_DATA_DEPTH};
pub use function::{HostAnswer, HostCall, HostError, HostFunction};
pub use limits::Limits;
pub use options::{RunOptions, StdoutCallback};
pub use policy::{ClockPolicy, OsPolicy, RandomPolicy};
pub use run::{Paused, Step};
pub use session::{Session, SessionStep};

/// A compiled program: `Send + Sync`, reusable across runs and threads.
#[derive(Clone, Debug)]
pub struct Program {
    code: Arc<Code>,
    source: Arc<str>,
    filename: Arc<str>,
}

/// Why a run failed. Non-exhaustive: later versions may add kinds of failure.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The source does not compile.
    Syntax {
        /// Exception type (`SyntaxError`, `IndentationError`, ...).
        kind: String,
        /// Message.
        msg: String,
        /// Line, when known.
        line: Option<u32>,
        /// Column, when known: CPython's 1-based character `offset`.
        col: Option<u32>,
        /// What CPython prints for it: the file and line, the source line with carets
        /// under the error, and `kind: msg`.
        traceback: String,
    },
    /// An uncaught Python exception.
    Exception {
        /// The exception's type name.
        type_name: String,
        /// `str(exc)`.
        message: String,
        /// Full CPython-format traceback text.
        traceback: String,
        /// For a `SystemExit` whose code is None or an int: the status CPython would exit
        /// with, silently (None → 0). None otherwise: CPython prints `message` to stderr and
        /// exits with 1 for any other code, and prints the traceback for other exceptions.
        exit_code: Option<i32>,
    },
    /// A resource limit was breached.
    Limit(LimitKind),
    /// The embedder used the API wrongly (an invalid input or declaration, a bad resume).
    Api(String),
    /// An interpreter bug.
    Internal(String),
    /// A snapshot could not be written or loaded (`Paused::dump`/`load`, `Session::dump`/`load`).
    Snapshot(crate::snapshot::SnapshotError),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Syntax {
                kind, msg, line, ..
            } => match line {
                Some(l) => write!(f, "{kind}: {msg} (line {l})"),
                None => write!(f, "{kind}: {msg}"),
            },
            Error::Exception {
                type_name, message, ..
            } => {
                if message.is_empty() {
                    write!(f, "{type_name}")
                } else {
                    write!(f, "{type_name}: {message}")
                }
            }
            Error::Limit(k) => write!(f, "{k:?} limit exceeded"),
            Error::Api(m) => write!(f, "API misuse: {m}"),
            Error::Internal(m) => write!(f, "internal error: {m}"),
            Error::Snapshot(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {}

/// Resources a run used.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Highest live heap bytes (for a session: since the snippet began, including what
    /// earlier snippets keep alive).
    pub peak_memory: usize,
    /// Heap allocations made.
    pub allocations: u64,
    /// Fuel used (calls and loop iterations).
    pub fuel_used: u64,
    /// Running time, excluding time paused for host calls (virtual sleep included).
    pub duration: Duration,
}

/// What a finished run produced.
#[derive(Debug)]
pub struct Outcome {
    /// The value of the last top-level expression statement, like a REPL (None when there
    /// was none, it was `None`, or the run failed).
    pub result: Option<Data>,
    /// Captured stdout (empty when streamed to a callback); kept on every error.
    pub stdout: String,
    /// Captured stderr.
    pub stderr: String,
    /// The error, if the run failed.
    pub error: Option<Error>,
    /// Resources used.
    pub stats: RunStats,
}

impl Outcome {
    /// The outcome of a run that never started: just the error.
    pub fn from_error(error: Error) -> Outcome {
        Outcome {
            result: None,
            stdout: String::new(),
            stderr: String::new(),
            error: Some(error),
            stats: RunStats::default(),
        }
    }
}

/// A handler for runs that declare no host functions: refuses every call.
pub fn no_host(call: &HostCall) -> Result<Data, HostError> {
    Err(HostError::new(
        "RuntimeError",
        format!("no host handler for '{}'", call.name),
    ))
}

impl Program {
    /// Compile source text. A panic inside the compiler (an interpreter bug) is caught here
    /// and reported as `Error::Internal`; it never unwinds into the embedder.
    pub fn compile(source: &str, filename: &str) -> Result<Program, Error> {
        let compiled = catch_unwind(AssertUnwindSafe(|| {
            crate::syntax::compile_source(source, filename, true)
        }));
        let code = match compiled {
            Ok(r) => r.map_err(|e| syntax_error(e, filename, source))?,
            Err(payload) => return Err(Error::Internal(panic_message(payload.as_ref()))),
        };
        Ok(Program {
            code,
            source: Arc::from(source),
            filename: Arc::from(filename),
        })
    }

    /// A listing of the compiled bytecode.
    pub fn disassemble(&self) -> String {
        crate::bytecode::dis::disassemble(&self.code)
    }

    /// Run to completion, answering host calls synchronously through `handler` (this works
    /// anywhere, even inside native callbacks such as `sorted(key=tool)`). Time spent in the
    /// handler does not count against the duration limit.
    ///
    /// ```
    /// use pyward::{Data, HostError, HostFunction, Program, RunOptions};
    ///
    /// let program = Program::compile("total = add(2, 3)\ntotal * 10", "main.py").unwrap();
    /// let options = RunOptions::new().function(HostFunction::new("add").signature("(a, b)"));
    /// let outcome = program.run(options, &mut |call| match (&call.args[0], &call.args[1]) {
    ///     (Data::Int(a), Data::Int(b)) => Ok(Data::Int(a + b)),
    ///     _ => Err(HostError::new("TypeError", "add() wants ints")),
    /// });
    /// assert_eq!(outcome.result, Some(Data::Int(50)));
    /// ```
    pub fn run(
        &self,
        options: RunOptions,
        handler: &mut dyn FnMut(&HostCall) -> Result<Data, HostError>,
    ) -> Outcome {
        crate::vm::host_call::with_handler(handler, || {
            let (mut vm, setup) = run::new_vm(options, HostMode::Callback);
            let r = setup.and_then(|()| {
                run::guarded(&mut vm, |vm| {
                    run::start_vm(vm, &self.code, &self.filename, &self.source)
                })
            });
            let r = match r {
                Ok(false) => Ok(()),
                Ok(true) => Err(run::Fail::Api(Error::Internal(
                    "a callback-mode run paused".into(),
                ))),
                Err(e) => Err(e),
            };
            run::finish_vm(&mut vm, r)
        })
    }

    /// Start a run in pause mode: it runs until it finishes or calls host functions, which
    /// it hands over in `Step::Paused`.
    ///
    /// ```
    /// use pyward::{Data, HostFunction, Program, RunOptions, Step};
    ///
    /// let program = Program::compile("x = ask('name?')\nf'hi {x}'", "main.py").unwrap();
    /// let options = RunOptions::new().function(HostFunction::new("ask"));
    /// let Step::Paused(paused) = program.start(options) else { panic!() };
    /// let call = &paused.calls()[0];
    /// assert_eq!(call.name, "ask");
    /// let id = call.id;
    /// let Step::Done(outcome) = paused.resume(vec![(id, Ok(Data::Str("Ada".into())))]) else {
    ///     panic!()
    /// };
    /// assert_eq!(outcome.result, Some(Data::Str("hi Ada".into())));
    /// ```
    pub fn start(&self, options: RunOptions) -> Step {
        let (mut vm, setup) = run::new_vm(options, HostMode::Pause);
        let r = setup.and_then(|()| {
            run::guarded(&mut vm, |vm| {
                run::start_vm(vm, &self.code, &self.filename, &self.source)
            })
        });
        match r {
            Ok(true) => Step::Paused(run::Paused::new(vm)),
            Ok(false) => Step::Done(run::finish_vm(&mut vm, Ok(()))),
            Err(e) => Step::Done(run::finish_vm(&mut vm, Err(e))),
        }
    }

    /// The source text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The file name given at compile time.
    pub fn filename(&self) -> &str {
        &self.filename
    }
}

pub(crate) fn syntax_error(e: CompileError, filename: &str, source: &str) -> Error {
    let mut traceback = String::new();
    if let Some(line) = e.line {
        // A compiler error's line is read back from the file (`PyErr_ProgramTextObject`).
        let text = match &e.text {
            Some(t) => Some(t.as_str()),
            None if !filename.starts_with('<') => source
                .split_inclusive('\n')
                .nth(line.saturating_sub(1) as usize),
            None => None,
        };
        let subclass = e.kind != "SyntaxError";
        traceback = crate::exc::report::syntax_location(&crate::exc::report::SyntaxLocation {
            filename: Some(filename),
            lineno: i64::from(line),
            offset: e.col.map(i64::from),
            end_lineno: e.end.filter(|_| !subclass).map(|(l, _)| i64::from(l)),
            end_offset: e.end.filter(|_| !subclass).map(|(_, c)| i64::from(c)),
            text,
        });
    }
    traceback.push_str(&format!("{}: {}\n", e.kind, e.msg));
    Error::Syntax {
        kind: e.kind.to_string(),
        msg: e.msg,
        line: e.line,
        col: e.col,
        traceback,
    }
}

/// The text of a caught panic's payload.
pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    format!("interpreter panic: {what}")
}

/// Test-only panic injection: a source containing this marker panics inside the compiler,
/// and printing it panics inside the VM, so the boundary's `catch_unwind` can be proven.
#[cfg(test)]
pub(crate) const PANIC_MARKER: &str = "__pyward_inject_panic__";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_while_running_is_an_internal_error_with_partial_output() {
        let src = format!("print('before')\nprint('{PANIC_MARKER}')\nprint('after')\n");
        let compiled = Program::compile(&src, "p.py");
        assert!(compiled.is_ok(), "{compiled:?}");
        let Ok(program) = compiled else { return };
        let out = program.run(Limits::default().into(), &mut no_host);
        assert_eq!(out.stdout, "before\n");
        assert!(
            matches!(&out.error, Some(Error::Internal(m)) if m.contains("injected")),
            "{:?}",
            out.error
        );
        // The same program object can run again: nothing was left poisoned.
        let again = program.run(Limits::default().into(), &mut no_host);
        assert_eq!(again.stdout, "before\n");
    }

    #[test]
    fn panic_while_compiling_is_an_internal_error() {
        // Big enough to compile on the dedicated big-stack thread: the panic crosses the join.
        for filler in [0usize, 20_000] {
            let src = format!("x = 1\n{}# {PANIC_MARKER}compile\n", "\n".repeat(filler));
            let got = Program::compile(&src, "p.py");
            assert!(
                matches!(&got, Err(Error::Internal(m)) if m.contains("injected")),
                "{got:?}"
            );
        }
    }
}
