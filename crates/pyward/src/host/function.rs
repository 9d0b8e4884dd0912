//! Host functions: what the embedder declares, what a call looks like, and the sandbox stubs
//! that make a declared function an ordinary Python function.
//!
//! A stub is compiled from `def NAME<signature>: pass` (so argument binding is Python's own,
//! with CPython's TypeErrors), then its body is replaced by the single instruction
//! `HostCall` (see vm/host_call.rs). Stubs are compiled once per process per declaration and
//! shared (`STUBS`); each run evaluates the `def` (defaults are sandbox values) in the
//! namespace where the function lives.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::bytecode::{Code, Const, HostCallKind, Op};
use crate::exc::PyResult;
use crate::host::data::Data;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

/// A function the embedder offers to sandboxed code.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HostFunction {
    /// The Python name (an identifier); unique within a run.
    pub name: String,
    /// Python parameter text such as `(query: str, limit: int = 10) -> list`. Arguments are
    /// bound against it in the sandbox (CPython's TypeErrors) before the host sees them, and
    /// the host gets the bound parameters; defaults are evaluated in the sandbox, annotations
    /// never. Without one, any arguments pass through as given (`(*args, **kwargs)`).
    pub signature: Option<String>,
    /// `__doc__`.
    pub doc: Option<String>,
    /// Calling it returns an awaitable (`await tool(...)`, `asyncio.gather`).
    pub is_async: bool,
    /// Importable from this module (`from tools import search`, `import tools`) instead of
    /// being a builtin-like global.
    pub module: Option<String>,
}

impl HostFunction {
    /// A function taking any arguments, visible as a builtin-like global.
    pub fn new(name: impl Into<String>) -> HostFunction {
        HostFunction {
            name: name.into(),
            ..HostFunction::default()
        }
    }

    /// Set the Python signature text, e.g. `"(query: str, limit: int = 10) -> list"`.
    #[must_use]
    pub fn signature(mut self, signature: impl Into<String>) -> HostFunction {
        self.signature = Some(signature.into());
        self
    }

    /// Set the docstring.
    #[must_use]
    pub fn doc(mut self, doc: impl Into<String>) -> HostFunction {
        self.doc = Some(doc.into());
        self
    }

    /// Make it importable from `module` instead of a global.
    #[must_use]
    pub fn module(mut self, module: impl Into<String>) -> HostFunction {
        self.module = Some(module.into());
        self
    }

    /// Make calls return awaitables.
    #[must_use]
    pub fn is_async(mut self, is_async: bool) -> HostFunction {
        self.is_async = is_async;
        self
    }
}

/// One call of a host function, as plain data.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HostCall {
    /// Unique within the run (or session): the key of the answer in `Paused::resume`.
    pub id: u64,
    /// The function's name (`time.time_ns`/`time.monotonic_ns` for a forwarded clock).
    pub name: String,
    /// Positional arguments (with a signature: every positional parameter, defaults filled
    /// in, then `*args`).
    pub args: Vec<Data>,
    /// Keyword arguments (with a signature: keyword-only parameters, then `**kwargs`).
    pub kwargs: Vec<(String, Data)>,
}

/// The answer to one host call, by the call's id (`Paused::resume`, `Session::resume`).
pub type HostAnswer = (u64, Result<Data, HostError>);

/// An error the embedder answers a host call with. It is raised in the sandbox at the call
/// site: as the builtin exception of that name when there is one (`ValueError`, `KeyError`,
/// `TimeoutError`, ...; subclasses of `Exception` only), else as a subclass of RuntimeError
/// with that name (`HostError` when the name is not an identifier). Only the two strings
/// cross: no host object or host traceback enters the sandbox.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HostError {
    /// The exception type's name.
    pub type_name: String,
    /// `str(exception)`.
    pub message: String,
}

impl HostError {
    /// An error of the named type.
    pub fn new(type_name: impl Into<String>, message: impl Into<String>) -> HostError {
        HostError {
            type_name: type_name.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for HostError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.type_name, self.message)
    }
}

impl std::error::Error for HostError {}

/// Python keywords: not usable as names of inputs, functions or modules.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Whether `s` can name a Python variable.
pub(crate) fn is_name(s: &str) -> bool {
    crate::vm::host_call::is_identifier(s) && !KEYWORDS.contains(&s)
}

/// How many compiled stubs the process keeps (declarations repeat across runs; a cap keeps
/// an embedder that generates signatures from growing the cache without end).
const MAX_CACHED_STUBS: usize = 4096;

type StubKey = (String, Option<String>, Option<String>, HostCallKind);

/// The module code that defines the stub of `f` (compiled once per process).
pub(crate) fn stub_module(f: &HostFunction) -> Result<Arc<Code>, String> {
    static STUBS: OnceLock<Mutex<HashMap<StubKey, Arc<Code>>>> = OnceLock::new();
    let kind = if f.is_async {
        HostCallKind::AsyncFunction
    } else {
        HostCallKind::Function
    };
    let key: StubKey = (f.name.clone(), f.signature.clone(), f.doc.clone(), kind);
    let cache = STUBS.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(code) = cache.lock().ok().and_then(|m| m.get(&key).cloned()) {
        return Ok(code);
    }
    let code = compile_stub(
        &f.name,
        f.signature.as_deref().unwrap_or("(*args, **kwargs)"),
        f.doc.clone(),
        kind,
    )?;
    if let Ok(mut map) = cache.lock() {
        if map.len() >= MAX_CACHED_STUBS {
            map.clear();
        }
        map.insert(key, code.clone());
    }
    Ok(code)
}

