//! `bytearray`-only mutators (Objects/bytearrayobject.c): append, extend, pop, insert,
//! remove, reverse, clear, copy. Growth is re-charged to the heap only when the buffer's
//! capacity changes, so appends stay amortised O(1).

use super::{
    arg, buffer, byte_value, clinic_args, new_like, no_args, one_arg, recv, ssize_arg, to_i64,
};
use crate::exc::{self, PyResult, messages::bytes as msg};
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

/// Mutate the receiving bytearray in place, then re-charge it if its capacity changed.
pub(crate) fn with_array<R>(
    vm: &mut Vm,
    target: Value,
    f: impl FnOnce(&mut Vec<u8>) -> R,
) -> PyResult<R> {
    let Some(id) = target.obj() else {
        return Err(exc::RunError::Internal("bytearray mutator on a non-object"));
    };
    let (r, grew) = match vm.heap.get_mut(id) {
        Object::ByteArray(b) => {
            let before = b.capacity();
            let r = f(b);
            (r, b.capacity() != before)
        }
        _ => {
            return Err(exc::RunError::Internal(
                "bytearray mutator on a non-bytearray",
            ));
        }
    };
    if grew {
        vm.heap.recharge(id)?;
    }
    Ok(r)
}

pub(super) fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, &args, "append")?;
    let byte = byte_value(vm, one_arg(&args, true, "append")?)?;
    with_array(vm, arg(&args, 0)?, |b| b.push(byte))?;
    Ok(Value::None)
}

/// The bytes an iterable of ints (or a bytes-like object) supplies to extend or assignment.
pub(crate) fn int_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(vm, v) {
        return Ok(b.to_vec());
    }
    let items = vm.collect_iterable(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        out.push(byte_value(vm, it)?);
    }
    Ok(out)
}

pub(super) fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, &args, "extend")?;
    let v = one_arg(&args, true, "extend")?;
    if vm.str_of(v).is_none() && buffer(vm, v).is_none() && vm.get_iter(v).is_err() {
        return Err(exc::type_error(msg::cannot_extend(&vm.type_name(v))));
    }
    let more = int_bytes(vm, v)?;
    vm.heap.account.check_fits(more.len())?;
    with_array(vm, arg(&args, 0)?, |b| b.extend_from_slice(&more))?;
    Ok(Value::None)
}

pub(super) fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, _) = recv(vm, &args, "pop")?;
    clinic_args(&args, true, "pop", 0, 1)?;
    let i = match args.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    if b.is_empty() {
        return Err(exc::index_error("pop from empty bytearray"));
    }
    let n = to_i64(b.len());
    let j = if i < 0 { i.saturating_add(n) } else { i };
    let Some(j) = usize::try_from(j).ok().filter(|&j| j < b.len()) else {
        return Err(exc::index_error("pop index out of range"));
    };
    let byte = with_array(vm, arg(&args, 0)?, |b| {
        if j < b.len() { b.remove(j) } else { 0 }
    })?;
    Ok(Value::Int(i64::from(byte)))
}

pub(super) fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, _) = recv(vm, &args, "insert")?;
    clinic_args(&args, true, "insert", 2, 2)?;
    let i = ssize_arg(vm, arg(&args, 1)?)?;
    let byte = byte_value(vm, arg(&args, 2)?)?;
    let n = to_i64(b.len());
    let j = if i < 0 {
        i.saturating_add(n).max(0)
    } else {
        i.min(n)
    };
    let j = usize::try_from(j).unwrap_or(0);
    with_array(vm, arg(&args, 0)?, |b| b.insert(j.min(b.len()), byte))?;
    Ok(Value::None)
}

pub(super) fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, _) = recv(vm, &args, "remove")?;
    let byte = byte_value(vm, one_arg(&args, true, "remove")?)?;
    let Some(j) = b.iter().position(|&c| c == byte) else {
        return Err(exc::value_error("value not found in bytearray"));
    };
    with_array(vm, arg(&args, 0)?, |b| {
        if j < b.len() {
            b.remove(j);
        }
    })?;
    Ok(Value::None)
}

pub(super) fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, &args, "reverse")?;
    no_args(&args, true, "reverse")?;
    with_array(vm, arg(&args, 0)?, |b| b.reverse())?;
    Ok(Value::None)
}

pub(super) fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, &args, "clear")?;
    no_args(&args, true, "clear")?;
    with_array(vm, arg(&args, 0)?, |b| *b = Vec::new())?;
    Ok(Value::None)
}

pub(super) fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, _) = recv(vm, &args, "copy")?;
    no_args(&args, true, "copy")?;
    new_like(vm, true, b)
}
