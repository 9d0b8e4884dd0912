//! `pyward.Paused`: a run (or session snippet) stopped at host calls, and `pyward.Call`.
//!
//! The paused state lives in a `Mutex<Option<..>>`: resuming takes it out, so a `Paused` is
//! answered once (a second `resume` is a `RuntimeError`); the next step is a new object.
//! Answers are converted before the state is taken, so a value that cannot convert leaves
//! the run paused and answerable.

use std::sync::Mutex;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyMapping, PyTuple};
use pyward::{Data, HostCall, HostError, Paused};

use crate::convert::{str_repr, to_data, type_name};
use crate::error::{Printed, to_pyerr};
use crate::limits::PyLimits;
use crate::program::{HostFailure, step_to_py};
use crate::session::PySession;
use crate::tools::{call_args, exception_answer};

/// One pending host call.
#[pyclass(frozen, name = "Call", module = "pyward")]
pub struct PyCall {
    /// Unique within the run; the key of its answer in `Paused.resume_many`.
    #[pyo3(get)]
    id: u64,
    /// The host function's name.
    #[pyo3(get)]
    name: String,
    /// Positional arguments (with a signature: bound, defaults filled in).
    #[pyo3(get)]
    args: Py<PyTuple>,
    /// Keyword arguments.
    #[pyo3(get)]
    kwargs: Py<PyDict>,
}

#[pymethods]
impl PyCall {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Call(id={}, name={}, args={}, kwargs={})",
            self.id,
            str_repr(py, &self.name),
            self.args.bind(py).repr()?,
            self.kwargs.bind(py).repr()?
        ))
    }
}

/// What is paused: a program's run, or a session's snippet (the session keeps the state).
enum Suspended {
    Run(Paused),
    Session(Py<PySession>),
}

/// A run waiting for the host to answer one or more host calls.
#[pyclass(frozen, name = "Paused", module = "pyward")]
pub struct PyPaused {
    state: Mutex<Option<Suspended>>,
    calls: Py<PyList>,
    failure: HostFailure,
}

impl PyPaused {
    /// Wrap a paused program run.
    pub fn for_run(py: Python<'_>, paused: Paused, failure: HostFailure) -> PyResult<Py<PyAny>> {
        let calls = calls_to_py(py, paused.calls())?;
        let object = PyPaused {
            state: Mutex::new(Some(Suspended::Run(paused))),
            calls,
            failure,
        };
        Ok(Py::new(py, object)?.into_any())
    }

    /// Wrap a paused session snippet.
    pub fn for_session(
        py: Python<'_>,
        session: Py<PySession>,
        calls: &[HostCall],
        failure: HostFailure,
    ) -> PyResult<Py<PyAny>> {
        let calls = calls_to_py(py, calls)?;
        let object = PyPaused {
            state: Mutex::new(Some(Suspended::Session(session))),
            calls,
            failure,
        };
        Ok(Py::new(py, object)?.into_any())
    }

    fn first_call<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCall>> {
        let calls = self.calls.bind(py);
        if calls.len() != 1 {
            return Err(PyValueError::new_err(format!(
                "{} calls are pending: read them from .calls",
                calls.len()
            )));
        }
        Ok(calls.get_item(0)?.cast_into::<PyCall>()?)
    }

    fn take(&self) -> PyResult<Suspended> {
        self.state
            .lock()
            .ok()
            .and_then(|mut s| s.take())
            .ok_or_else(|| PyRuntimeError::new_err("this paused run was already resumed"))
    }

    fn resume_with(
        &self,
        py: Python<'_>,
        answers: Vec<(u64, Result<Data, HostError>)>,
    ) -> PyResult<Py<PyAny>> {
        let failure = self.failure.clone();
        match self.take()? {
            Suspended::Run(paused) => {
                let step = py.detach(move || paused.resume(answers));
                step_to_py(py, step, failure)
            }
            Suspended::Session(session) => PySession::resume(py, session, answers, failure),
        }
    }
}

