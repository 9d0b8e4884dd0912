//! Object builtins: repr, ascii, isinstance, issubclass, hash, id, callable, attribute
//! functions, format, vars/globals/locals.

use crate::exc::{self, PyResult};
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

/// `repr(obj)`.
pub fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("repr", 1, 1)?;
    let s = vm.repr(args.pos[0])?;
    vm.new_str(s)
}

/// `ascii(obj)`.
pub fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("ascii", 1, 1)?;
    let s = vm.ascii(args.pos[0])?;
    vm.new_str(s)
}

fn class_check(
    vm: &mut Vm,
    cls: Value,
    f: &mut dyn FnMut(&mut Vm, Value) -> PyResult<bool>,
    fname: &str,
) -> PyResult<bool> {
    if let Some(Object::Tuple(items)) = vm.heap.get_obj(cls) {
        let items = items.clone();
        for c in items {
            if class_check(vm, c, f, fname)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !matches!(cls, Value::Type(_)) && !vm.is_user_class(cls) {
        let (one, many) = if fname == "issubclass" {
            ("class", "classes")
        } else {
            ("type", "types")
        };
        return Err(exc::type_error(format!(
            "{fname}() arg 2 must be a {one}, a tuple of {many}, or a union"
        )));
    }
    f(vm, cls)
}

/// `type(cls).__instancecheck__` / `__subclasscheck__` of a second argument that is neither
/// a class nor a tuple (a `types.UnionType`, a generic alias): None when it has none.
fn check_hook(vm: &mut Vm, cls: Value, hook: &str, v: Value) -> PyResult<Option<bool>> {
    if matches!(cls, Value::Type(_))
        || vm.is_user_class(cls)
        || matches!(vm.heap.get_obj(cls), Some(Object::Tuple(_)))
        || !vm.is_user_instance(cls)
    {
        return Ok(None);
    }
    match vm.call_dunder(cls, hook, &[v])? {
        Some(r) => Ok(Some(vm.truthy(r)?)),
        None => Ok(None),
    }
}

/// The `__instancecheck__`/`__subclasscheck__` that a user metaclass of class `cls` defines
/// (`ABCMeta`'s), called with `v` as PyObject_IsInstance/IsSubclass do: None when the
/// metaclass is `type` or does not define it.
fn meta_hook(vm: &mut Vm, cls: Value, hook: &str, v: Value) -> PyResult<Option<bool>> {
    if !vm.is_user_class(cls) {
        return Ok(None);
    }
    let meta = vm.metaclass_of(cls);
    if !vm.is_user_class(meta) {
        return Ok(None);
    }
    let Some(f) = vm.class_lookup(meta, hook)? else {
        return Ok(None);
    };
    if !matches!(vm.heap.get_obj(f), Some(Object::Function(_))) {
        return Ok(None);
    }
    let r = vm.call(f, &[cls, v])?;
    Ok(Some(vm.truthy(r)?))
}

/// `isinstance(obj, cls)`.
pub fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("isinstance", 2, 2)?;
    if let Some(r) = check_hook(vm, args.pos[1], "__instancecheck__", args.pos[0])? {
        return Ok(Value::Bool(r));
    }
    let (obj, t) = (args.pos[0], vm.type_of(args.pos[0]));
    let r = class_check(
        vm,
        args.pos[1],
        &mut |vm, c| {
            // An exact type match never consults the metaclass (PyObject_IsInstance).
            if t.is(c) {
                return Ok(true);
            }
            Ok(match meta_hook(vm, c, "__instancecheck__", obj)? {
                Some(r) => r,
                None => vm.is_subclass(t, c),
            })
        },
        "isinstance",
    )?;
    Ok(Value::Bool(r))
}

/// `issubclass(cls, base)`.
pub fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("issubclass", 2, 2)?;
    let c = args.pos[0];
    if let Some(r) = check_hook(vm, args.pos[1], "__subclasscheck__", c)? {
        return Ok(Value::Bool(r));
    }
    if !matches!(c, Value::Type(_)) && !vm.is_user_class(c) {
        return Err(exc::type_error("issubclass() arg 1 must be a class"));
    }
    let r = class_check(
        vm,
        args.pos[1],
        &mut |vm, b| {
            Ok(match meta_hook(vm, b, "__subclasscheck__", c)? {
                Some(r) => r,
                None => vm.is_subclass(c, b),
            })
        },
        "issubclass",
    )?;
    Ok(Value::Bool(r))
}

