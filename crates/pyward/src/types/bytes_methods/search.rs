//! Searching `bytes` methods: find/rfind/index/rindex/count (with a bytes-like or int
//! needle), startswith/endswith, replace, partition/rpartition, removeprefix/removesuffix
//! (Objects/bytes_methods.c, stringlib/find.h, stringlib/transmogrify.h).

use super::{
    adjust_indices, arg, buffer, buffer_arg, byte_value, clinic_args, nargs, new_like, no_kw,
    one_arg, recv, slice_bound, ssize_arg, to_i64,
};
use crate::exc::{self, PyResult, messages::bytes as msg, messages::string as smsg};
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

/// The needle of the find family: bytes-like, or an int that must be a byte value.
fn needle(vm: &Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(vm, v) {
        return Ok(b.to_vec());
    }
    if vm.to_index(v).is_some() || crate::vm::ops::int::to_big(vm, v).is_some() {
        return byte_value(vm, v).map(|b| vec![b]);
    }
    Err(exc::type_error(msg::int_or_bytes_like(&vm.type_name(v))))
}

/// The "finds" argument parser: `find() takes at least 1 argument (0 given)`.
fn finds_args(args: &Args, is_array: bool, name: &str) -> PyResult<()> {
    no_kw(args, is_array, name)?;
    let n = nargs(args);
    if n < 1 {
        return Err(exc::type_error(smsg::takes_at_least(name, 1, n)));
    }
    if n > 3 {
        return Err(exc::type_error(smsg::takes_at_most(name, 3, n)));
    }
    Ok(())
}

/// Position of `sub` in `hay`, first or last.
fn search(hay: &[u8], sub: &[u8], reverse: bool) -> Option<usize> {
    if sub.is_empty() {
        return Some(if reverse { hay.len() } else { 0 });
    }
    if sub.len() > hay.len() {
        return None;
    }
    let mut it = hay.windows(sub.len());
    if reverse {
        it.rposition(|w| w == sub)
    } else {
        it.position(|w| w == sub)
    }
}

/// Non-overlapping occurrences of a non-empty `sub`, left to right.
fn occurrences(hay: &[u8], sub: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0usize;
    while let Some(rest) = hay.get(i..) {
        match search(rest, sub, false) {
            Some(off) if !sub.is_empty() => {
                out.push(i.saturating_add(off));
                i = i.saturating_add(off).saturating_add(sub.len());
            }
            _ => break,
        }
    }
    out
}

/// Where the needle occurs in the receiver's window, or -1.
fn find_impl(vm: &Vm, args: &Args, name: &str, reverse: bool) -> PyResult<i64> {
    let (b, is_array) = recv(vm, args, name)?;
    finds_args(args, is_array, name)?;
    let sub = needle(vm, arg(args, 1)?)?;
    let start = slice_bound(vm, args.get(2))?;
    let end = slice_bound(vm, args.get(3))?;
    let (start, end) = adjust_indices(start, end, b.len());
    if end < start || end - start < sub.len() {
        return Ok(-1);
    }
    let window = b.get(start..end).unwrap_or(&[]);
    Ok(match search(window, &sub, reverse) {
        Some(off) => to_i64(start.saturating_add(off)),
        None => -1,
    })
}

pub(super) fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_impl(vm, &args, "find", false).map(Value::Int)
}

pub(super) fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_impl(vm, &args, "rfind", true).map(Value::Int)
}

pub(super) fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "index", false)? {
        -1 => Err(exc::value_error(msg::subsection_not_found())),
        i => Ok(Value::Int(i)),
    }
}

pub(super) fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "rindex", true)? {
        -1 => Err(exc::value_error(msg::subsection_not_found())),
        i => Ok(Value::Int(i)),
    }
}

pub(super) fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, is_array) = recv(vm, &args, "count")?;
    finds_args(&args, is_array, "count")?;
    let sub = needle(vm, arg(&args, 1)?)?;
    let start = slice_bound(vm, args.get(2))?;
    let end = slice_bound(vm, args.get(3))?;
    let (start, end) = adjust_indices(start, end, b.len());
    if end < start || end - start < sub.len() {
        return Ok(Value::Int(0));
    }
    let n = if sub.is_empty() {
        end - start + 1
    } else {
        occurrences(b.get(start..end).unwrap_or(&[]), &sub).len()
    };
    Ok(Value::Int(to_i64(n)))
}

