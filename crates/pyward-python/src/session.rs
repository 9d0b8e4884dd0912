//! `pyward.Session`: a REPL whose globals, functions and classes persist between snippets.
//!
//! Inputs and tools are given once, for every snippet. Duration, fuel, allocations and output
//! are budgets per snippet; memory is one budget for the whole session. The session is
//! behind a mutex taken with the GIL released, so concurrent calls wait their turn.

use std::cell::RefCell;
use std::sync::{Arc, Mutex, MutexGuard};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use pyward::{Data, HostCall, HostError, Session, SessionStep};

use crate::error::{Printed, to_pyerr};
use crate::limits::PyLimits;
use crate::paused::PyPaused;
use crate::program::{HostFailure, PyRunResult, Settings, answer, finish};
use crate::tools::Tools;

/// A sandboxed REPL session.
#[pyclass(frozen, subclass, name = "Session", module = "pyward")]
pub struct PySession {
    session: Mutex<Session>,
    tools: Arc<Tools>,
    failure: HostFailure,
}

fn lock(session: &Mutex<Session>) -> MutexGuard<'_, Session> {
    session
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

thread_local! {
    /// Sessions whose lock this thread holds (by address): a tool called from a snippet must
    /// not feed its own session, which would wait for itself.
    static HELD: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Forgets a held session when the call ends.
struct Held(usize);

impl Drop for Held {
    fn drop(&mut self) {
        HELD.with(|held| held.borrow_mut().retain(|&a| a != self.0));
    }
}

impl PySession {
    /// Run `f` on the session with the GIL released and the session locked.
    fn with<R: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Session) -> R + Send,
    ) -> PyResult<R> {
        let address = std::ptr::from_ref(self) as usize;
        if HELD.with(|held| held.borrow().contains(&address)) {
            return Err(PyRuntimeError::new_err(
                "this session is running a snippet on this thread: a tool cannot use its own session",
            ));
        }
        HELD.with(|held| held.borrow_mut().push(address));
        let _held = Held(address);
        Ok(py.detach(|| f(&mut lock(&self.session))))
    }
}

impl PySession {
    /// Answer a paused snippet (from `Paused.resume`).
    pub fn resume(
        py: Python<'_>,
        this: Py<PySession>,
        answers: Vec<(u64, Result<Data, HostError>)>,
        failure: HostFailure,
    ) -> PyResult<Py<PyAny>> {
        let me = this.get();
        let step = me.with(py, |s| s.resume(answers))?;
        session_step(py, this.clone_ref(py), step, failure)
    }
}

fn session_step(
    py: Python<'_>,
    this: Py<PySession>,
    step: SessionStep,
    failure: HostFailure,
) -> PyResult<Py<PyAny>> {
    match step {
        SessionStep::Done(outcome) => Ok(Py::new(py, finish(py, outcome, &failure)?)?.into_any()),
        SessionStep::Paused(calls) => PyPaused::for_session(py, this, &calls, failure),
    }
}

#[pymethods]
impl PySession {
    #[new]
    #[pyo3(signature = (
        *, inputs = None, functions = None, limits = None, on_stdout = None, _snapshot = None
    ))]
    fn new(
        py: Python<'_>,
        inputs: Option<&Bound<'_, PyAny>>,
        functions: Option<&Bound<'_, PyAny>>,
        limits: Option<&Bound<'_, PyLimits>>,
        on_stdout: Option<Py<PyAny>>,
        _snapshot: Option<&[u8]>,
    ) -> PyResult<PySession> {
        let settings = Settings::from_py(inputs, functions, limits, on_stdout, true)?;
        let options = settings.options;
        let made = match _snapshot {
            // A restored session keeps the inputs and declarations it was dumped with; the
            // callables (`functions`) and the limits come from the caller.
            Some(bytes) => {
                let limits = limits.map_or_else(pyward::Limits::default, |l| l.get().inner.clone());
                py.detach(move || Session::load(bytes, limits))
            }
            None => py.detach(move || Session::new(options)),
        };
        let session = made.map_err(|e| to_pyerr(py, e, Printed::nothing()))?;
        Ok(PySession {
            session: Mutex::new(session),
            tools: settings.tools,
            failure: settings.failure,
        })
    }

    /// Run a snippet to completion, calling tools synchronously.
    fn run(&self, py: Python<'_>, code: &str) -> PyResult<PyRunResult> {
        let (tools, failure) = (&self.tools, &self.failure);
        let outcome = self.with(py, |s| {
            let mut handler = |call: &HostCall| answer(tools, failure, call);
            s.run(code, &mut handler)
        })?;
        finish(py, outcome, failure)
    }

    /// Run a snippet until it finishes or calls a host function (pause mode).
    fn start(slf: Bound<'_, PySession>, code: &str) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        let me = slf.get();
        let step = me.with(py, |s| s.start(code))?;
        let failure = me.failure.clone();
        session_step(py, slf.unbind(), step, failure)
    }

    /// The whole session (globals, functions, classes, modules, a paused snippet) as bytes;
    /// `Session.load(data)` restores it in this process or another.
    fn dump<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        match self.with(py, |s| s.dump())? {
            Ok(bytes) => Ok(PyBytes::new(py, &bytes)),
            Err(e) => Err(to_pyerr(py, e, Printed::nothing())),
        }
    }

    /// The paused snippet's pending calls as a `Paused` to answer, or None when idle (for a
    /// session restored while paused).
    #[getter]
    fn pending(slf: Bound<'_, PySession>) -> PyResult<Option<Py<PyAny>>> {
        let py = slf.py();
        let me = slf.get();
        let calls = me.with(py, |s| s.is_paused().then(|| s.pending_calls().to_vec()))?;
        let failure = me.failure.clone();
        calls
            .map(|calls| PyPaused::for_session(py, slf.unbind(), &calls, failure))
            .transpose()
    }

    /// Whether a snippet waits for host calls.
    #[getter]
    fn paused(&self, py: Python<'_>) -> PyResult<bool> {
        self.with(py, |s| s.is_paused())
    }
}
