//! Host tools: Python callables offered to sandboxed code as host functions.
//!
//! Each callable is declared with the signature text, docstring and async flag that
//! `pyward._describe.declaration` reads from it (cached per function), so the sandbox binds
//! arguments by Python's rules before the host sees them. A dotted name (`'tools.search'`)
//! makes the function importable from that module. Calls arrive as `HostCall`s; exceptions
//! a tool raises go back as `HostError` (type name and message only: no host object or
//! traceback enters the sandbox).

use pyo3::exceptions::{PyException, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyMapping, PyString, PyTuple};
use pyward::{Data, HostCall, HostError, HostFunction};

use crate::convert::{str_repr, to_data, to_py, type_name};
use crate::program::{HostFailure, record};

/// One tool: the name the sandbox calls and the Python callable (None when only declared,
/// for pause mode).
pub struct Tool {
    pub name: String,
    pub func: Option<Py<PyAny>>,
    pub declaration: HostFunction,
    pub is_async: bool,
}

/// The tools of a run, in declaration order.
#[derive(Default)]
pub struct Tools {
    pub tools: Vec<Tool>,
}

static DECLARATION: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

impl Tools {
    /// Read `functions`: a mapping `{name: callable}` or an iterable of callables (or, when
    /// `names_allowed`, of names: declared without a signature, for pause mode).
    pub fn from_py(functions: Option<&Bound<'_, PyAny>>, names_allowed: bool) -> PyResult<Tools> {
        let Some(functions) = functions.filter(|f| !f.is_none()) else {
            return Ok(Tools::default());
        };
        let py = functions.py();
        let mut tools = Tools::default();
        if let Ok(mapping) = functions.cast::<PyMapping>() {
            for item in mapping.items()?.iter() {
                let (key, func) = item.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()?;
                let name = key.cast::<PyString>().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "functions: keys must be names (str), not '{}'",
                        type_name(&key)
                    ))
                })?;
                let func = if func.is_none() && names_allowed {
                    None
                } else {
                    Some(func)
                };
                tools.push(py, name.to_str()?, func)?;
            }
            return Ok(tools);
        }
        for item in functions.try_iter()? {
            let item = item?;
            if let Ok(name) = item.cast::<PyString>() {
                if !names_allowed {
                    return Err(PyTypeError::new_err(format!(
                        "functions: {} is a name, not a callable (names alone are for start())",
                        str_repr(py, name.to_str()?)
                    )));
                }
                tools.push(py, name.to_str()?, None)?;
                continue;
            }
            let name: String =
                item.getattr("__name__")
                    .and_then(|n| n.extract())
                    .map_err(|_| {
                        PyTypeError::new_err(format!(
                            "functions: cannot tell the name of a '{}' object: pass a dict",
                            type_name(&item)
                        ))
                    })?;
            tools.push(py, &name, Some(item))?;
        }
        Ok(tools)
    }

    fn push(
        &mut self,
        py: Python<'_>,
        full_name: &str,
        func: Option<Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let (module, name) = match full_name.rsplit_once('.') {
            Some((module, name)) => (Some(module), name),
            None => (None, full_name),
        };
        let mut declaration = HostFunction::new(name);
        if let Some(module) = module {
            declaration = declaration.module(module);
        }
        let mut is_async = false;
        if let Some(func) = &func {
            if !func.is_callable() {
                return Err(PyTypeError::new_err(format!(
                    "functions[{}]: '{}' object is not callable",
                    str_repr(py, full_name),
                    type_name(func)
                )));
            }
            let declare = DECLARATION.get_or_try_init(py, || {
                py.import("pyward._describe")?
                    .getattr("declaration")
                    .map(Bound::unbind)
            })?;
            let (signature, doc, asynchronous): (Option<String>, Option<String>, bool) =
                declare.call1(py, (func,))?.extract(py)?;
            if let Some(signature) = signature {
                declaration = declaration.signature(signature);
            }
            if let Some(doc) = doc {
                declaration = declaration.doc(doc);
            }
            declaration = declaration.is_async(asynchronous);
            is_async = asynchronous;
        }
        self.tools.push(Tool {
            name: name.to_string(),
            func: func.map(Bound::unbind),
            declaration,
            is_async,
        });
        Ok(())
    }

    /// The declarations to put in `RunOptions`.
    pub fn declarations(&self) -> impl Iterator<Item = HostFunction> + '_ {
        self.tools.iter().map(|t| t.declaration.clone())
    }

    fn find(&self, name: &str) -> Option<&Tool> {
        self.tools.iter().find(|t| t.name == name)
    }

    /// Answer a host call by calling the tool (callback mode; the caller is attached).
    /// A `BaseException` that is not an `Exception` (KeyboardInterrupt, SystemExit) is kept in
    /// `fatal` to re-raise on the host once the run ends; the sandbox sees a `HostError`.
    pub fn call(
        &self,
        py: Python<'_>,
        call: &HostCall,
        fatal: &HostFailure,
    ) -> Result<Data, HostError> {
        let Some(tool) = self.find(&call.name) else {
            return Err(HostError::new(
                "NotImplementedError",
                format!("host function '{}' has no implementation", call.name),
            ));
        };
        if tool.is_async {
            return Err(HostError::new(
                "RuntimeError",
                format!(
                    "host function '{}' is async: run this code with pyward.run_async() or \
                     Session.run_async()",
                    call.name
                ),
            ));
        }
        let Some(func) = tool.func.as_ref() else {
            return Err(HostError::new(
                "NotImplementedError",
                format!("host function '{}' has no implementation", call.name),
            ));
        };
        let result =
            call_args(py, call).and_then(|(args, kwargs)| func.bind(py).call(args, Some(&kwargs)));
        match result {
            Ok(value) => to_data(&value).map_err(|e| {
                HostError::new(
                    "TypeError",
                    e.message(py, &format!("{}() return value", call.name)),
                )
            }),
            Err(err) => Err(host_error(py, err, fatal)),
        }
    }
}

