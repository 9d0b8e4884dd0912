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
    args.arity("get", 2, 3)?;
    let key = args.pos[1];
    Ok(vm
        .dict_get(d, key)?
        .unwrap_or(args.get(2).unwrap_or(Value::None)))
}

fn keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "keys")?;
    vm.dict_view(d, DictViewKind::Keys)
}

fn values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "values")?;
    vm.dict_view(d, DictViewKind::Values)
}

fn items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "items")?;
    vm.dict_view(d, DictViewKind::Items)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "pop")?;
    args.arity("pop", 2, 3)?;
    let key = args.pos[1];
    match vm.dict_remove(d, key)? {
        Some(v) => Ok(v),
        None => args.get(2).ok_or_else(|| exc::key_error(key)),
    }
}

fn popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "popitem")?;
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
    args.arity("setdefault", 2, 3)?;
    let key = args.pos[1];
    if let Some(v) = vm.dict_get(d, key)? {
        return Ok(v);
    }
    let default = args.get(2).unwrap_or(Value::None);
    vm.dict_set(d, key, default)?;
    Ok(default)
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "update")?;
    args.arity("update", 1, 2)?;
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
    let dict = match vm.heap.get_obj(d) {
        Some(Object::Dict(dict)) => dict.clone(),
        _ => return Ok(Value::None),
    };
    vm.alloc(Object::Dict(dict))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = recv(vm, &args, "clear")?;
    if let Some(id) = d.obj() {
        if let Object::Dict(dict) = vm.heap.get_mut(id) {
            dict.clear();
        }
        vm.heap.recharge(id)?;
    }
    Ok(Value::None)
}
