//! Searching `str` methods: find/rfind/index/rindex/count, startswith/endswith, replace,
//! partition/rpartition, removeprefix/removesuffix (Objects/unicodeobject.c, stringlib).
//!
//! Positions are code points: the window `[start, end)` is clamped with ADJUST_INDICES, mapped to
//! byte offsets once, searched as UTF-8, and a hit's byte offset is mapped back.

use super::{
    adjust_indices, byte_range, char_len, clinic_args, finds_args, one_arg, recv, recv_value,
    slice_bound, ssize_arg,
};
use crate::exc::{self, PyResult, messages::string as msg};
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

/// The substring argument of the find family: "must be str, not X".
fn sub_arg(vm: &Vm, v: Option<Value>) -> PyResult<&str> {
    let v = v.unwrap_or(Value::None);
    vm.str_of(v)
        .ok_or_else(|| exc::type_error(msg::must_be_str(&vm.type_name(v))))
}

/// Where `sub` occurs in the receiver's window, as a code-point index, or -1.
fn find_impl(vm: &Vm, args: &Args, name: &str, reverse: bool) -> PyResult<i64> {
    let s = recv(vm, args, name)?;
    finds_args(args, name)?;
    let sub = sub_arg(vm, args.get(1))?;
    let start = slice_bound(vm, args.get(2))?;
    let end = slice_bound(vm, args.get(3))?;
    let (start, end) = adjust_indices(start, end, s.chars);
    if end < start || end - start < char_len(sub) {
        return Ok(-1);
    }
    let (a, b) = byte_range(s, start, end);
    let window = s.s.get(a..b).unwrap_or("");
    let hit = if reverse {
        window.rfind(sub)
    } else {
        window.find(sub)
    };
    Ok(match hit {
        Some(off) => {
            let before = char_len(window.get(..off).unwrap_or(""));
            i64::try_from(start.saturating_add(before)).unwrap_or(i64::MAX)
        }
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
        -1 => Err(exc::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

pub(super) fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "rindex", true)? {
        -1 => Err(exc::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

pub(super) fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "count")?;
    finds_args(&args, "count")?;
    let sub = sub_arg(vm, args.get(1))?;
    let start = slice_bound(vm, args.get(2))?;
    let end = slice_bound(vm, args.get(3))?;
    let (start, end) = adjust_indices(start, end, s.chars);
    if end < start || end - start < char_len(sub) {
        return Ok(Value::Int(0));
    }
    let n = if sub.is_empty() {
        end - start + 1
    } else {
        let (a, b) = byte_range(s, start, end);
        s.s.get(a..b).unwrap_or("").matches(sub).count()
    };
    Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
}

/// startswith/endswith (stringlib tailmatch), with a str or a tuple of strs.
fn affix(vm: &mut Vm, args: &Args, name: &str, at_end: bool) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    finds_args(args, name)?;
    let start = slice_bound(vm, args.get(2))?;
    let end = slice_bound(vm, args.get(3))?;
    let (start, end) = adjust_indices(start, end, s.chars);
    let window = if start <= end {
        let (a, b) = byte_range(s, start, end);
        Some(s.s.get(a..b).unwrap_or(""))
    } else {
        None
    };
    let test = |p: &str| {
        window.is_some_and(|w| {
            if at_end {
                w.ends_with(p)
            } else {
                w.starts_with(p)
            }
        })
    };
    let arg = vm.builtin_view(args.get(1).unwrap_or(Value::None));
    match vm.heap.get_obj(arg) {
        Some(Object::Str(p)) => Ok(Value::Bool(test(&p.s))),
        Some(Object::Tuple(items)) => {
            for &item in items {
                match vm.str_of(item) {
                    Some(p) => {
                        if test(p) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    None => {
                        return Err(exc::type_error(msg::affix_tuple_item(
                            name,
                            &vm.type_name(item),
                        )));
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        _ => Err(exc::type_error(msg::affix_arg(name, &vm.type_name(arg)))),
    }
}

pub(super) fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "startswith", false)
}

pub(super) fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "endswith", true)
}

pub(super) fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "replace")?;
    clinic_args(&args, "replace", 2, 3)?;
    let str_param = |i: usize, which: &str| {
        let v = args.get(i).unwrap_or(Value::None);
        vm.str_of(v).ok_or_else(|| {
            exc::type_error(msg::argument_must_be_str(
                "replace",
                which,
                &vm.type_name(v),
            ))
        })
    };
    let old = str_param(1, "1")?;
    let new = str_param(2, "2")?;
    let limit = match args.get(3) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let limit = usize::try_from(limit).ok();
    if limit == Some(0) || (old.is_empty() && new.is_empty()) {
        return Ok(recv_value(&args));
    }
    // Refuse amplification before building the result.
    if new.len() > old.len() {
        let found = if old.is_empty() {
            s.chars.saturating_add(1)
        } else {
            s.s.matches(old).count()
        };
        let n = limit.map_or(found, |l| l.min(found));
        let grow = n.saturating_mul(new.len() - old.len());
        vm.heap.account.check_fits(s.s.len().saturating_add(grow))?;
    }
    let out = match limit {
        Some(n) => s.s.replacen(old, new, n),
        None => s.s.replace(old, new),
    };
    vm.new_str(out)
}

/// partition/rpartition: a 3-tuple around the first (last) `sep`.
fn partition_impl(vm: &mut Vm, args: &Args, name: &str, reverse: bool) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    let sep_v = one_arg(args, name)?;
    let Some(sep) = vm.str_of(sep_v) else {
        return Err(exc::type_error(msg::must_be_str(&vm.type_name(sep_v))));
    };
    if sep.is_empty() {
        return Err(exc::value_error("empty separator"));
    }
    let hit = if reverse {
        s.s.rfind(sep)
    } else {
        s.s.find(sep)
    };
    let len = s.s.len();
    let (head, mid, tail) = match hit {
        Some(i) => {
            let j = i.saturating_add(sep.len());
            ((0, i), (i, j), (j, len))
        }
        None if reverse => ((0, 0), (0, 0), (0, len)),
        None => ((0, len), (len, len), (len, len)),
    };
    let src = recv_value(args);
    let mut parts = Vec::with_capacity(3);
    for (a, b) in [head, mid, tail] {
        let t = vm
            .str_of(src)
            .and_then(|t| t.get(a..b))
            .unwrap_or("")
            .to_string();
        parts.push(vm.new_str(t)?);
    }
    vm.new_tuple(parts)
}

pub(super) fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, &args, "partition", false)
}

pub(super) fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, &args, "rpartition", true)
}

/// removeprefix/removesuffix.
fn remove_affix(vm: &mut Vm, args: &Args, name: &str, suffix: bool) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    let a = one_arg(args, name)?;
    let Some(p) = vm.str_of(a) else {
        return Err(exc::type_error(msg::sole_argument_must_be_str(
            name,
            &vm.type_name(a),
        )));
    };
    let rest = if suffix {
        s.s.strip_suffix(p)
    } else {
        s.s.strip_prefix(p)
    };
    match rest {
        Some(r) if !p.is_empty() => {
            let r = r.to_string();
            vm.new_str(r)
        }
        _ => Ok(recv_value(args)),
    }
}

pub(super) fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, &args, "removeprefix", false)
}

pub(super) fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, &args, "removesuffix", true)
}
