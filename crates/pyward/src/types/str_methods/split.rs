//! Splitting and joining `str` methods: split/rsplit (stringlib/split.h), splitlines, join
//! (`_PyUnicode_JoinArray`) and strip/lstrip/rstrip (`do_strip`, `do_argstrip`).
//!
//! Whitespace is CPython's `Py_UNICODE_ISSPACE` (types::unicode::is_space), not Rust's.
//! Results are computed as byte ranges of the receiver, then allocated.

use super::{kw_params, nargs, no_kw, recv, recv_value, ssize_arg, str_parts};
use crate::exc::{self, PyResult, messages::string as msg};
use crate::types::unicode::{is_linebreak, is_space};
use crate::value::Value;
use crate::vm::{Args, Vm};

/// The `(sep, maxsplit)` arguments of split/rsplit; maxsplit < 0 means no limit.
fn split_args<'a>(vm: &'a Vm, args: &Args, name: &str) -> PyResult<(Option<&'a str>, usize)> {
    let [sep, maxsplit] = kw_params(args, name, ["sep", "maxsplit"])?;
    let max = match maxsplit {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let max = usize::try_from(max).unwrap_or(usize::MAX);
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => match vm.str_of(v) {
            Some("") => return Err(exc::value_error("empty separator")),
            Some(s) => Some(s),
            None => {
                return Err(exc::type_error(msg::must_be_str_or_none(&vm.type_name(v))));
            }
        },
    };
    Ok((sep, max))
}

/// Byte ranges of whitespace-separated words, at most `max` splits (split_whitespace).
fn split_whitespace(s: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    let mut splits = 0usize;
    loop {
        while it.next_if(|&(_, c)| is_space(c)).is_some() {}
        let Some(&(start, _)) = it.peek() else {
            break;
        };
        if splits == max {
            out.push((start, s.len()));
            break;
        }
        while it.next_if(|&(_, c)| !is_space(c)).is_some() {}
        let end = it.peek().map_or(s.len(), |&(i, _)| i);
        out.push((start, end));
        splits = splits.saturating_add(1);
    }
    out
}

/// Byte ranges of whitespace-separated words from the right (rsplit_whitespace).
fn rsplit_whitespace(s: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().rev().peekable();
    let mut splits = 0usize;
    loop {
        while it.next_if(|&(_, c)| is_space(c)).is_some() {}
        let Some(&(i, c)) = it.peek() else {
            break;
        };
        let end = i.saturating_add(c.len_utf8());
        if splits == max {
            out.push((0, end));
            break;
        }
        let mut start = i;
        while let Some((j, _)) = it.next_if(|&(_, c)| !is_space(c)) {
            start = j;
        }
        out.push((start, end));
        splits = splits.saturating_add(1);
    }
    out.reverse();
    out
}

/// Byte ranges of the pieces between `sep`, at most `max` splits.
fn split_sep(s: &str, sep: &str, max: usize, reverse: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if reverse {
        let mut end = s.len();
        for (i, _) in s.rmatch_indices(sep) {
            if out.len() == max {
                break;
            }
            out.push((i.saturating_add(sep.len()), end));
            end = i;
        }
        out.push((0, end));
        out.reverse();
    } else {
        let mut start = 0;
        for (i, _) in s.match_indices(sep) {
            if out.len() == max {
                break;
            }
            out.push((start, i));
            start = i.saturating_add(sep.len());
        }
        out.push((start, s.len()));
    }
    out
}

fn split_impl(vm: &mut Vm, args: &Args, name: &str, reverse: bool) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    let (sep, max) = split_args(vm, args, name)?;
    let ranges = match (sep, reverse) {
        (None, false) => split_whitespace(&s.s, max),
        (None, true) => rsplit_whitespace(&s.s, max),
        (Some(sep), r) => split_sep(&s.s, sep, max, r),
    };
    str_parts(vm, recv_value(args), &ranges)
}

pub(super) fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, &args, "split", false)
}

pub(super) fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, &args, "rsplit", true)
}

pub(super) fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "splitlines")?;
    let [keepends] = kw_params(&args, "splitlines", ["keepends"])?;
    let keep = match keepends {
        Some(v) => ssize_arg(vm, v)? != 0,
        None => false,
    };
    let text = &s.s;
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut eol = i.saturating_add(c.len_utf8());
        if c == '\r' && it.next_if(|&(_, n)| n == '\n').is_some() {
            eol = eol.saturating_add(1);
        }
        ranges.push((start, if keep { eol } else { i }));
        start = eol;
    }
    if start < text.len() {
        ranges.push((start, text.len()));
    }
    str_parts(vm, recv_value(&args), &ranges)
}

pub(super) fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, &args, "join")?;
    let seq = super::one_arg(&args, "join")?;
    let items = match vm.heap.get_obj(seq) {
        Some(crate::types::object::Object::List(v) | crate::types::object::Object::Tuple(v)) => {
            v.clone()
        }
        _ => {
            let it = vm.get_iter(seq).map_err(|e| {
                if e.is_new(crate::types::BuiltinType::TypeError) {
                    exc::type_error("can only join an iterable")
                } else {
                    e
                }
            })?;
            let mut out = Vec::new();
            while let Some(v) = vm.next(it)? {
                out.push(v);
            }
            out
        }
    };
    let sep = vm.str_of(recv_value(&args)).unwrap_or("");
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (i, it) in items.iter().enumerate() {
        match vm.str_of(*it) {
            Some(t) => total = total.saturating_add(t.len()),
            None => {
                return Err(exc::type_error(msg::join_item(i, &vm.type_name(*it))));
            }
        }
    }
    if let [only] = items.as_slice() {
        return Ok(*only);
    }
    vm.heap.account.check_fits(total)?;
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(vm.str_of(*it).unwrap_or(""));
    }
    vm.new_str(out)
}

/// strip/lstrip/rstrip: whitespace, or any char of the argument.
fn strip_impl(vm: &mut Vm, args: &Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    no_kw(args, name)?;
    let n = nargs(args);
    if n > 1 {
        return Err(exc::type_error(msg::expected_at_most(name, 1, n)));
    }
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => match vm.str_of(v) {
            Some(c) => Some(c),
            None => return Err(exc::type_error(msg::strip_arg(name))),
        },
    };
    let pred = |c: char| match chars {
        Some(cs) => cs.contains(c),
        None => is_space(c),
    };
    let mut t: &str = &s.s;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    if t.len() == s.s.len() {
        return Ok(recv_value(args));
    }
    let t = t.to_string();
    vm.new_str(t)
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
