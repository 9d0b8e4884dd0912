//! Mapping pyward's `Error` onto the Python exception classes of `pyward._errors`.
//!
//! The classes are defined in Python (multiple inheritance from `TimeoutError`/`MemoryError`)
//! and looked up once per process. Every failure of a run becomes one of them; nothing panics
//! across the boundary.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};
use pyward::{Error, LimitKind};

const ERRORS_MODULE: &str = "pyward._errors";

/// One exception class of `pyward._errors`, imported on first use.
struct ErrorClass {
    cell: PyOnceLock<Py<PyType>>,
    name: &'static str,
}

impl ErrorClass {
    const fn new(name: &'static str) -> ErrorClass {
        ErrorClass {
            cell: PyOnceLock::new(),
            name,
        }
    }

    fn get<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyType>> {
        self.cell.import(py, ERRORS_MODULE, self.name)
    }
}

static COMPILE_ERROR: ErrorClass = ErrorClass::new("CompileError");
static EXECUTION_ERROR: ErrorClass = ErrorClass::new("ExecutionError");
static TIME_LIMIT_ERROR: ErrorClass = ErrorClass::new("TimeLimitError");
static FUEL_LIMIT_ERROR: ErrorClass = ErrorClass::new("FuelLimitError");
static MEMORY_LIMIT_ERROR: ErrorClass = ErrorClass::new("MemoryLimitError");
static ALLOCATION_LIMIT_ERROR: ErrorClass = ErrorClass::new("AllocationLimitError");
static OUTPUT_LIMIT_ERROR: ErrorClass = ErrorClass::new("OutputLimitError");
static SNAPSHOT_ERROR: ErrorClass = ErrorClass::new("SnapshotError");
static USAGE_ERROR: ErrorClass = ErrorClass::new("UsageError");
static INTERNAL_ERROR: ErrorClass = ErrorClass::new("InternalError");

/// What the run printed before it failed; carried by every error.
pub struct Printed {
    pub stdout: String,
    pub stderr: String,
}

impl Printed {
    /// Nothing printed (a compile error, a session that did not start).
    pub fn nothing() -> Printed {
        Printed {
            stdout: String::new(),
            stderr: String::new(),
        }
    }
}

/// The Python exception for a failed compile or run.
pub fn to_pyerr(py: Python<'_>, error: Error, printed: Printed) -> PyErr {
    match build(py, error, printed) {
        Ok(err) | Err(err) => err,
    }
}

fn build(py: Python<'_>, error: Error, printed: Printed) -> PyResult<PyErr> {
    let fields = PyDict::new(py);
    fields.set_item("stdout", printed.stdout)?;
    fields.set_item("stderr", printed.stderr)?;
    let (class, message) = match error {
        Error::Syntax {
            kind,
            msg,
            line,
            col,
            traceback,
            ..
        } => {
            let message = match (line, col) {
                (Some(l), Some(c)) => format!("{kind}: {msg} (line {l}, column {c})"),
                (Some(l), None) => format!("{kind}: {msg} (line {l})"),
                _ => format!("{kind}: {msg}"),
            };
            fields.set_item("type_name", kind)?;
            fields.set_item("message", msg)?;
            fields.set_item("line", line)?;
            fields.set_item("column", col)?;
            fields.set_item("traceback", traceback)?;
            (&COMPILE_ERROR, message)
        }
        Error::Exception {
            type_name,
            message,
            traceback,
            ..
        } => {
            let text = if message.is_empty() {
                type_name.clone()
            } else {
                format!("{type_name}: {message}")
            };
            fields.set_item("type_name", type_name)?;
            fields.set_item("message", message)?;
            fields.set_item("traceback", traceback)?;
            (&EXECUTION_ERROR, text)
        }
        Error::Limit(kind) => {
            let (class, name) = limit_class(kind);
            fields.set_item("limit", name)?;
            (class, format!("pyward: {name} limit exceeded"))
        }
        Error::Api(m) => (&USAGE_ERROR, m),
        Error::Snapshot(e) => (&SNAPSHOT_ERROR, format!("pyward snapshot: {e}")),
        Error::Internal(m) => (&INTERNAL_ERROR, format!("pyward internal error: {m}")),
        other => (&INTERNAL_ERROR, format!("pyward error: {other}")),
    };
    let err = class.get(py)?.call((message,), Some(&fields))?;
    Ok(PyErr::from_value(err))
}

/// The exception class and the `limit` name of a breached limit.
fn limit_class(kind: LimitKind) -> (&'static ErrorClass, &'static str) {
    match kind {
        LimitKind::Duration => (&TIME_LIMIT_ERROR, "duration"),
        LimitKind::Fuel => (&FUEL_LIMIT_ERROR, "fuel"),
        LimitKind::Memory => (&MEMORY_LIMIT_ERROR, "memory"),
        LimitKind::Allocations => (&ALLOCATION_LIMIT_ERROR, "allocations"),
        LimitKind::Output => (&OUTPUT_LIMIT_ERROR, "output"),
    }
}
