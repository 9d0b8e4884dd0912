//! The `pyward._pyward` extension module: PyO3 bindings over pyward's Rust API.
//!
//! The Python package `pyward` (python/pyward/) re-exports these and adds the pure-Python
//! parts (exception classes, `describe`). All generated FFI glue lives in this crate; the
//! interpreter crate stays `#![forbid(unsafe_code)]`.

mod convert;
mod error;
mod limits;
mod paused;
mod program;
mod session;
mod tools;

use pyo3::prelude::*;

#[pymodule]
fn _pyward(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<limits::PyLimits>()?;
    m.add_class::<program::PyProgram>()?;
    m.add_class::<program::PyRunResult>()?;
    m.add_class::<program::PyStats>()?;
    m.add_class::<paused::PyPaused>()?;
    m.add_class::<paused::PyCall>()?;
    m.add_class::<session::PySession>()?;
    m.add_class::<convert::PyRepr>()?;
    m.add_function(wrap_pyfunction!(program::run, m)?)?;
    m.add_function(wrap_pyfunction!(paused::load, m)?)?;
    Ok(())
}