/// The name the async stub's template awaits, replaced by `HostCall(AsyncFunction)`.
const ASYNC_PLACEHOLDER: &str = "__pyward_host_future__";

/// Compile `def NAME<sig>: pass` and give the function the body `HostCall(kind)`. The text
/// must be exactly one plain `def` of that name (no decorators, no other statements), so a
/// signature cannot smuggle code in beyond its default values. An async host function is
/// `async def NAME<sig>: return await FUTURE`, where loading FUTURE becomes
/// `HostCall(AsyncFunction)`: the compiler lays out the await loop.
fn compile_stub(
    name: &str,
    sig: &str,
    doc: Option<String>,
    kind: HostCallKind,
) -> Result<Arc<Code>, String> {
    if !is_name(name) {
        return Err(format!("'{name}' is not a valid Python name"));
    }
    let invalid = |why: &str| format!("invalid signature {sig:?}: {why}");
    let plain = format!("def {name}{sig}:\n    pass\n");
    check_single_def(&plain, name).map_err(|why| invalid(&why))?;
    let is_async = kind == HostCallKind::AsyncFunction;
    let src = if is_async {
        format!("async def {name}{sig}:\n    return await {ASYNC_PLACEHOLDER}\n")
    } else {
        plain
    };
    let module = crate::syntax::compile_source(&src, "<host>", false)
        .map_err(|e| invalid(&format!("{}: {}", e.kind, e.msg)))?;
    let mut module = (*module).clone();
    let mut patched = false;
    for c in &mut module.consts {
        if let Const::Code(inner) = c {
            if inner.name == name && !patched {
                let mut body = (**inner).clone();
                if is_async {
                    let load = body.ops.iter().position(|op| {
                        matches!(op, Op::LoadGlobal(i)
                            if body.names.get(*i as usize).is_some_and(|n| n == ASYNC_PLACEHOLDER))
                    });
                    let Some(at) = load else {
                        return Err(invalid("a parameter shadows the stub's internals"));
                    };
                    body.ops[at] = Op::HostCall(kind);
                } else {
                    body.ops = vec![Op::HostCall(kind), Op::ReturnValue];
                    body.lines = vec![body.first_line; 2];
                    body.spans.clear();
                    body.exc_table.clear();
                }
                body.doc = doc.clone();
                *c = Const::Code(Arc::new(body));
                patched = true;
            }
        }
    }
    if !patched {
        return Err(format!("invalid signature {sig:?}"));
    }
    Ok(Arc::new(module))
}

/// The parsed text is exactly `def NAME(...): pass`.
fn check_single_def(src: &str, name: &str) -> Result<(), String> {
    use ruff_python_ast::Stmt;
    let parsed = ruff_python_parser::parse_module(src).map_err(|e| e.to_string())?;
    let body = &parsed.syntax().body;
    match body.as_slice() {
        [Stmt::FunctionDef(def)]
            if def.name.as_str() == name
                && def.decorator_list.is_empty()
                && !def.is_async
                && def.type_params.is_none()
                && matches!(def.body.as_slice(), [Stmt::Pass(_)]) =>
        {
            Ok(())
        }
        _ => Err("it must be a parameter list with an optional return annotation".into()),
    }
}

/// A parameterless stub `NAME()` whose whole body is `HostCall(kind)`: a clock reading
/// (`ClockPolicy::Host`) or the event loop's wait for async host calls.
pub(crate) fn internal_stub(
    vm: &mut Vm,
    name: &str,
    kind: HostCallKind,
    namespace: Value,
) -> PyResult<Value> {
    static INTERNAL: OnceLock<Mutex<HashMap<(String, HostCallKind), Arc<Code>>>> = OnceLock::new();
    let cache = INTERNAL.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (name.to_string(), kind);
    let cached = cache.lock().ok().and_then(|m| m.get(&key).cloned());
    let code = match cached {
        Some(c) => c,
        None => {
            let c = compile_stub(name, "()", None, kind)
                .map_err(|_| crate::exc::RunError::Internal("internal stub does not compile"))?;
            if let Ok(mut map) = cache.lock() {
                map.insert(key, c.clone());
            }
            c
        }
    };
    define(vm, &code, namespace, name)
}

/// Run a stub's module code in `namespace` and return the function it defines.
pub(crate) fn define(
    vm: &mut Vm,
    code: &Arc<Code>,
    namespace: Value,
    name: &str,
) -> PyResult<Value> {
    vm.exec_code(code, namespace)?;
    let key = vm.intern(name)?;
    match vm.dict_get(namespace, key)? {
        Some(f) if matches!(vm.heap.get_obj(f), Some(Object::Function(_))) => Ok(f),
        _ => Err(crate::exc::RunError::Internal(
            "stub did not define its function",
        )),
    }
}
