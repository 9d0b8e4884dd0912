//! The embedder interface: compile once, run many times, with limits; errors as plain data.

pub mod limits;
pub mod policy;

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use crate::bytecode::Code;
use crate::compile::CompileError;
use crate::exc::RunError;
use crate::heap::LimitKind;
use crate::value::Value;
use crate::vm::Vm;

pub use limits::Limits;

/// A compiled program: `Send + Sync`, reusable across runs and threads.
#[derive(Clone, Debug)]
pub struct Program {
    code: Arc<Code>,
    source: Arc<str>,
    filename: Arc<str>,
}

/// Why a run failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The source does not compile.
    Syntax {
        /// Exception type (`SyntaxError`, `IndentationError`, ...).
        kind: String,
        /// Message.
        msg: String,
        /// Line, when known.
        line: Option<u32>,
        /// Column, when known.
        col: Option<u32>,
    },
    /// An uncaught Python exception.
    Exception {
        /// The exception's type name.
        type_name: String,
        /// `str(exc)`.
        message: String,
        /// Full CPython-format traceback text.
        traceback: String,
    },
    /// A resource limit was breached.
    Limit(LimitKind),
    /// An interpreter bug.
    Internal(String),
}

/// What a finished run produced.
#[derive(Debug)]
pub struct Outcome {
    /// `repr` of the last top-level expression statement's value (None when there was none).
    pub result_repr: Option<String>,
    /// Captured stdout (empty when streamed to a callback).
    pub stdout: String,
    /// Captured stderr.
    pub stderr: String,
    /// The error, if the run failed.
    pub error: Option<Error>,
}

impl Program {
    /// Compile source text. A panic inside the compiler (an interpreter bug) is caught here
    /// and reported as `Error::Internal`; it never unwinds into the embedder.
    pub fn compile(source: &str, filename: &str) -> Result<Program, Error> {
        let compiled = catch_unwind(AssertUnwindSafe(|| {
            crate::syntax::compile_source(source, filename, true)
        }));
        let code = match compiled {
            Ok(r) => r.map_err(syntax_error)?,
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

    /// Run with limits; output is captured, or streamed to `stdout` when given. A panic inside
    /// the interpreter (a bug) is caught here: the outcome keeps the output written so far
    /// and reports `Error::Internal`.
    pub fn run(&self, limits: Limits, stdout: Option<Box<dyn FnMut(&str) + Send>>) -> Outcome {
        let mut vm = Vm::new(limits);
        vm.out.callback = stdout;
        let finished = catch_unwind(AssertUnwindSafe(|| {
            let error = match vm.run_module(&self.code) {
                Ok(_) => None,
                Err(e) => Some(self.describe_error(&mut vm, e)),
            };
            let result_repr = match vm.result {
                Value::None => None,
                v => vm.repr(v).ok(),
            };
            (result_repr, error)
        }));
        let (result_repr, error) = match finished {
            Ok(done) => done,
            Err(payload) => (None, Some(Error::Internal(panic_message(payload.as_ref())))),
        };
        Outcome {
            result_repr,
            stdout: std::mem::take(&mut vm.out.captured),
            stderr: std::mem::take(&mut vm.err_out),
            error,
        }
    }

    fn describe_error(&self, vm: &mut Vm, e: RunError) -> Error {
        match e {
            RunError::Limit(k) => Error::Limit(k),
            RunError::Internal(m) => Error::Internal(m.to_string()),
            RunError::Exc(x) => {
                vm.data_depth = 0;
                let id = match vm.materialize(*x) {
                    Ok(id) => id,
                    Err(_) => return Error::Limit(LimitKind::Memory),
                };
                let src = self.source.clone();
                let file = self.filename.clone();
                let lookup = move |f: &str, line: u32| -> Option<String> {
                    if f != &*file {
                        return None;
                    }
                    src.lines()
                        .nth(line.checked_sub(1)? as usize)
                        .map(str::to_string)
                };
                let traceback = vm.format_exception(id, &lookup);
                let v = Value::Obj(id);
                let cls = vm.exception_class(v);
                let type_name = vm.class_name(cls);
                let message = vm.str(v).unwrap_or_default();
                Error::Exception {
                    type_name,
                    message,
                    traceback,
                }
            }
        }
    }
}

fn syntax_error(e: CompileError) -> Error {
    Error::Syntax {
        kind: e.kind.to_string(),
        msg: e.msg,
        line: e.line,
        col: e.col,
    }
}

/// The text of a caught panic's payload.
fn panic_message(payload: &(dyn Any + Send)) -> String {
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
        let out = program.run(Limits::default(), None);
        assert_eq!(out.stdout, "before\n");
        assert!(
            matches!(&out.error, Some(Error::Internal(m)) if m.contains("injected")),
            "{:?}",
            out.error
        );
        // The same program object can run again: nothing was left poisoned.
        let again = program.run(Limits::default(), None);
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
