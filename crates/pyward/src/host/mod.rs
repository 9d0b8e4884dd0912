//! The embedder interface: compile once, run many times, with limits; errors as plain data.

pub mod limits;
pub mod policy;

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
    /// Compile source text.
    pub fn compile(source: &str, filename: &str) -> Result<Program, Error> {
        let code = crate::syntax::compile_source(source, filename, true).map_err(syntax_error)?;
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

    /// Run with limits; output is captured, or streamed to `stdout` when given.
    pub fn run(&self, limits: Limits, stdout: Option<Box<dyn FnMut(&str) + Send>>) -> Outcome {
        let mut vm = Vm::new(limits);
        vm.out.callback = stdout;
        let r = vm.run_module(&self.code);
        let error = match r {
            Ok(_) => None,
            Err(e) => Some(self.describe_error(&mut vm, e)),
        };
        let result_repr = match vm.result {
            Value::None => None,
            v => vm.repr(v).ok(),
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