/// The Python arguments of a host call.
pub fn call_args<'py>(
    py: Python<'py>,
    call: &HostCall,
) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
    let args = call
        .args
        .iter()
        .map(|a| to_py(py, a))
        .collect::<PyResult<Vec<_>>>()?;
    let kwargs = PyDict::new(py);
    for (k, v) in &call.kwargs {
        kwargs.set_item(k, to_py(py, v)?)?;
    }
    Ok((PyTuple::new(py, args)?, kwargs))
}

/// The `HostError` for an exception raised on the host: its type name and `str()`.
pub fn host_error(py: Python<'_>, err: PyErr, fatal: &HostFailure) -> HostError {
    let value = err.value(py);
    let answer = exception_answer(value);
    if !err.is_instance_of::<PyException>(py) {
        record(fatal, err);
    }
    answer
}

/// The `HostError` for an exception instance (or class) given as an answer.
pub fn exception_answer(exc: &Bound<'_, PyAny>) -> HostError {
    if let Ok(cls) = exc.cast::<pyo3::types::PyType>() {
        let name = cls
            .name()
            .map_or_else(|_| "Exception".to_string(), |n| n.to_string());
        return HostError::new(name, "");
    }
    let message = exception_message(exc);
    HostError::new(type_name(exc), message)
}

/// `str(exc)`, except for a KeyError of one str argument: its `args[0]`, since the sandbox
/// re-creates the exception from the message and `str(KeyError('k'))` is `"'k'"`.
fn exception_message(exc: &Bound<'_, PyAny>) -> String {
    if exc.is_instance_of::<pyo3::exceptions::PyKeyError>()
        && let Ok((arg,)) = exc.getattr("args").and_then(|a| a.extract::<(String,)>())
    {
        return arg;
    }
    exc.str().map_or_else(|_| String::new(), |s| s.to_string())
}
