//! Methods of `set` and `frozenset` (Objects/setobject.c).

use crate::bytecode::BinOp;
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

fn recv(vm: &Vm, args: &Args) -> PyResult<Value> {
    match args.get(0) {
        Some(v)
            if matches!(
                vm.heap.get_obj(v),
                Some(Object::Set(_) | Object::FrozenSet(_))
            ) =>
        {
            Ok(v)
        }
        _ => Err(exc::type_error("descriptor requires a 'set' object")),
    }
}

/// The argument as a set value (converting other iterables).
fn as_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if matches!(
        vm.heap.get_obj(v),
        Some(Object::Set(_) | Object::FrozenSet(_))
    ) {
        Ok(v)
    } else {
        vm.set_from_iterable(v)
    }
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args)?;
    args.arity("set.add", 2, 2)?;
    vm.set_add(s, args.pos[1])?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args)?;
    args.arity("set.remove", 2, 2)?;
    if vm.set_discard(s, args.pos[1])? {
        Ok(Value::None)
    } else {
        Err(exc::key_error(args.pos[1]))
    }
}

fn discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args)?;
    args.arity("set.discard", 2, 2)?;
    vm.set_discard(s, args.pos[1])?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args)?;
    let v = match s.obj().map(|id| vm.heap.get_mut(id)) {
        Some(Object::Set(set)) => set.pop(),
        _ => None,
    };
    v.ok_or_else(|| exc::key_error_msg("pop from an empty set"))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args)?;
    if let Some(id) = s.obj() {
        if let Object::Set(set) = vm.heap.get_mut(id) {
            set.clear();
        }
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args)?;
    // CPython copies through set_merge, which can lay the table out anew.
    match vm.heap.get_obj(s) {
        Some(Object::Set(_)) => {}
        Some(Object::FrozenSet(_)) => return Ok(s),
        _ => return Ok(Value::None),
    }
    let out = vm.new_set()?;
    vm.set_update(out, s)?;
    Ok(out)
}

fn fold(vm: &mut Vm, args: &Args, op: BinOp) -> PyResult<Value> {
    let mut acc = recv(vm, args)?;
    let others: Vec<Value> = args.pos.iter().skip(1).copied().collect();
    if others.is_empty() {
        return vm.set_binop(BinOp::Or, acc, acc);
    }
    for o in others {
        let os = as_set(vm, o)?;
        acc = vm.set_binop(op, acc, os)?;
    }
    Ok(acc)
}

fn union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fold(vm, &args, BinOp::Or)
}

fn intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fold(vm, &args, BinOp::And)
}

fn difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fold(vm, &args, BinOp::Sub)
}

fn symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("symmetric_difference", 2, 2)?;
    fold(vm, &args, BinOp::Xor)
}

fn in_place(vm: &mut Vm, args: &Args, op: BinOp) -> PyResult<Value> {
    let s = recv(vm, args)?;
    let r = fold(vm, args, op)?;
    let new_set = match vm.heap.get_obj(r) {
        Some(Object::Set(x) | Object::FrozenSet(x)) => x.clone(),
        _ => return Ok(Value::None),
    };
    if let Some(id) = s.obj() {
        if let Object::Set(set) = vm.heap.get_mut(id) {
            *set = new_set;
        }
        vm.heap.recharge(id)?;
    }
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args)?;
    for o in args.pos.iter().skip(1) {
        vm.set_update(s, *o)?;
    }
    Ok(Value::None)
}

fn intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    in_place(vm, &args, BinOp::And)
}

fn difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args)?;
    for o in args.pos.iter().skip(1) {
        vm.set_inplace(BinOp::Sub, s, *o)?;
    }
    Ok(Value::None)
}

fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args)?;
    args.arity("symmetric_difference_update", 2, 2)?;
    vm.set_inplace(BinOp::Xor, s, args.pos[1])?;
    Ok(Value::None)
}

fn issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args)?;
    args.arity("issubset", 2, 2)?;
    let o = as_set(vm, args.pos[1])?;
    Ok(Value::Bool(vm.set_is_subset(s, o)?))
}

fn issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args)?;
    args.arity("issuperset", 2, 2)?;
    let o = as_set(vm, args.pos[1])?;
    Ok(Value::Bool(vm.set_is_subset(o, s)?))
}

fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args)?;
    args.arity("isdisjoint", 2, 2)?;
    for v in vm.collect_iterable(args.pos[1])? {
        if vm.set_contains(s, v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
