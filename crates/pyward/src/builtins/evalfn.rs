//! `eval`, `exec`, `compile`, `__import__` and `dir`. Code given to eval/exec is compiled and run
//! inside the same sandbox, with the same limits; it reaches nothing the calling program could not.

use std::sync::Arc;

use crate::bytecode::Code;
use crate::exc::{self, Exc, ExcObj, PyResult, RunError, messages};
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

/// What eval/exec run: source text, or a code object from `compile()`.
enum Source {
    Text(String),
    Code(Arc<Code>),
}

fn source_arg(vm: &Vm, v: Value, fname: &str) -> PyResult<Source> {
    if let Some(s) = vm.str_of(v) {
        return Ok(Source::Text(s.to_string()));
    }
    match vm.heap.get_obj(v) {
        Some(Object::Bytes(b)) => Ok(Source::Text(String::from_utf8_lossy(b).into_owned())),
        Some(Object::CodeRt(c)) => {
            // Only module code runs as a whole: a function's code expects a call's frame.
            if c.code.name != "<module>" {
                return Err(exc::not_implemented_error(format!(
                    "pyward does not support {fname}() of a function's code object yet"
                )));
            }
            Ok(Source::Code(c.code.clone()))
        }
        _ => Err(exc::type_error(format!(
            "{fname}() arg 1 must be a string, bytes or code object"
        ))),
    }
}

fn globals_arg(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match args.get(1) {
        None | Some(Value::None) => Ok(vm.current_globals_value()),
        Some(g) if matches!(vm.heap.get_obj(g), Some(Object::Dict(_))) => Ok(g),
        Some(g) => Err(exc::type_error(format!(
            "globals must be a dict, not {}",
            vm.type_name(g)
        ))),
    }
}

/// The exception for code that does not compile. A SyntaxError carries CPython's args,
/// `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`, from which its
/// attributes are read (a symtable error keeps the tuple apart, in `obj`, as its args are
/// `(msg,)`). Code compiled from a string has no file to read a compiler error's line back
/// from, so its `text` is None, as in CPython.
pub(crate) fn compile_error(
    vm: &mut Vm,
    e: crate::compile::CompileError,
    filename: &str,
) -> RunError {
    match syntax_error_value(vm, e, filename) {
        Ok(v) => match v.obj() {
            Some(id) => RunError::Exc(Box::new(Exc::Obj(id))),
            None => RunError::Internal("syntax error is not an object"),
        },
        Err(err) => err,
    }
}

fn syntax_error_value(
    vm: &mut Vm,
    e: crate::compile::CompileError,
    filename: &str,
) -> PyResult<Value> {
    let ty = BuiltinType::from_name(e.kind).unwrap_or(BuiltinType::SyntaxError);
    let msg = vm.new_str(e.msg)?;
    let args = match e.line {
        Some(line) if ty.is_subtype(BuiltinType::SyntaxError) => {
            let (end_line, end_col) = match e.end {
                Some((l, c)) => (Value::Int(i64::from(l)), Value::Int(i64::from(c))),
                None => (Value::Int(i64::from(line)), Value::None),
            };
            let info = vec![
                vm.new_str(filename)?,
                Value::Int(i64::from(line)),
                e.col.map_or(Value::None, |c| Value::Int(i64::from(c))),
                match e.text {
                    Some(t) => vm.new_str(t)?,
                    None => Value::None,
                },
                end_line,
                end_col,
            ];
            let info = vm.new_tuple(info)?;
            if e.symtable {
                let mut exc = ExcObj::new(Value::Type(ty), vec![msg]);
                exc.obj = info;
                return vm.alloc(Object::Exception(Box::new(exc)));
            }
            vec![msg, info]
        }
        _ => vec![msg],
    };
    vm.alloc(Object::Exception(Box::new(ExcObj::new(
        Value::Type(ty),
        args,
    ))))
}

/// `eval(source, globals=None, locals=None)`.
pub fn eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("eval", 1, 3)?;
    let src = source_arg(vm, args.pos[0], "eval")?;
    let globals = globals_arg(vm, &args)?;
    let code = match src {
        Source::Code(c) => c,
        Source::Text(src) => {
            // CPython strips the leading blanks of eval's source.
            let src = src.trim_start_matches([' ', '\t']);
            crate::syntax::compile_eval(src, "<string>")
                .map_err(|e| compile_error(vm, e, "<string>"))?
        }
    };
    vm.exec_code(&code, globals)
}

