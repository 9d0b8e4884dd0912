//! Values across the boundary: Python objects <-> `pyward::Data`.
//!
//! Going in (inputs, host-function results, resume values) only plain data converts: None,
//! bool, int, float, str, bytes/bytearray, list, tuple, dict, set, frozenset, and subclasses
//! of these. Anything else is a `TypeError` naming the path of the offending value, e.g.
//! `inputs['cfg']['items'][2]: cannot convert 'object'`. Coming out, a sandbox value that is
//! not plain data arrives as `pyward.Repr` (its type name and repr text).
//!
//! Both directions recurse, bounded by `MAX_DATA_DEPTH` (pyward's own bound on values coming
//! out), so a deep or self-containing Python value is an error, never a stack overflow.

use std::fmt::Write as _;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyString,
    PyTuple,
};
use pyward::host::MAX_DATA_DEPTH;
use pyward::{BigInt, Data};

/// How many path segments an error message shows.
const MAX_PATH_SHOWN: usize = 12;

/// A sandbox value that is not plain data: its type name and `repr()` as computed in the
/// sandbox. Equal and hashable by both, so it can be a dict key or set element.
#[pyclass(frozen, eq, hash, name = "Repr", module = "pyward")]
#[derive(PartialEq, Eq, Hash)]
pub struct PyRepr {
    /// `type(value).__name__` in the sandbox.
    #[pyo3(get)]
    type_name: String,
    /// `repr(value)` in the sandbox.
    #[pyo3(get)]
    repr: String,
}

#[pymethods]
impl PyRepr {
    #[new]
    fn new(type_name: String, repr: String) -> PyRepr {
        PyRepr { type_name, repr }
    }

    fn __repr__(&self) -> String {
        self.repr.clone()
    }
}

/// Where conversion failed: the path from the root (outermost first once finished) and why.
pub struct ConvertError {
    /// Path segments, innermost first while unwinding.
    path: Vec<String>,
    reason: Reason,
}

enum Reason {
    /// A value of this type name is not plain data.
    Type(String),
    /// Deeper than `MAX_DATA_DEPTH` (or a container that contains itself).
    Depth,
    /// Python raised while reading the value (e.g. a failing `__iter__` of a subclass).
    Python(PyErr),
}

impl ConvertError {
    fn at(mut self, segment: String) -> ConvertError {
        self.path.push(segment);
        self
    }

    /// The Python exception, with the path under `root` (e.g. `inputs['cfg']`).
    pub fn into_pyerr(self, root: &str) -> PyErr {
        let mut where_ = root.to_string();
        // A too-deep value has a path as long as MAX_DATA_DEPTH: show its start only.
        for segment in self.path.iter().rev().take(MAX_PATH_SHOWN) {
            where_.push_str(segment);
        }
        if self.path.len() > MAX_PATH_SHOWN {
            where_.push_str("...");
        }
        match self.reason {
            Reason::Type(name) => {
                PyTypeError::new_err(format!("{where_}: cannot convert '{name}'"))
            }
            Reason::Depth => PyValueError::new_err(format!(
                "{where_}: nested deeper than {MAX_DATA_DEPTH} levels (or contains itself)"
            )),
            Reason::Python(e) => e,
        }
    }

    /// `root: cannot convert 'T'` as one line, for errors raised inside the sandbox.
    pub fn message(self, py: Python<'_>, root: &str) -> String {
        let err = self.into_pyerr(root);
        err.value(py)
            .str()
            .map_or_else(|_| root.to_string(), |s| s.to_string())
    }
}

impl From<PyErr> for ConvertError {
    fn from(e: PyErr) -> ConvertError {
        ConvertError {
            path: Vec::new(),
            reason: Reason::Python(e),
        }
    }
}

/// Convert a Python value to `Data`.
pub fn to_data(obj: &Bound<'_, PyAny>) -> Result<Data, ConvertError> {
    to_data_at(obj, 0)
}