#[pymethods]
impl PyPaused {
    /// The calls waiting for an answer (one for a plain call; several for gathered async ones).
    #[getter]
    fn calls<'py>(&self, py: Python<'py>) -> Bound<'py, PyList> {
        self.calls.bind(py).clone()
    }

    /// The id of the single pending call.
    #[getter]
    fn id(&self, py: Python<'_>) -> PyResult<u64> {
        Ok(self.first_call(py)?.get().id)
    }

    /// The name of the single pending call.
    #[getter]
    fn name(&self, py: Python<'_>) -> PyResult<String> {
        Ok(self.first_call(py)?.get().name.clone())
    }

    /// The positional arguments of the single pending call.
    #[getter]
    fn args(&self, py: Python<'_>) -> PyResult<Py<PyTuple>> {
        Ok(self.first_call(py)?.get().args.clone_ref(py))
    }

    /// The keyword arguments of the single pending call.
    #[getter]
    fn kwargs(&self, py: Python<'_>) -> PyResult<Py<PyDict>> {
        Ok(self.first_call(py)?.get().kwargs.clone_ref(py))
    }

    /// Answer the single pending call with a return value, or raise `error` (an exception
    /// instance or class) at the call site; run on to the next pause or the end.
    #[pyo3(signature = (value = None, *, error = None))]
    fn resume(
        &self,
        py: Python<'_>,
        value: Option<&Bound<'_, PyAny>>,
        error: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let id = self.first_call(py)?.get().id;
        let answer = match error {
            Some(error) => {
                if value.is_some_and(|v| !v.is_none()) {
                    return Err(PyTypeError::new_err(
                        "resume() takes a value or an error, not both",
                    ));
                }
                Err(error_answer(error)?)
            }
            None => match value {
                Some(value) => Ok(to_data(value).map_err(|e| e.into_pyerr("resume value"))?),
                None => Ok(Data::None),
            },
        };
        self.resume_with(py, vec![(id, answer)])
    }

    /// Answer pending calls by id: `{call.id: value}`, where an exception instance raises at
    /// that call site. Async calls may be answered in any subset and order.
    fn resume_many(&self, py: Python<'_>, answers: &Bound<'_, PyMapping>) -> PyResult<Py<PyAny>> {
        let mut out = Vec::with_capacity(answers.len()?);
        for item in answers.items()?.iter() {
            let (id, value) = item.extract::<(u64, Bound<'_, PyAny>)>()?;
            let answer = if value.is_instance_of::<pyo3::exceptions::PyBaseException>() {
                Err(exception_answer(&value))
            } else {
                Ok(to_data(&value).map_err(|e| e.into_pyerr(&format!("answers[{id}]")))?)
            };
            out.push((id, answer));
        }
        self.resume_with(py, out)
    }

    /// The whole paused run as bytes: `pyward.load(data)` restores it, in this process or
    /// another, as often as needed (each load is an independent copy).
    fn dump<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let dumped = py.detach(|| {
            let state = self.state.lock().map_err(|_| None)?;
            match &*state {
                Some(Suspended::Run(paused)) => paused.dump().map_err(Some),
                Some(Suspended::Session(_)) => Err(Some(pyward::Error::Api(
                    "a paused session snippet is saved with Session.dump()".into(),
                ))),
                None => Err(None),
            }
        });
        match dumped {
            Ok(bytes) => Ok(PyBytes::new(py, &bytes)),
            Err(Some(e)) => Err(to_pyerr(py, e, Printed::nothing())),
            Err(None) => Err(PyRuntimeError::new_err(
                "this paused run was already resumed",
            )),
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<pyward.Paused calls={}>",
            self.calls.bind(py).repr()?
        ))
    }
}

/// Restore a paused run from `Paused.dump()` bytes (untrusted input: anything malformed is a
/// `SnapshotError`). `limits` replace the ones it started with; what it used so far counts.
#[pyfunction]
#[pyo3(signature = (data, *, limits = None))]
pub fn load(
    py: Python<'_>,
    data: &[u8],
    limits: Option<&Bound<'_, PyLimits>>,
) -> PyResult<Py<PyAny>> {
    let limits = limits.map_or_else(pyward::Limits::default, |l| l.get().inner.clone());
    let paused = py
        .detach(|| Paused::load(data, limits))
        .map_err(|e| to_pyerr(py, e, Printed::nothing()))?;
    PyPaused::for_run(py, paused, HostFailure::default())
}

/// A `HostError` from an exception instance or class given as `error=`.
fn error_answer(error: &Bound<'_, PyAny>) -> PyResult<HostError> {
    let is_exception_class = error.cast::<pyo3::types::PyType>().is_ok_and(|t| {
        t.is_subclass_of::<pyo3::exceptions::PyBaseException>()
            .unwrap_or(false)
    });
    if is_exception_class || error.is_instance_of::<pyo3::exceptions::PyBaseException>() {
        return Ok(exception_answer(error));
    }
    Err(PyTypeError::new_err(format!(
        "error must be an exception, not '{}'",
        type_name(error)
    )))
}

/// `Call` objects for the pending calls.
fn calls_to_py(py: Python<'_>, calls: &[HostCall]) -> PyResult<Py<PyList>> {
    let list = PyList::empty(py);
    for call in calls {
        let (args, kwargs) = call_args(py, call)?;
        list.append(PyCall {
            id: call.id,
            name: call.name.clone(),
            args: args.unbind(),
            kwargs: kwargs.unbind(),
        })?;
    }
    Ok(list.unbind())
}
