//! `pyward.Limits`: the resource limits of a run, with the CLI's safe defaults.
//!
//! Every keyword is optional: a missing one keeps the default of `pyward::Limits::default()`
//! (what the `pyward` command uses), and `None` lifts that limit (except `recursion`).
//! Sizes are bytes as an int or text such as `'64MB'` (binary units, as on the command line).

use std::time::Duration;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyString};
use pyward::host::limits::parse_size;

/// Resource limits for one run (immutable; build a new one to change a field).
#[pyclass(frozen, name = "Limits", module = "pyward")]
#[derive(Clone)]
pub struct PyLimits {
    pub inner: pyward::Limits,
}

#[pymethods]
impl PyLimits {
    #[new]
    #[pyo3(signature = (**kwargs))]
    fn new(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<PyLimits> {
        let mut limits = pyward::Limits::default();
        let Some(kwargs) = kwargs else {
            return Ok(PyLimits { inner: limits });
        };
        for (key, value) in kwargs.iter() {
            let key = key.cast_into::<PyString>()?;
            let key = key.to_str()?;
            let unset = value.is_none();
            match key {
                "duration" => limits.max_duration = if unset { None } else { duration(&value)? },
                "memory" => {
                    limits.max_memory = if unset {
                        usize::MAX
                    } else {
                        size(key, &value)?
                    }
                }
                "allocations" => {
                    limits.max_allocations = if unset { u64::MAX } else { count(key, &value)? }
                }
                "output" => {
                    limits.max_output = if unset {
                        usize::MAX
                    } else {
                        size(key, &value)?
                    }
                }
                "fuel" => {
                    limits.max_fuel = if unset {
                        None
                    } else {
                        Some(count(key, &value)?)
                    }
                }
                "recursion" => {
                    let depth: usize = count(key, &value)?.try_into().unwrap_or(usize::MAX);
                    if depth == 0 {
                        return Err(PyValueError::new_err(
                            "Limits: recursion must be at least 1",
                        ));
                    }
                    limits.max_recursion = depth;
                }
                _ => {
                    return Err(PyTypeError::new_err(format!(
                        "Limits() got an unexpected keyword argument '{key}'"
                    )));
                }
            }
        }
        Ok(PyLimits { inner: limits })
    }

    /// Seconds of wall-clock time, or None.
    #[getter]
    fn duration(&self) -> Option<f64> {
        self.inner.max_duration.map(|d| d.as_secs_f64())
    }

    /// Live sandbox heap bytes, or None.
    #[getter]
    fn memory(&self) -> Option<usize> {
        (self.inner.max_memory != usize::MAX).then_some(self.inner.max_memory)
    }

    /// Heap allocations, or None.
    #[getter]
    fn allocations(&self) -> Option<u64> {
        (self.inner.max_allocations != u64::MAX).then_some(self.inner.max_allocations)
    }

    /// Bytes of printed output, or None.
    #[getter]
    fn output(&self) -> Option<usize> {
        (self.inner.max_output != usize::MAX).then_some(self.inner.max_output)
    }

    /// Calls plus loop iterations, or None.
    #[getter]
    fn fuel(&self) -> Option<u64> {
        self.inner.max_fuel
    }

    /// Python call depth (`RecursionError` beyond it, catchable in the sandbox).
    #[getter]
    fn recursion(&self) -> usize {
        self.inner.max_recursion
    }

    fn __repr__(&self) -> String {
        fn show<T: ToString>(v: Option<T>) -> String {
            v.map_or_else(|| "None".to_string(), |v| v.to_string())
        }
        format!(
            "Limits(duration={}, memory={}, allocations={}, recursion={}, output={}, fuel={})",
            show(self.duration().map(|d| format!("{d:?}"))),
            show(self.memory()),
            show(self.allocations()),
            self.recursion(),
            show(self.output()),
            show(self.fuel()),
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyLimits>().is_ok_and(|o| {
            let (a, b) = (&self.inner, &o.get().inner);
            (a.max_duration, a.max_fuel, a.max_memory, a.max_allocations)
                == (b.max_duration, b.max_fuel, b.max_memory, b.max_allocations)
                && (a.max_recursion, a.max_output) == (b.max_recursion, b.max_output)
        })
    }
}

fn duration(value: &Bound<'_, PyAny>) -> PyResult<Option<Duration>> {
    if value.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(
            "Limits: duration must be seconds (int or float)",
        ));
    }
    let secs: f64 = value
        .extract()
        .map_err(|_| PyTypeError::new_err("Limits: duration must be seconds (int or float)"))?;
    Duration::try_from_secs_f64(secs)
        .map(Some)
        .map_err(|_| PyValueError::new_err(format!("Limits: bad duration {secs}")))
}

fn count(name: &str, value: &Bound<'_, PyAny>) -> PyResult<u64> {
    if value.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "Limits: {name} must be an int"
        )));
    }
    value.extract::<u64>().map_err(|_| {
        if value.is_instance_of::<PyInt>() {
            PyValueError::new_err(format!("Limits: {name} must not be negative"))
        } else {
            PyTypeError::new_err(format!("Limits: {name} must be an int"))
        }
    })
}

fn size(name: &str, value: &Bound<'_, PyAny>) -> PyResult<usize> {
    if let Ok(text) = value.cast::<PyString>() {
        return parse_size(text.to_str()?).ok_or_else(|| {
            let shown = text
                .repr()
                .map_or_else(|_| String::new(), |r| r.to_string());
            PyValueError::new_err(format!("Limits: cannot parse {name} size {shown}"))
        });
    }
    if !value.is_instance_of::<PyInt>() || value.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "Limits: {name} must be bytes: an int or text such as '64MB'"
        )));
    }
    Ok(usize::try_from(count(name, value)?).unwrap_or(usize::MAX))
}