fn to_data_at(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Data, ConvertError> {
    if obj.is_none() {
        return Ok(Data::None);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Data::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(match obj.extract::<i64>() {
            Ok(i) => Data::Int(i),
            Err(_) => Data::BigInt(obj.extract::<BigInt>()?),
        });
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(Data::Float(f.value()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Data::Str(s.to_str()?.to_owned()));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Data::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Data::Bytes(b.to_vec()));
    }
    let depth = depth.saturating_add(1);
    let too_deep = depth > MAX_DATA_DEPTH;
    let deeper = |item: &Bound<'_, PyAny>| -> Result<Data, ConvertError> {
        if too_deep {
            return Err(ConvertError {
                path: Vec::new(),
                reason: Reason::Depth,
            });
        }
        to_data_at(item, depth)
    };
    if let Ok(list) = obj.cast::<PyList>() {
        let mut items = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            items.push(deeper(&item).map_err(|e| e.at(format!("[{i}]")))?);
        }
        return Ok(Data::List(items));
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        let mut items = Vec::with_capacity(tuple.len());
        for (i, item) in tuple.iter().enumerate() {
            items.push(deeper(&item).map_err(|e| e.at(format!("[{i}]")))?);
        }
        return Ok(Data::Tuple(items));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut items = Vec::with_capacity(dict.len());
        for (i, (key, value)) in dict.iter().enumerate() {
            let k = deeper(&key).map_err(|e| e.at(format!(" (key #{i})")))?;
            let v = deeper(&value).map_err(|e| e.at(format!("[{}]", short_repr(&key))))?;
            items.push((k, v));
        }
        return Ok(Data::Dict(items));
    }
    if let Ok(set) = obj.cast::<PySet>() {
        let mut items = Vec::with_capacity(set.len());
        for item in set.iter() {
            items.push(deeper(&item).map_err(|e| e.at(" (a set element)".to_string()))?);
        }
        return Ok(Data::Set(items));
    }
    if let Ok(set) = obj.cast::<PyFrozenSet>() {
        let mut items = Vec::with_capacity(set.len());
        for item in set.iter() {
            items.push(deeper(&item).map_err(|e| e.at(" (a frozenset element)".to_string()))?);
        }
        return Ok(Data::FrozenSet(items));
    }
    Err(ConvertError {
        path: Vec::new(),
        reason: Reason::Type(type_name(obj)),
    })
}

/// `repr(key)` for a path segment, cut short when long.
fn short_repr(key: &Bound<'_, PyAny>) -> String {
    let text = key
        .repr()
        .map_or_else(|_| format!("<{}>", type_name(key)), |r| r.to_string());
    if text.chars().count() <= 60 {
        return text;
    }
    let mut cut: String = text.chars().take(57).collect();
    let _ = write!(cut, "...");
    cut
}

/// Python's `repr()` of a str (`'name'`), for messages.
pub fn str_repr(py: Python<'_>, s: &str) -> String {
    PyString::new(py, s)
        .repr()
        .map_or_else(|_| format!("'{s}'"), |r| r.to_string())
}

/// `type(obj).__name__`.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string())
}

/// Convert `Data` to a Python value.
pub fn to_py<'py>(py: Python<'py>, data: &Data) -> PyResult<Bound<'py, PyAny>> {
    Ok(match data {
        Data::None => py.None().into_bound(py),
        Data::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Data::Int(i) => i.into_pyobject(py)?.into_any(),
        Data::BigInt(b) => b.into_pyobject(py)?.into_any(),
        Data::Float(f) => PyFloat::new(py, *f).into_any(),
        Data::Str(s) => PyString::new(py, s).into_any(),
        Data::Bytes(b) => PyBytes::new(py, b).into_any(),
        Data::List(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Data::Tuple(items) => {
            let items = items
                .iter()
                .map(|item| to_py(py, item))
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, items)?.into_any()
        }
        Data::Dict(items) => {
            let dict = PyDict::new(py);
            for (k, v) in items {
                dict.set_item(to_py(py, k)?, to_py(py, v)?)?;
            }
            dict.into_any()
        }
        Data::Set(items) => {
            let set = PySet::empty(py)?;
            for item in items {
                set.add(to_py(py, item)?)?;
            }
            set.into_any()
        }
        Data::FrozenSet(items) => {
            let items = items
                .iter()
                .map(|item| to_py(py, item))
                .collect::<PyResult<Vec<_>>>()?;
            PyFrozenSet::new(py, items)?.into_any()
        }
        Data::Repr { type_name, repr } => Bound::new(
            py,
            PyRepr {
                type_name: type_name.clone(),
                repr: repr.clone(),
            },
        )?
        .into_any(),
    })
}
