//! Standard-library modules: written in Rust (`math.rs`, ...) or in sandboxed Python bundled
//! with pyward (`py/*.py`, compiled once per process and run in a fresh module namespace).
//!
//! `create` builds a module object by name, or returns None so the import fails with
//! ModuleNotFoundError. Recipe for a new module: a Python module goes in `py/NAME.py` plus a
//! line in `PYTHON_MODULES`; a Rust module is `NAME.rs` with a `natives!` table, a
//! `Native::Module` arm in builtins/mod.rs, and a line in `create`.

pub mod binascii;
pub(crate) mod bundled;
pub mod cmath;
pub mod hashlib;
pub mod json;
pub mod math;
pub mod pyward_host;
pub mod random;
pub mod re;
pub mod sandbox;

use crate::exc::PyResult;
use crate::types::dict::Dict;
use crate::types::object::{Module, Object};
use crate::value::Value;
use crate::vm::Vm;

/// Bundled Python-source modules: (name, source).
const PYTHON_MODULES: &[(&str, &str)] = &[
    ("string", include_str!("py/string.py")),
    ("operator", include_str!("py/operator.py")),
    ("functools", include_str!("py/functools.py")),
    ("itertools", include_str!("py/itertools.py")),
    ("heapq", include_str!("py/heapq.py")),
    ("bisect", include_str!("py/bisect.py")),
    ("collections", include_str!("py/collections.py")),
    ("_collections_abc", include_str!("py/_collections_abc.py")),
    ("collections.abc", include_str!("py/collections_abc.py")),
    ("textwrap", include_str!("py/textwrap.py")),
    ("statistics", include_str!("py/statistics.py")),
    ("copy", include_str!("py/copy.py")),
    ("contextlib", include_str!("py/contextlib.py")),
    ("abc", include_str!("py/abc.py")),
    ("typing", include_str!("py/typing.py")),
    ("types", include_str!("py/types.py")),
    ("__future__", include_str!("py/__future__.py")),
    ("dataclasses", include_str!("py/dataclasses.py")),
    ("enum", include_str!("py/enum.py")),
    ("random", include_str!("py/random.py")),
    ("json", include_str!("py/json.py")),
    ("re", include_str!("py/re.py")),
    ("sys", include_str!("py/sys.py")),
    ("time", include_str!("py/time.py")),
    ("datetime", include_str!("py/datetime.py")),
    ("_strptime", include_str!("py/_strptime.py")),
    ("_datetime_delta", include_str!("py/_datetime_delta.py")),
    ("io", include_str!("py/io.py")),
    ("csv", include_str!("py/csv.py")),
    ("hashlib", include_str!("py/hashlib.py")),
    ("hmac", include_str!("py/hmac.py")),
    ("binascii", include_str!("py/binascii.py")),
    ("base64", include_str!("py/base64.py")),
    ("urllib", include_str!("py/urllib.py")),
    ("html", include_str!("py/html.py")),
    ("fractions", include_str!("py/fractions.py")),
    ("uuid", include_str!("py/uuid.py")),
    ("decimal", include_str!("py/decimal.py")),
    ("_decimal_math", include_str!("py/_decimal_math.py")),
    ("pprint", include_str!("py/pprint.py")),
    ("logging", include_str!("py/logging.py")),
    ("difflib", include_str!("py/difflib.py")),
    ("html.entities", include_str!("py/html_entities.py")),
    ("urllib.parse", include_str!("py/urllib_parse.py")),
    ("asyncio", include_str!("py/asyncio.py")),
    (
        "asyncio.exceptions",
        include_str!("py/asyncio_exceptions.py"),
    ),
    ("asyncio.events", include_str!("py/asyncio_events.py")),
    ("asyncio.tasks", include_str!("py/asyncio_tasks.py")),
    ("asyncio.locks", include_str!("py/asyncio_locks.py")),
    ("asyncio.queues", include_str!("py/asyncio_queues.py")),
    ("inspect", include_str!("py/inspect.py")),
    ("traceback", include_str!("py/traceback.py")),
];

/// Build the module `name`, if pyward has it.
pub fn create(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    if PYTHON_MODULES.iter().any(|(n, _)| *n == name) {
        return load_python(vm, name).map(Some);
    }
    let m = match name {
        "math" => math::create(vm)?,
        "cmath" => cmath::create(vm)?,
        "_random" => random::create(vm)?,
        "_json" => json::create(vm)?,
        "_re" => re::create(vm)?,
        "_sandbox" => sandbox::create(vm)?,
        "_hashlib" => hashlib::create(vm)?,
        "_binascii" => binascii::create(vm)?,
        "_pyward_host" => pyward_host::create(vm)?,
        _ => return Ok(None),
    };
    Ok(Some(m))
}

/// Rust-implemented modules (`create` builds them).
const RUST_MODULES: &[&str] = &[
    "math",
    "cmath",
    "_random",
    "_json",
    "_re",
    "_sandbox",
    "_hashlib",
    "_binascii",
];

/// The modules pyward provides that are packages in CPython 3.11 (a directory with
/// `__init__.py`), whatever submodules pyward has of them.
const CPYTHON_PACKAGES: &[&str] = &[
    "asyncio",
    "collections",
    "concurrent",
    "email",
    "html",
    "http",
    "importlib",
    "json",
    "logging",
    "re",
    "unittest",
    "urllib",
    "xml",
];

/// Whether `name` is a module pyward provides that CPython does not make a package, so
/// importing `name.x` fails with "'name' is not a package".
pub(crate) fn is_plain_module(name: &str) -> bool {
    let mut provided = PYTHON_MODULES
        .iter()
        .map(|(n, _)| *n)
        .chain(RUST_MODULES.iter().copied());
    provided.any(|n| n == name) && !CPYTHON_PACKAGES.contains(&name)
}

/// Whether `name` is (or is the package of) a module pyward provides, so an embedder's host
/// module may not take it.
pub fn is_standard(name: &str) -> bool {
    let top = name.split('.').next().unwrap_or(name);
    PYTHON_MODULES
        .iter()
        .map(|(n, _)| *n)
        .chain(RUST_MODULES.iter().copied())
        .any(|n| n == name || n.split('.').next() == Some(top))
}

/// A new, empty module object.
pub fn new_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let dict = vm.alloc(Object::Dict(Dict::new()))?;
    let key = vm.intern("__name__")?;
    let n = vm.new_str(name)?;
    vm.dict_set(dict, key, n)?;
    vm.alloc(Object::Module(Module {
        name: name.to_string(),
        dict,
    }))
}

/// Set `module.name = value`.
pub fn set_attr(vm: &mut Vm, module: Value, name: &str, value: Value) -> PyResult<()> {
    let dict = match vm.heap.get_obj(module) {
        Some(Object::Module(m)) => m.dict,
        _ => return Err(crate::exc::RunError::Internal("set_attr on a non-module")),
    };
    let key = vm.intern(name)?;
    vm.dict_set(dict, key, value)
}

fn load_python(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let code = bundled::compiled(name)?;
    let module = new_module(vm, name)?;
    // Register before running so circular imports see the partial module.
    vm.modules.insert(name.to_string(), module);
    let dict = match vm.heap.get_obj(module) {
        Some(Object::Module(m)) => m.dict,
        _ => Value::None,
    };
    if let Err(e) = vm.exec_code(&code, dict) {
        vm.modules.remove(name);
        return Err(e);
    }
    Ok(module)
}