/// `hash(obj)`.
pub fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("hash", 1, 1)?;
    Ok(Value::Int(vm.hash(args.pos[0])?))
}

/// `id(obj)`: a stable number per object within the run (no host addresses).
pub fn id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("id", 1, 1)?;
    let v = args.pos[0];
    Ok(Value::Int(match v {
        Value::Obj(o) => 0x10_0000 + i64::from(o.0) * 16,
        other => vm.hash(other).unwrap_or(0) & 0xffff_ffff,
    }))
}

/// `exit(code=None)` and `quit(code=None)` (the `site` module's): raise `SystemExit(code)`.
pub fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("exit", 0, 1)?;
    Err(crate::exc::RunError::with_value(
        BuiltinType::SystemExit,
        args.get(0).unwrap_or(Value::None),
    ))
}

/// `callable(obj)`.
pub fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("callable", 1, 1)?;
    let v = args.pos[0];
    Ok(Value::Bool(match v {
        Value::Type(_) | Value::Native(_) => true,
        Value::Obj(_) => match vm.heap.get_obj(v) {
            Some(Object::Function(_) | Object::BoundMethod(_) | Object::Class(_)) => true,
            Some(Object::Instance(_)) => vm.user_dunder(v, "__call__")?.is_some(),
            _ => false,
        },
        _ => false,
    }))
}

fn attr_name(vm: &Vm, v: Value) -> PyResult<Value> {
    if vm.str_of(v).is_some() {
        Ok(v)
    } else {
        Err(exc::type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        )))
    }
}

/// `getattr(obj, name[, default])`.
pub fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("getattr", 2, 3)?;
    let name = attr_name(vm, args.pos[1])?;
    match vm.getattr(args.pos[0], name) {
        Ok(v) => Ok(v),
        Err(e) if vm.is_exception_of(&e, crate::types::BuiltinType::AttributeError) => {
            match args.get(2) {
                Some(d) => Ok(d),
                None => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

/// `setattr(obj, name, value)`.
pub fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("setattr", 3, 3)?;
    let name = attr_name(vm, args.pos[1])?;
    vm.setattr(args.pos[0], name, args.pos[2])?;
    Ok(Value::None)
}

/// `hasattr(obj, name)`.
pub fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("hasattr", 2, 2)?;
    let name = attr_name(vm, args.pos[1])?;
    match vm.getattr(args.pos[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.is_exception_of(&e, crate::types::BuiltinType::AttributeError) => {
            Ok(Value::Bool(false))
        }
        Err(e) => Err(e),
    }
}

/// `delattr(obj, name)`.
pub fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("delattr", 2, 2)?;
    let name = attr_name(vm, args.pos[1])?;
    vm.delattr(args.pos[0], name)?;
    Ok(Value::None)
}

/// `format(value[, spec])`.
pub fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("format", 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => match vm.str_of(s) {
            Some(t) => t.to_string(),
            None => {
                return Err(exc::type_error(format!(
                    "format() argument 2 must be str, not {}",
                    vm.type_name(s)
                )));
            }
        },
        None => String::new(),
    };
    let out = vm.format(args.pos[0], &spec)?;
    vm.new_str(out)
}

/// `vars([obj])`.
pub fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("vars", 0, 1)?;
    match args.get(0) {
        None => vm.current_locals(),
        Some(v) => match vm.heap.get_obj(v) {
            Some(Object::Module(m)) => Ok(m.dict),
            Some(Object::Function(f)) if !matches!(f.dict, Value::None) => Ok(f.dict),
            Some(Object::Instance(i)) if !matches!(i.dict, Value::None) => {
                let (cls, dict) = (i.class, i.dict);
                if vm.slot_names(cls)?.is_some() {
                    return Err(exc::type_error(
                        "vars() argument must have __dict__ attribute",
                    ));
                }
                Ok(dict)
            }
            Some(Object::Class(c)) => {
                let d = c.dict;
                vm.class_dict_view(d)
            }
            Some(Object::Exception(e)) if !matches!(e.dict, Value::None) => Ok(e.dict),
            _ => Err(exc::type_error(
                "vars() argument must have __dict__ attribute",
            )),
        },
    }
}

/// `globals()`.
pub fn globals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("globals", 0, 0)?;
    Ok(vm.current_globals())
}

/// `locals()`: the globals at module level; a snapshot dict of the locals in a function.
pub fn locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("locals", 0, 0)?;
    vm.current_locals()
}
