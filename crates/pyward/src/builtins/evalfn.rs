//! `eval`, `exec` and `dir`. Code given to eval/exec is compiled and run inside the same
//! sandbox, with the same limits; it reaches nothing the calling program could not.

use crate::exc::{self, Exc, ExcObj, PyResult, RunError};
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

fn source_arg(vm: &Vm, v: Value, fname: &str) -> PyResult<String> {
    if let Some(s) = vm.str_of(v) {
        return Ok(s.to_string());
    }
    match vm.heap.get_obj(v) {
        Some(Object::Bytes(b)) => Ok(String::from_utf8_lossy(b).into_owned()),
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
/// `(msg,)`); a compiler error's `text` is read back from the source only when it came from
/// a file, as CPython's `PyErr_ProgramTextObject` does.
pub(crate) fn compile_error(
    vm: &mut Vm,
    e: crate::compile::CompileError,
    filename: &str,
    source: &str,
) -> RunError {
    match syntax_error_value(vm, e, filename, source) {
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
    source: &str,
) -> PyResult<Value> {
    let ty = BuiltinType::from_name(e.kind).unwrap_or(BuiltinType::SyntaxError);
    let msg = vm.new_str(e.msg)?;
    let args = match e.line {
        Some(line) if ty.is_subtype(BuiltinType::SyntaxError) => {
            let text = match e.text {
                Some(t) => Some(t),
                None if !filename.starts_with('<') => source
                    .split_inclusive('\n')
                    .nth(line.saturating_sub(1) as usize)
                    .map(str::to_string),
                None => None,
            };
            let (end_line, end_col) = match e.end {
                Some((l, c)) => (Value::Int(i64::from(l)), Value::Int(i64::from(c))),
                None => (Value::Int(i64::from(line)), Value::None),
            };
            let info = vec![
                vm.new_str(filename)?,
                Value::Int(i64::from(line)),
                e.col.map_or(Value::None, |c| Value::Int(i64::from(c))),
                match text {
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
    let src = src.trim_start();
    let code = crate::syntax::compile_eval(src, "<string>")
        .map_err(|e| compile_error(vm, e, "<string>", src))?;
    vm.exec_code(&code, globals)
}

/// `exec(source, globals=None, locals=None)`.
pub fn exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("exec", 1, 3)?;
    let src = source_arg(vm, args.pos[0], "exec")?;
    let globals = globals_arg(vm, &args)?;
    let code = crate::syntax::compile_source(&src, "<string>", false)
        .map_err(|e| compile_error(vm, e, "<string>", &src))?;
    vm.exec_code(&code, globals)?;
    Ok(Value::None)
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
        Some(v) => dir_names(vm, v)?,
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
