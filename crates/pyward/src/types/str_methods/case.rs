//! Case mappings and character-class predicates of `str`: lower/upper/title/capitalize/
//! casefold/swapcase (unicodeobject.c do_lower, do_title, do_capitalize, do_swapcase,
//! do_casefold, with full SpecialCasing mappings and the final-sigma rule) and the `is*`
//! methods (unicode_isalpha_impl and friends). ASCII receivers take byte-wise fast paths.

use super::{no_args, recv};
use crate::exc::PyResult;
use crate::types::str::Str;
use crate::types::unicode as uni;
use crate::value::Value;
use crate::vm::{Args, Vm};

/// Apply a per-char mapping `f(text, byte_offset, char, out)` to the receiver.
fn map_chars(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    ascii: fn(&str) -> Option<String>,
    f: impl Fn(&str, usize, char, &mut String, &mut bool),
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    no_args(args, name)?;
    let out = if s.is_ascii()
        && let Some(o) = ascii(&s.s)
    {
        o
    } else {
        let mut out = String::with_capacity(s.s.len());
        let mut state = false;
        for (i, c) in s.s.char_indices() {
            f(&s.s, i, c, &mut out, &mut state);
        }
        out
    };
    vm.new_str(out)
}

pub(super) fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_chars(
        vm,
        &args,
        "lower",
        |s| Some(s.to_ascii_lowercase()),
        |s, i, c, out, _| uni::push_lower_in(s, i, c, out),
    )
}

pub(super) fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_chars(
        vm,
        &args,
        "upper",
        |s| Some(s.to_ascii_uppercase()),
        |_, _, c, out, _| uni::push_upper(c, out),
    )
}

pub(super) fn casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_chars(
        vm,
        &args,
        "casefold",
        |s| Some(s.to_ascii_lowercase()),
        |_, _, c, out, _| uni::push_casefold(c, out),
    )
}

pub(super) fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_chars(
        vm,
        &args,
        "swapcase",
        |s| {
            Some(
                s.chars()
                    .map(|c| {
                        if c.is_ascii_uppercase() {
                            c.to_ascii_lowercase()
                        } else {
                            c.to_ascii_uppercase()
                        }
                    })
                    .collect(),
            )
        },
        |s, i, c, out, _| {
            if uni::is_upper(c) {
                uni::push_lower_in(s, i, c, out);
            } else if uni::is_lower(c) {
                uni::push_upper(c, out);
            } else {
                out.push(c);
            }
        },
    )
}

/// `state` is "previous char is cased".
pub(super) fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_chars(
        vm,
        &args,
        "title",
        |_| None,
        |s, i, c, out, prev_cased| {
            if *prev_cased {
                uni::push_lower_in(s, i, c, out);
            } else {
                uni::push_title(c, out);
            }
            *prev_cased = uni::is_cased(c);
        },
    )
}

/// `state` is "past the first char".
pub(super) fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_chars(
        vm,
        &args,
        "capitalize",
        |_| None,
        |s, i, c, out, started| {
            if *started {
                uni::push_lower_in(s, i, c, out);
            } else {
                uni::push_title(c, out);
                *started = true;
            }
        },
    )
}

/// A predicate method that holds when every char satisfies `f` (and the string is non-empty
/// unless `empty` says otherwise).
fn all_chars(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    empty: bool,
    f: fn(char) -> bool,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    no_args(args, name)?;
    if s.s.is_empty() {
        return Ok(Value::Bool(empty));
    }
    Ok(Value::Bool(s.s.chars().all(f)))
}

pub(super) fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, &args, "isalnum", false, uni::is_alnum)
}

pub(super) fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, &args, "isalpha", false, uni::is_alpha)
}

pub(super) fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "isascii")?;
    no_args(&args, "isascii")?;
    Ok(Value::Bool(s.is_ascii()))
}

pub(super) fn isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, &args, "isdecimal", false, uni::is_decimal)
}

pub(super) fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, &args, "isdigit", false, uni::is_digit)
}

pub(super) fn isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, &args, "isnumeric", false, uni::is_numeric)
}

pub(super) fn isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, &args, "isprintable", true, uni::is_printable)
}

pub(super) fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, &args, "isspace", false, uni::is_space)
}

pub(super) fn isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "isidentifier")?;
    no_args(&args, "isidentifier")?;
    let mut it = s.s.chars();
    let ok = it.next().is_some_and(uni::is_id_start) && it.all(uni::is_id_continue);
    Ok(Value::Bool(ok))
}

/// islower/isupper: no char of the opposite case or titlecase, and at least one of this case.
fn cased_only(s: &Str, this: fn(char) -> bool, other: fn(char) -> bool) -> bool {
    let mut cased = false;
    for c in s.s.chars() {
        if other(c) || uni::is_title(c) {
            return false;
        }
        cased = cased || this(c);
    }
    cased
}

pub(super) fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "islower")?;
    no_args(&args, "islower")?;
    Ok(Value::Bool(cased_only(s, uni::is_lower, uni::is_upper)))
}

pub(super) fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "isupper")?;
    no_args(&args, "isupper")?;
    Ok(Value::Bool(cased_only(s, uni::is_upper, uni::is_lower)))
}

pub(super) fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "istitle")?;
    no_args(&args, "istitle")?;
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.s.chars() {
        if uni::is_upper(c) || uni::is_title(c) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if uni::is_lower(c) {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}