/// `exec(source, globals=None, locals=None, *, closure=None)`.
pub fn exec(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if let Some(c) = args.take_kw("closure") {
        if !matches!(c, Value::None) {
            return Err(exc::not_implemented_error(
                "pyward does not support exec() with a closure yet",
            ));
        }
    }
    args.no_kwargs("exec")?;
    args.arity("exec", 1, 3)?;
    let src = source_arg(vm, args.pos[0], "exec")?;
    let globals = globals_arg(vm, &args)?;
    let code = match src {
        Source::Code(c) => c,
        Source::Text(src) => crate::syntax::compile_source(&src, "<string>", false)
            .map_err(|e| compile_error(vm, e, "<string>"))?,
    };
    vm.exec_code(&code, globals)?;
    Ok(Value::None)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`: a code
/// object for exec/eval. Only source text compiles (pyward has no `ast` module), and the
/// code reaches nothing exec of the same text would not.
pub fn compile(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    const PARAMS: [&str; 6] = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    let given = bind_params(
        &mut args,
        "compile",
        PARAMS,
        messages::string::takes_at_most_positional,
    )?;
    let _ = args.take_kw("_feature_version");
    args.no_kwargs("compile")?;
    let [Some(source), Some(filename), Some(mode), flags, ..] = given else {
        let missing = given.iter().take(3).position(Option::is_none).unwrap_or(0);
        return Err(exc::type_error(format!(
            "compile() missing required argument '{}' (pos {})",
            PARAMS.get(missing).unwrap_or(&"source"),
            missing + 1
        )));
    };
    let filename = match vm.str_of(filename) {
        Some(f) => f.to_string(),
        None => match vm.heap.get_obj(filename) {
            Some(Object::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
            _ => {
                return Err(exc::type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    vm.type_name(filename)
                )));
            }
        },
    };
    let Some(mode) = vm.str_of(mode).map(str::to_string) else {
        return Err(exc::type_error(format!(
            "compile() argument 'mode' must be str, not {}",
            vm.type_name(mode)
        )));
    };
    // PyCF_ONLY_AST asks for an AST, which pyward does not have.
    if let Some(Value::Int(f)) = flags {
        if f & 0x400 != 0 {
            return Err(exc::not_implemented_error(
                "pyward does not support compile() to an AST yet",
            ));
        }
    }
    let src = match source_arg(vm, source, "compile") {
        Ok(Source::Text(t)) => t,
        _ => {
            return Err(exc::type_error(
                "compile() arg 1 must be a string, bytes or AST object",
            ));
        }
    };
    let code = match mode.as_str() {
        "exec" => crate::syntax::compile_source(&src, &filename, false),
        "eval" => crate::syntax::compile_eval(src.trim_start_matches([' ', '\t']), &filename),
        "single" => crate::syntax::compile_single(&src, &filename),
        _ => {
            return Err(exc::value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ));
        }
    }
    .map_err(|e| compile_error(vm, e, &filename))?;
    vm.load_code_uncached(&code)
}

/// `args` bound to the optional parameters `params` of the builtin `func`, by position and
/// then by name, as CPython's keyword parsers do: more positionals than parameters is the
/// TypeError `too_many` words (the two parsers word it differently), a parameter given both
/// ways is theirs too. Keywords not among `params` stay in `args`.
fn bind_params<const N: usize>(
    args: &mut Args,
    func: &str,
    params: [&str; N],
    too_many: fn(&str, usize, usize) -> String,
) -> PyResult<[Option<Value>; N]> {
    if args.pos.len() > N {
        return Err(exc::type_error(too_many(func, N, args.pos.len())));
    }
    let mut given: [Option<Value>; N] = [None; N];
    for (slot, v) in given.iter_mut().zip(args.pos.iter()) {
        *slot = Some(*v);
    }
    for (i, (slot, p)) in given.iter_mut().zip(params).enumerate() {
        if let Some(v) = args.take_kw(p) {
            if slot.is_some() {
                return Err(exc::type_error(
                    messages::string::given_by_name_and_position(func, p, i + 1),
                ));
            }
            *slot = Some(v);
        }
    }
    Ok(given)
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: the `import`
/// statement's machinery, so it reaches only the modules an `import` could.
pub fn import(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    const PARAMS: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    let given = bind_params(
        &mut args,
        "__import__",
        PARAMS,
        messages::string::takes_at_most,
    )?;
    args.no_kwargs("__import__")?;
    let [name, globals, _, fromlist, level] = given;
    let Some(name) = name else {
        return Err(exc::type_error(
            "__import__() missing required argument 'name' (pos 1)",
        ));
    };
    let Some(text) = vm.str_of(name).map(str::to_string) else {
        return Err(exc::type_error("module name must be a string"));
    };
    match level.unwrap_or(Value::Int(0)) {
        Value::Int(0) | Value::Bool(false) => {}
        Value::Int(n) if n < 0 => return Err(exc::value_error("level must be >= 0")),
        Value::Int(_) | Value::Bool(true) => {
            // A relative import needs the importing module's globals (import.c
            // `resolve_name`); a sandboxed program is no package.
            let is_dict =
                globals.is_some_and(|g| matches!(vm.heap.get_obj(g), Some(Object::Dict(_))));
            return Err(if is_dict {
                exc::import_error("attempted relative import with no known parent package")
            } else {
                exc::type_error("globals must be a dict")
            });
        }
        other => {
            return Err(exc::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )));
        }
    }
    if text.is_empty() {
        return Err(exc::value_error("Empty module name"));
    }
    let module = vm.import_module(name)?;
    let with_fromlist = match fromlist {
        Some(f) => vm.truthy(f)?,
        None => false,
    };
    // `__import__('a.b')` returns the package `a` unless a fromlist asks for `a.b` itself.
    match text.split_once('.') {
        Some((top, _)) if !with_fromlist => {
            let top = vm.new_str(top)?;
            vm.import_module(top)
        }
        _ => Ok(module),
    }
}

/// `dir([obj])`: sorted attribute names.
pub fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("dir", 0, 1)?;
    let names = match args.get(0) {
        None => {
            let g = vm.current_locals()?;
            let mut names = Vec::new();
            add_dict_names(vm, g, &mut names)?;
            names.sort();
            names.dedup();
            names
        }
        Some(v) => match vm.call_dunder(v, "__dir__", &[])? {
            // `dir(obj)` is `sorted(type(obj).__dir__(obj))`.
            Some(r) => {
                let items = vm.collect_iterable(r)?;
                let rooted = vm.new_list(items.clone())?;
                vm.temp_roots.push(rooted);
                let sorted = crate::builtins::sort::sort_values(vm, items, Value::None, false);
                vm.temp_roots.pop();
                return vm.new_list(sorted?);
            }
            None => dir_names(vm, v)?,
        },
    };
    let mut vals = Vec::with_capacity(names.len());
    for n in names {
        vals.push(vm.new_str(n)?);
    }
    vm.new_list(vals)
}

fn add_dict_names(vm: &mut Vm, d: Value, names: &mut Vec<String>) -> PyResult<()> {
    for (k, _) in vm.dict_items(d)? {
        if let Some(s) = vm.str_of(k) {
            names.push(s.to_string());
        }
    }
    Ok(())
}

/// `dir(v)` as sorted names: a module's namespace; otherwise the instance dict and the
/// attributes along the class's MRO.
pub(crate) fn dir_names(vm: &mut Vm, v: Value) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    match vm.heap.get_obj(v) {
        Some(Object::Module(m)) => {
            let d = m.dict;
            add_dict_names(vm, d, &mut names)?;
            names.sort();
            return Ok(names);
        }
        Some(Object::Instance(i)) if !matches!(i.dict, Value::None) => {
            let d = i.dict;
            add_dict_names(vm, d, &mut names)?;
        }
        _ => {}
    }
    let cls = if vm.is_user_class(v) || matches!(v, Value::Type(_)) {
        v
    } else {
        vm.type_of(v)
    };
    let slots = vm.intern("__slots__")?;
    for c in vm.mro_of(cls) {
        if let Some(Object::Class(cl)) = vm.heap.get_obj(c) {
            let d = cl.dict;
            add_dict_names(vm, d, &mut names)?;
            // CPython keeps `__qualname__` out of the class dict and gives a class without
            // `__slots__` `__dict__` and `__weakref__` descriptors.
            names.retain(|n| n != "__qualname__");
            if vm.dict_get(d, slots)?.is_none() {
                names.extend(["__dict__".to_string(), "__weakref__".to_string()]);
            }
        } else if let Value::Type(t) = c {
            names.extend(
                crate::builtins::method_names(t)
                    .into_iter()
                    .map(str::to_string),
            );
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
}
