//! `pyward.Program` (compile once, run many times from any thread) and `pyward.run`.
//!
//! Compiling and running release the GIL (`Python::detach`): the interpreter touches no Python
//! object, so N threads run N sandboxes in parallel. Printed output streams to `on_stdout` by
//! re-attaching to Python for each write.

use std::sync::{Arc, Mutex};

use pyo3::prelude::*;
use pyward::{Outcome, Program};

use crate::error::{Printed, to_pyerr};
use crate::limits::PyLimits;

/// The default file name in sandbox tracebacks, as for CPython's `exec()`.
pub const DEFAULT_FILENAME: &str = "<string>";

/// A compiled program: immutable and thread-safe; `run` may be called concurrently.
#[pyclass(frozen, name = "Program", module = "pyward")]
pub struct PyProgram {
    program: Program,
}

/// What a finished run produced.
#[pyclass(frozen, name = "Result", module = "pyward")]
pub struct PyResult_ {
    /// Everything the run printed to `sys.stdout` (empty when streamed to `on_stdout`).
    #[pyo3(get)]
    stdout: String,
    /// Everything the run printed to `sys.stderr`.
    #[pyo3(get)]
    stderr: String,
}

#[pymethods]
impl PyResult_ {
    fn __repr__(&self) -> String {
        format!("Result(stdout={:?}, stderr={:?})", self.stdout, self.stderr)
    }
}

#[pymethods]
impl PyProgram {
    #[new]
    #[pyo3(signature = (code, *, filename = DEFAULT_FILENAME))]
    fn new(py: Python<'_>, code: &str, filename: &str) -> PyResult<PyProgram> {
        compile(py, code, filename).map(|program| PyProgram { program })
    }

    /// Run the program to completion.
    #[pyo3(signature = (*, limits = None, on_stdout = None))]
    fn run(
        &self,
        py: Python<'_>,
        limits: Option<&Bound<'_, PyLimits>>,
        on_stdout: Option<Py<PyAny>>,
    ) -> PyResult<PyResult_> {
        run_program(py, &self.program, limits, on_stdout)
    }
}

/// Compile `code` and run it once.
#[pyfunction]
#[pyo3(signature = (code, *, limits = None, on_stdout = None, filename = DEFAULT_FILENAME))]
pub fn run(
    py: Python<'_>,
    code: &str,
    limits: Option<&Bound<'_, PyLimits>>,
    on_stdout: Option<Py<PyAny>>,
    filename: &str,
) -> PyResult<PyResult_> {
    let program = compile(py, code, filename)?;
    run_program(py, &program, limits, on_stdout)
}

fn compile(py: Python<'_>, code: &str, filename: &str) -> PyResult<Program> {
    py.detach(|| Program::compile(code, filename)).map_err(|e| {
        to_pyerr(
            py,
            e,
            Printed {
                stdout: String::new(),
                stderr: String::new(),
            },
        )
    })
}

fn run_program(
    py: Python<'_>,
    program: &Program,
    limits: Option<&Bound<'_, PyLimits>>,
    on_stdout: Option<Py<PyAny>>,
) -> PyResult<PyResult_> {
    let limits = limits.map_or_else(pyward::Limits::default, |l| l.get().inner.clone());
    let stream = on_stdout.map(StdoutStream::new);
    let callback = stream.as_ref().map(StdoutStream::callback);
    let outcome: Outcome = py.detach(|| program.run(limits, callback));
    if let Some(err) = stream.and_then(StdoutStream::take_error) {
        return Err(err);
    }
    let printed = Printed {
        stdout: outcome.stdout,
        stderr: outcome.stderr,
    };
    match outcome.error {
        Some(e) => Err(to_pyerr(py, e, printed)),
        None => Ok(PyResult_ {
            stdout: printed.stdout,
            stderr: printed.stderr,
        }),
    }
}

/// Forwards printed text to a Python callable. The first exception it raises is kept and
/// re-raised after the run; later output is dropped.
struct StdoutStream {
    target: Arc<Py<PyAny>>,
    error: Arc<Mutex<Option<PyErr>>>,
}

impl StdoutStream {
    fn new(target: Py<PyAny>) -> StdoutStream {
        StdoutStream {
            target: Arc::new(target),
            error: Arc::new(Mutex::new(None)),
        }
    }

    fn callback(&self) -> Box<dyn FnMut(&str) + Send> {
        let target = Arc::clone(&self.target);
        let error = Arc::clone(&self.error);
        Box::new(move |text: &str| {
            Python::attach(|py| {
                let Ok(mut slot) = error.lock() else { return };
                if slot.is_some() {
                    return;
                }
                if let Err(e) = target.call1(py, (text,)) {
                    *slot = Some(e);
                }
            });
        })
    }

    fn take_error(self) -> Option<PyErr> {
        self.error.lock().ok().and_then(|mut slot| slot.take())
    }
}
