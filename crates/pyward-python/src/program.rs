//! `pyward.Program` (compile once, run many times from any thread), `pyward.run`, and the
//! pieces every entry point shares: reading run settings from Python, and turning an
//! `Outcome` into a `pyward.Result` or an exception.
//!
//! Compiling and running release the GIL (`Python::detach`): the interpreter touches no Python
//! object, so N threads run N sandboxes in parallel. Host tools and `on_stdout` re-attach to
//! Python for the duration of each call.

use std::sync::{Arc, Mutex};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use pyward::{Data, HostCall, HostError, Outcome, Program, RunOptions, RunStats, Step};

use crate::convert::{str_repr, to_data, to_py, type_name};
use crate::error::{Printed, to_pyerr};
use crate::limits::PyLimits;
use crate::paused::PyPaused;
use crate::tools::Tools;

/// The default file name in sandbox tracebacks, as for CPython's `exec()`.
pub const DEFAULT_FILENAME: &str = "<string>";

/// The first exception raised on the host side during a run (by `on_stdout`, or a
/// `BaseException` such as KeyboardInterrupt from a tool): re-raised when the run ends.
pub type HostFailure = Arc<Mutex<Option<PyErr>>>;

/// Everything a run takes besides the program, read from Python arguments.
pub struct Settings {
    pub options: RunOptions,
    pub tools: Arc<Tools>,
    pub failure: HostFailure,
}

impl Settings {
    /// Read `inputs`, `functions`, `limits` and `on_stdout`. With `names_allowed`, functions
    /// may be bare names (declared for pause mode, never called here).
    pub fn from_py(
        inputs: Option<&Bound<'_, PyAny>>,
        functions: Option<&Bound<'_, PyAny>>,
        limits: Option<&Bound<'_, PyLimits>>,
        on_stdout: Option<Py<PyAny>>,
        names_allowed: bool,
    ) -> PyResult<Settings> {
        let limits = limits.map_or_else(pyward::Limits::default, |l| l.get().inner.clone());
        let mut options = RunOptions::new().limits(limits);
        if let Some(inputs) = inputs.filter(|i| !i.is_none()) {
            let inputs = inputs.cast::<PyDict>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "inputs must be a dict, not '{}'",
                    type_name(inputs)
                ))
            })?;
            for (key, value) in inputs.iter() {
                let name = key.cast::<PyString>().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "inputs: names must be str, not '{}'",
                        type_name(&key)
                    ))
                })?;
                let name = name.to_str()?;
                let data = to_data(&value)
                    .map_err(|e| e.into_pyerr(&format!("inputs[{}]", str_repr(key.py(), name))))?;
                options = options.input(name, data);
            }
        }
        let tools = Tools::from_py(functions, names_allowed)?;
        for declaration in tools.declarations() {
            options = options.function(declaration);
        }
        let failure: HostFailure = Arc::new(Mutex::new(None));
        if let Some(target) = on_stdout {
            let failure = Arc::clone(&failure);
            options = options.on_stdout(move |text: &str| {
                Python::attach(|py| {
                    if failed(&failure) {
                        return;
                    }
                    if let Err(e) = target.call1(py, (text,)) {
                        record(&failure, e);
                    }
                });
            });
        }
        Ok(Settings {
            options,
            tools: Arc::new(tools),
            failure,
        })
    }
}

/// Whether a host-side failure was recorded.
fn failed(failure: &HostFailure) -> bool {
    failure.lock().map_or(true, |slot| slot.is_some())
}

/// Keep the first host-side failure.
pub fn record(failure: &HostFailure, err: PyErr) {
    if let Ok(mut slot) = failure.lock()
        && slot.is_none()
    {
        *slot = Some(err);
    }
}

/// Take the recorded host-side failure, if any.
pub fn take_failure(failure: &HostFailure) -> Option<PyErr> {
    failure.lock().ok().and_then(|mut slot| slot.take())
}

/// Resources a run used.
#[pyclass(frozen, name = "Stats", module = "pyward")]
pub struct PyStats {
    /// Highest live sandbox heap bytes.
    #[pyo3(get)]
    peak_memory: usize,
    /// Heap allocations made.
    #[pyo3(get)]
    allocations: u64,
    /// Fuel used (calls plus loop iterations).
    #[pyo3(get)]
    fuel_used: u64,
    /// Seconds spent running (time paused for host calls excluded).
    #[pyo3(get)]
    duration: f64,
}

#[pymethods]
impl PyStats {
    fn __repr__(&self) -> String {
        format!(
            "Stats(peak_memory={}, allocations={}, fuel_used={}, duration={:?})",
            self.peak_memory, self.allocations, self.fuel_used, self.duration
        )
    }
}

/// What a finished run produced.
#[pyclass(frozen, name = "Result", module = "pyward")]
pub struct PyRunResult {
    /// The value of the last top-level expression statement (None when there was none).
    #[pyo3(get)]
    value: Py<PyAny>,
    /// Everything the run printed to `sys.stdout` (empty when streamed to `on_stdout`).
    #[pyo3(get)]
    stdout: String,
    /// Everything the run printed to `sys.stderr`.
    #[pyo3(get)]
    stderr: String,
    stats: RunStats,
}

