//! Splitting and joining `bytes` methods: split/rsplit (stringlib/split.h), splitlines, join
//! (stringlib/join.h) and strip/lstrip/rstrip (`do_xstrip`, `do_argstrip`).
//!
//! Whitespace is ASCII `Py_ISSPACE`; line breaks are only \n, \r and \r\n.

use super::{
    arg, buffer, buffer_arg, clinic_args, is_space, kw_params, new_like, one_arg, recv, ssize_arg,
};
use crate::exc::{self, PyResult, messages::bytes as msg};
use crate::value::Value;
use crate::vm::{Args, Vm};

/// The `(sep, maxsplit)` arguments of split/rsplit; maxsplit < 0 means no limit.
fn split_args(vm: &Vm, args: &Args, name: &str) -> PyResult<(Option<Vec<u8>>, usize)> {
    let [sep, maxsplit] = kw_params(args, name, ["sep", "maxsplit"])?;
    let max = match maxsplit {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let max = usize::try_from(max).unwrap_or(usize::MAX);
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = buffer_arg(vm, v)?;
            if s.is_empty() {
                return Err(exc::value_error("empty separator"));
            }
            Some(s)
        }
    };
    Ok((sep, max))
}

/// Ranges of whitespace-separated words, at most `max` splits, from the left or right.
fn split_whitespace(b: &[u8], max: usize, reverse: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut splits = 0usize;
    if reverse {
        let mut end = b.len();
        loop {
            while end > 0 && b.get(end - 1).copied().is_some_and(is_space) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            if splits == max {
                out.push((0, end));
                break;
            }
            let mut start = end;
            while start > 0 && b.get(start - 1).copied().is_some_and(|c| !is_space(c)) {
                start -= 1;
            }
            out.push((start, end));
            splits = splits.saturating_add(1);
            end = start;
        }
        out.reverse();
    } else {
        let mut start = 0usize;
        loop {
            while b.get(start).copied().is_some_and(is_space) {
                start += 1;
            }
            if start >= b.len() {
                break;
            }
            if splits == max {
                out.push((start, b.len()));
                break;
            }
            let mut end = start;
            while b.get(end).copied().is_some_and(|c| !is_space(c)) {
                end += 1;
            }
            out.push((start, end));
            splits = splits.saturating_add(1);
            start = end;
        }
    }
    out
}

/// Ranges between occurrences of `sep`, at most `max` splits, from the left or right.
fn split_sep(b: &[u8], sep: &[u8], max: usize, reverse: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut splits = 0usize;
    let n = sep.len();
    if reverse {
        let mut end = b.len();
        let mut i = end;
        while splits < max && i >= n {
            if b.get(i - n..i) == Some(sep) {
                out.push((i, end));
                i -= n;
                end = i;
                splits = splits.saturating_add(1);
            } else {
                i -= 1;
            }
        }
        out.push((0, end));
        out.reverse();
    } else {
        let mut start = 0usize;
        let mut i = 0usize;
        while splits < max && i.saturating_add(n) <= b.len() {
            if b.get(i..i.saturating_add(n)) == Some(sep) {
                out.push((start, i));
                i = i.saturating_add(n);
                start = i;
                splits = splits.saturating_add(1);
            } else {
                i += 1;
            }
        }
        out.push((start, b.len()));
    }
    out
}

/// A list of new bytes/bytearrays, one per range of `b`.
fn parts(vm: &mut Vm, b: &[u8], is_array: bool, ranges: &[(usize, usize)]) -> PyResult<Value> {
    let mut vals = Vec::with_capacity(ranges.len());
    for &(x, y) in ranges {
        let part = b.get(x..y).unwrap_or(&[]).to_vec();
        vals.push(new_like(vm, is_array, part)?);
    }
    vm.new_list(vals)
}

fn split_impl(vm: &mut Vm, args: &Args, name: &str, reverse: bool) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, name)?;
    let (sep, max) = split_args(vm, args, name)?;
    let ranges = match sep {
        None => split_whitespace(&b, max, reverse),
        Some(s) => split_sep(&b, &s, max, reverse),
    };
    parts(vm, &b, is_array, &ranges)
}

pub(super) fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, &args, "split", false)
}

pub(super) fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, &args, "rsplit", true)
}

pub(super) fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, is_array) = recv(vm, &args, "splitlines")?;
    let [keep] = kw_params(&args, "splitlines", ["keepends"])?;
    let keep = match keep {
        None => false,
        Some(v @ Value::Float(_)) => {
            return Err(exc::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )));
        }
        Some(v) => ssize_arg(vm, v)? != 0,
    };
    let mut ranges = Vec::new();
    let mut i = 0usize;
    let mut start = 0usize;
    while let Some(&c) = b.get(i) {
        if c == b'\n' || c == b'\r' {
            let mut eol = i.saturating_add(1);
            if c == b'\r' && b.get(eol) == Some(&b'\n') {
                eol = eol.saturating_add(1);
            }
            ranges.push((start, if keep { eol } else { i }));
            start = eol;
            i = eol;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        ranges.push((start, b.len()));
    }
    parts(vm, &b, is_array, &ranges)
}

pub(super) fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sep, is_array) = recv(vm, &args, "join")?;
    let it = one_arg(&args, is_array, "join")?;
    let items = vm.collect_iterable(it).map_err(|e| {
        if e.is_new(crate::types::BuiltinType::TypeError) {
            exc::type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (i, &item) in items.iter().enumerate() {
        match buffer(vm, item) {
            Some(p) => total = total.saturating_add(p.len()),
            None => {
                return Err(exc::type_error(msg::join_item(i, &vm.type_name(item))));
            }
        }
    }
    vm.heap.account.check_fits(total)?;
    let mut out = Vec::with_capacity(total);
    for (i, &item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(buffer(vm, item).unwrap_or(&[]));
    }
    new_like(vm, is_array, out)
}

/// strip/lstrip/rstrip with optional bytes of characters to strip (default whitespace).
fn strip_impl(vm: &mut Vm, args: &Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, name)?;
    clinic_args(args, is_array, name, 0, 1)?;
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer_arg(vm, v)?),
    };
    let strip = |c: u8| match &chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let mut start = 0usize;
    let mut end = b.len();
    if left {
        while start < end && b.get(start).copied().is_some_and(strip) {
            start += 1;
        }
    }
    if right {
        while end > start && b.get(end - 1).copied().is_some_and(strip) {
            end -= 1;
        }
    }
    if !is_array && start == 0 && end == b.len() {
        return arg(args, 0);
    }
    let out = b.get(start..end).unwrap_or(&[]).to_vec();
    new_like(vm, is_array, out)
}

pub(super) fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, &args, "strip", true, true)
}

pub(super) fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, &args, "lstrip", true, false)
}

pub(super) fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, &args, "rstrip", false, true)
}
