//! Methods of `set` and `frozenset` (Objects/setobject.c `set_methods`, `frozenset_methods`).
//!
//! The algebra itself lives in `vm::ops::setops`, which follows CPython's algorithms so that
//! results iterate in CPython's order. Arity errors use the `set.name()` wording of METH_O and
//! METH_NOARGS methods.

use crate::exc::{self, PyResult};
use crate::natives;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

natives! {
    /// `set` / `frozenset` methods.
    SetMethod {
        Add => "add" => add,
        Remove => "remove" => remove,
        Discard => "discard" => discard,
        Pop => "pop" => pop,
        Clear => "clear" => clear,
        Copy => "copy" => copy,
        Union => "union" => union,
        Intersection => "intersection" => intersection,
        Difference => "difference" => difference,
        SymmetricDifference => "symmetric_difference" => symmetric_difference,
        Update => "update" => update,
        IntersectionUpdate => "intersection_update" => intersection_update,
        DifferenceUpdate => "difference_update" => difference_update,
        SymmetricDifferenceUpdate => "symmetric_difference_update" => symmetric_difference_update,
        Issubset => "issubset" => issubset,
        Issuperset => "issuperset" => issuperset,
        Isdisjoint => "isdisjoint" => isdisjoint,
    }
}

/// Whether a method exists on frozenset too (the non-mutating ones).
pub fn is_frozen_method(m: SetMethod) -> bool {
    matches!(
        m,
        SetMethod::Copy
            | SetMethod::Union
            | SetMethod::Intersection
            | SetMethod::Difference
            | SetMethod::SymmetricDifference
            | SetMethod::Issubset
            | SetMethod::Issuperset
            | SetMethod::Isdisjoint
    )
}

/// The receiver and the method's qualified name (`set.add`, `frozenset.union`).
fn recv(vm: &Vm, args: &Args, name: &str, mutating: bool) -> PyResult<(Value, String)> {
    let owner = "set";
    match args.get(0) {
        Some(v) => match vm.heap.get_obj(v) {
            Some(Object::Set(_)) => Ok((v, format!("set.{name}"))),
            Some(Object::FrozenSet(_)) if !mutating => Ok((v, format!("frozenset.{name}"))),
            _ => Err(exc::type_error(format!(
                "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))),
        },
        None => Err(exc::type_error(format!(
            "unbound method {owner}.{name}() needs an argument"
        ))),
    }
}

/// METH_NOARGS: no arguments besides the receiver, no keywords.
fn no_args(args: &Args, qual: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(exc::type_error(format!(
            "{qual}() takes no keyword arguments"
        )));
    }
    let n = args.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(exc::type_error(format!(
            "{qual}() takes no arguments ({n} given)"
        )));
    }
    Ok(())
}

/// METH_O: exactly one argument besides the receiver, no keywords.
fn one_arg(args: &Args, qual: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(exc::type_error(format!(
            "{qual}() takes no keyword arguments"
        )));
    }
    match args.pos.as_slice() {
        [_, v] => Ok(*v),
        _ => Err(exc::type_error(format!(
            "{qual}() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        ))),
    }
}

/// METH_VARARGS: any number of arguments, no keywords.
fn var_args<'a>(args: &'a Args, qual: &str) -> PyResult<&'a [Value]> {
    if !args.kw.is_empty() {
        return Err(exc::type_error(format!(
            "{qual}() takes no keyword arguments"
        )));
    }
    Ok(args.pos.get(1..).unwrap_or(&[]))
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "add", true)?;
    let v = one_arg(&args, &q)?;
    vm.set_add(s, v)?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "remove", true)?;
    let v = one_arg(&args, &q)?;
    if vm.set_discard(s, v)? {
        Ok(Value::None)
    } else {
        Err(exc::key_error(v))
    }
}

fn discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "discard", true)?;
    let v = one_arg(&args, &q)?;
    vm.set_discard(s, v)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "pop", true)?;
    no_args(&args, &q)?;
    let v = match s.obj().map(|id| vm.heap.get_mut(id)) {
        Some(Object::Set(set)) => set.pop(),
        _ => None,
    };
    v.ok_or_else(|| exc::key_error_msg("pop from an empty set"))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "clear", true)?;
    no_args(&args, &q)?;
    if let Some(id) = s.obj() {
        if let Object::Set(set) = vm.heap.get_mut(id) {
            set.clear();
        }
        vm.heap.recharge(id)?;
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "copy", false)?;
    no_args(&args, &q)?;
    if vm.is_frozenset(s) {
        // CPython `frozenset_copy`: an exact frozenset is returned as is.
        return Ok(s);
    }
    vm.set_copy(s)
}

fn union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "union", false)?;
    let others = var_args(&args, &q)?;
    vm.set_union(s, others)
}

fn intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "intersection", false)?;
    let others = var_args(&args, &q)?;
    vm.set_intersection_multi(s, others)
}

fn difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "difference", false)?;
    let others = var_args(&args, &q)?;
    vm.set_difference_multi(s, others)
}

fn symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "symmetric_difference", false)?;
    let o = one_arg(&args, &q)?;
    vm.set_symmetric_difference(s, o)
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "update", true)?;
    for &o in var_args(&args, &q)? {
        vm.set_update(s, o)?;
    }
    Ok(Value::None)
}

fn intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "intersection_update", true)?;
    let others = var_args(&args, &q)?;
    let r = vm.set_intersection_multi(s, others)?;
    vm.set_replace_body(s, r)?;
    Ok(Value::None)
}

fn difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "difference_update", true)?;
    for &o in var_args(&args, &q)? {
        vm.set_difference_update(s, o)?;
    }
    Ok(Value::None)
}

fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "symmetric_difference_update", true)?;
    let o = one_arg(&args, &q)?;
    vm.set_symmetric_difference_update(s, o)?;
    Ok(Value::None)
}

fn issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "issubset", false)?;
    let o = one_arg(&args, &q)?;
    Ok(Value::Bool(vm.set_issubset_any(s, o)?))
}

fn issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "issuperset", false)?;
    let o = one_arg(&args, &q)?;
    Ok(Value::Bool(vm.set_issuperset_any(s, o)?))
}

fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, q) = recv(vm, &args, "isdisjoint", false)?;
    let o = one_arg(&args, &q)?;
    Ok(Value::Bool(vm.set_isdisjoint(s, o)?))
}