#[pymethods]
impl PyRunResult {
    /// Resources the run used.
    #[getter]
    fn stats(&self) -> PyStats {
        PyStats {
            peak_memory: self.stats.peak_memory,
            allocations: self.stats.allocations,
            fuel_used: self.stats.fuel_used,
            duration: self.stats.duration.as_secs_f64(),
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let value = self.value.bind(py).repr()?;
        Ok(format!(
            "Result(value={value}, stdout={}, stderr={})",
            str_repr(py, &self.stdout),
            str_repr(py, &self.stderr)
        ))
    }
}

/// The Python result of a finished run: a `Result`, or the exception it ended with. A
/// host-side failure recorded during the run comes first.
pub fn finish(py: Python<'_>, outcome: Outcome, failure: &HostFailure) -> PyResult<PyRunResult> {
    if let Some(err) = take_failure(failure) {
        return Err(err);
    }
    let printed = Printed {
        stdout: outcome.stdout,
        stderr: outcome.stderr,
    };
    if let Some(e) = outcome.error {
        return Err(to_pyerr(py, e, printed));
    }
    let value = match &outcome.result {
        Some(data) => to_py(py, data)?.unbind(),
        None => py.None(),
    };
    Ok(PyRunResult {
        value,
        stdout: printed.stdout,
        stderr: printed.stderr,
        stats: outcome.stats,
    })
}

/// A step of a pause-mode run as Python sees it: the finished `Result` or a `Paused`.
pub fn step_to_py(py: Python<'_>, step: Step, failure: HostFailure) -> PyResult<Py<PyAny>> {
    match step {
        Step::Done(outcome) => Ok(Py::new(py, finish(py, outcome, &failure)?)?.into_any()),
        Step::Paused(paused) => PyPaused::for_run(py, paused, failure),
    }
}

/// Answer a host call from the tools, attached to Python for the call.
pub fn answer(tools: &Tools, failure: &HostFailure, call: &HostCall) -> Result<Data, HostError> {
    Python::attach(|py| tools.call(py, call, failure))
}

/// A compiled program: immutable and thread-safe; `run` may be called concurrently.
#[pyclass(frozen, name = "Program", module = "pyward")]
pub struct PyProgram {
    program: Program,
}

#[pymethods]
impl PyProgram {
    #[new]
    #[pyo3(signature = (code, *, filename = DEFAULT_FILENAME))]
    fn new(py: Python<'_>, code: &str, filename: &str) -> PyResult<PyProgram> {
        compile(py, code, filename).map(|program| PyProgram { program })
    }

    /// Run to completion, calling tools synchronously.
    #[pyo3(signature = (*, inputs = None, functions = None, limits = None, on_stdout = None))]
    fn run(
        &self,
        py: Python<'_>,
        inputs: Option<&Bound<'_, PyAny>>,
        functions: Option<&Bound<'_, PyAny>>,
        limits: Option<&Bound<'_, PyLimits>>,
        on_stdout: Option<Py<PyAny>>,
    ) -> PyResult<PyRunResult> {
        let settings = Settings::from_py(inputs, functions, limits, on_stdout, false)?;
        run_program(py, &self.program, settings)
    }

    /// Run until it finishes or calls a host function; tools are declared, never called.
    #[pyo3(signature = (*, inputs = None, functions = None, limits = None, on_stdout = None))]
    fn start(
        &self,
        py: Python<'_>,
        inputs: Option<&Bound<'_, PyAny>>,
        functions: Option<&Bound<'_, PyAny>>,
        limits: Option<&Bound<'_, PyLimits>>,
        on_stdout: Option<Py<PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let settings = Settings::from_py(inputs, functions, limits, on_stdout, true)?;
        let program = &self.program;
        let options = settings.options;
        let step = py.detach(move || program.start(options));
        step_to_py(py, step, settings.failure)
    }

    /// The source text.
    #[getter]
    fn source(&self) -> &str {
        self.program.source()
    }

    /// The file name shown in tracebacks.
    #[getter]
    fn filename(&self) -> &str {
        self.program.filename()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!("<pyward.Program {}>", str_repr(py, self.program.filename()))
    }
}

/// Compile `code` and run it once.
#[pyfunction]
#[pyo3(signature = (
    code, *, inputs = None, functions = None, limits = None, on_stdout = None,
    filename = DEFAULT_FILENAME
))]
pub fn run(
    py: Python<'_>,
    code: &str,
    inputs: Option<&Bound<'_, PyAny>>,
    functions: Option<&Bound<'_, PyAny>>,
    limits: Option<&Bound<'_, PyLimits>>,
    on_stdout: Option<Py<PyAny>>,
    filename: &str,
) -> PyResult<PyRunResult> {
    let settings = Settings::from_py(inputs, functions, limits, on_stdout, false)?;
    let program = compile(py, code, filename)?;
    run_program(py, &program, settings)
}

fn compile(py: Python<'_>, code: &str, filename: &str) -> PyResult<Program> {
    py.detach(|| Program::compile(code, filename))
        .map_err(|e| to_pyerr(py, e, Printed::nothing()))
}

fn run_program(py: Python<'_>, program: &Program, settings: Settings) -> PyResult<PyRunResult> {
    let Settings {
        options,
        tools,
        failure,
    } = settings;
    let outcome = py.detach(|| {
        let mut handler = |call: &HostCall| answer(&tools, &failure, call);
        program.run(options, &mut handler)
    });
    finish(py, outcome, &failure)
}
