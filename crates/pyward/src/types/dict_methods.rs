//! Methods of `dict` (Objects/dictobject.c).

use crate::exc::{self, PyResult};
use crate::natives;
use crate::types::object::{DictViewKind, Object};
use crate::value::Value;
use crate::vm::{Args, Vm};

natives! {
    /// `dict` methods.
    DictMethod {
        Get => "get" => get,
        Keys => "keys" => keys,
        Values => "values" => values,
        Items => "items" => items,
        Pop => "pop" => pop,
        Popitem => "popitem" => popitem,
        Setdefault => "setdefault" => setdefault,
        Update => "update" => update,
        Copy => "copy" => copy,
        Clear => "clear" => clear,
    }
}

fn recv(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    match args.get(0) {
        Some(v) if matches!(vm.heap.get_obj(v), Some(Object::Dict(_))) => Ok(v),
        Some(v) => Err(exc::type_error(format!(
            "descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
        None => Err(exc::type_error(format!(
            "unbound method dict.{name}() needs an argument"
        ))),
    }
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "get")?;
    args.method_arity("get", 1, 2)?;
    let key = args.get(1).unwrap_or(Value::None);
    Ok(vm
        .dict_get(d, key)?
        .unwrap_or(args.get(2).unwrap_or(Value::None)))
}

fn keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "keys")?;
    args.method_arity("dict.keys", 0, 0)?;
    vm.dict_view(d, DictViewKind::Keys)
}

fn values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "values")?;
    args.method_arity("dict.values", 0, 0)?;
    vm.dict_view(d, DictViewKind::Values)
}

fn items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "items")?;
    args.method_arity("dict.items", 0, 0)?;
    vm.dict_view(d, DictViewKind::Items)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "pop")?;
    args.method_arity("pop", 1, 2)?;
    let key = args.get(1).unwrap_or(Value::None);
    match vm.dict_remove(d, key)? {
        Some(v) => Ok(v),
        None => args.get(2).ok_or_else(|| exc::key_error(key)),
    }
}

fn popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "popitem")?;
    args.method_arity("dict.popitem", 0, 0)?;
    let e = match d.obj().map(|id| vm.heap.get_mut(id)) {
        Some(Object::Dict(dict)) => dict.pop_last(),
        _ => None,
    };
    match e {
        Some(e) => vm.new_tuple(vec![e.key, e.value]),
        None => Err(exc::key_error_msg("popitem(): dictionary is empty")),
    }
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "setdefault")?;
    args.method_arity("setdefault", 1, 2)?;
    let key = args.get(1).unwrap_or(Value::None);
    if let Some(v) = vm.dict_get(d, key)? {
        return Ok(v);
    }
    let default = args.get(2).unwrap_or(Value::None);
    vm.dict_set(d, key, default)?;
    Ok(default)
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "update")?;
    args.method_arity("update", 0, 1)?;
    if let Some(m) = args.get(1) {
        vm.dict_update(d, m, false)?;
    }
    for (k, v) in args.kw {
        let key = vm.new_str(k)?;
        vm.dict_set(d, key, v)?;
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "copy")?;
    args.method_arity("dict.copy", 0, 0)?;
    let dict = match vm.heap.get_obj(d) {
        Some(Object::Dict(dict)) => dict.clone(),
        _ => return Ok(Value::None),
    };
    vm.alloc(Object::Dict(dict))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "clear")?;
    args.method_arity("dict.clear", 0, 0)?;
    if let Some(id) = d.obj() {
        if let Object::Dict(dict) = vm.heap.get_mut(id) {
            dict.clear();
        }
        vm.heap.recharge(id)?;
    }
    Ok(Value::None)
}