/// startswith/endswith (`_Py_bytes_tailmatch`), with a bytes-like or a tuple of them.
fn affix(vm: &mut Vm, args: &Args, name: &str, at_end: bool) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, name)?;
    finds_args(args, is_array, name)?;
    let start = slice_bound(vm, args.get(2))?;
    let end = slice_bound(vm, args.get(3))?;
    let (start, end) = adjust_indices(start, end, b.len());
    let window = (start <= end).then(|| b.get(start..end).unwrap_or(&[]));
    let test = |p: &[u8]| {
        window.is_some_and(|w| {
            if at_end {
                w.ends_with(p)
            } else {
                w.starts_with(p)
            }
        })
    };
    let a = arg(args, 1)?;
    if let Some(p) = buffer(vm, a) {
        return Ok(Value::Bool(test(p)));
    }
    if let Some(Object::Tuple(items)) = vm.heap.get_obj(a) {
        for &item in items {
            match buffer(vm, item) {
                Some(p) => {
                    if test(p) {
                        return Ok(Value::Bool(true));
                    }
                }
                None => {
                    return Err(exc::type_error(msg::bytes_like_required(
                        &vm.type_name(item),
                    )));
                }
            }
        }
        return Ok(Value::Bool(false));
    }
    Err(exc::type_error(msg::affix_arg(name, &vm.type_name(a))))
}

pub(super) fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "startswith", false)
}

pub(super) fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "endswith", true)
}

pub(super) fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, is_array) = recv(vm, &args, "replace")?;
    clinic_args(&args, is_array, "replace", 2, 3)?;
    let old = buffer_arg(vm, arg(&args, 1)?)?;
    let new = buffer_arg(vm, arg(&args, 2)?)?;
    let limit = match args.get(3) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    // Positions where `new` goes: between bytes for an empty `old`, else each occurrence.
    let mut hits = if old.is_empty() {
        let n = b.len().saturating_add(1).min(limit);
        let grown = n
            .checked_mul(new.len())
            .ok_or_else(exc::RunError::memory_limit)?;
        vm.heap.account.check_fits(grown.saturating_add(b.len()))?;
        (0..n).collect::<Vec<usize>>()
    } else {
        occurrences(&b, &old)
    };
    hits.truncate(limit);
    let removed = hits.len().saturating_mul(old.len());
    let added = hits
        .len()
        .checked_mul(new.len())
        .ok_or_else(exc::RunError::memory_limit)?;
    let total = b
        .len()
        .saturating_sub(removed)
        .checked_add(added)
        .ok_or_else(exc::RunError::memory_limit)?;
    vm.heap.account.check_fits(total)?;
    let mut out = Vec::with_capacity(total);
    let mut prev = 0usize;
    for h in hits {
        out.extend_from_slice(b.get(prev..h).unwrap_or(&[]));
        out.extend_from_slice(&new);
        prev = h.saturating_add(old.len());
    }
    out.extend_from_slice(b.get(prev.min(b.len())..).unwrap_or(&[]));
    new_like(vm, is_array, out)
}

/// partition/rpartition: a 3-tuple split at the first or last `sep`.
fn partition_impl(vm: &mut Vm, args: &Args, name: &str, reverse: bool) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, name)?;
    let sep = buffer_arg(vm, one_arg(args, is_array, name)?)?;
    if sep.is_empty() {
        return Err(exc::value_error("empty separator"));
    }
    let parts: [Vec<u8>; 3] = match search(&b, &sep, reverse) {
        Some(i) => [
            b.get(..i).unwrap_or(&[]).to_vec(),
            sep.clone(),
            b.get(i.saturating_add(sep.len())..).unwrap_or(&[]).to_vec(),
        ],
        None if reverse => [Vec::new(), Vec::new(), b],
        None => [b, Vec::new(), Vec::new()],
    };
    let mut vals = Vec::with_capacity(3);
    for p in parts {
        vals.push(new_like(vm, is_array, p)?);
    }
    vm.new_tuple(vals)
}

pub(super) fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, &args, "partition", false)
}

pub(super) fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, &args, "rpartition", true)
}

/// removeprefix/removesuffix: a copy without the affix, if present.
fn remove_affix(vm: &mut Vm, args: &Args, name: &str, suffix: bool) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, name)?;
    let a = buffer_arg(vm, one_arg(args, is_array, name)?)?;
    let out = if suffix {
        b.strip_suffix(a.as_slice()).unwrap_or(&b).to_vec()
    } else {
        b.strip_prefix(a.as_slice()).unwrap_or(&b).to_vec()
    };
    if !is_array && out.len() == b.len() {
        return Ok(args.get(0).unwrap_or(Value::None));
    }
    new_like(vm, is_array, out)
}

pub(super) fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, &args, "removeprefix", false)
}

pub(super) fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, &args, "removesuffix", true)
}
