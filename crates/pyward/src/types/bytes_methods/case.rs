//! Case mappings and `is*` predicates of `bytes` (Objects/bytes_methods.c): ASCII only; bytes
//! at or above 0x80 are never letters, digits or whitespace.

use super::{is_space, new_like, no_args, recv};
use crate::exc::PyResult;
use crate::value::Value;
use crate::vm::{Args, Vm};

/// A case mapping: the receiver with `f` applied to the whole buffer.
fn map(vm: &mut Vm, args: &Args, name: &str, f: fn(&mut [u8])) -> PyResult<Value> {
    let (mut b, is_array) = recv(vm, args, name)?;
    no_args(args, is_array, name)?;
    f(&mut b);
    new_like(vm, is_array, b)
}

pub(super) fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map(vm, &args, "upper", <[u8]>::make_ascii_uppercase)
}

pub(super) fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map(vm, &args, "lower", <[u8]>::make_ascii_lowercase)
}

pub(super) fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map(vm, &args, "swapcase", |b| {
        for c in b {
            if c.is_ascii_lowercase() {
                c.make_ascii_uppercase();
            } else if c.is_ascii_uppercase() {
                c.make_ascii_lowercase();
            }
        }
    })
}

pub(super) fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map(vm, &args, "capitalize", |b| {
        b.make_ascii_lowercase();
        if let Some(c) = b.first_mut() {
            c.make_ascii_uppercase();
        }
    })
}

pub(super) fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map(vm, &args, "title", |b| {
        let mut prev_cased = false;
        for c in b {
            if c.is_ascii_alphabetic() {
                if prev_cased {
                    c.make_ascii_lowercase();
                } else {
                    c.make_ascii_uppercase();
                }
                prev_cased = true;
            } else {
                prev_cased = false;
            }
        }
    })
}

/// A predicate: the receiver is non-empty and `f` holds for the whole buffer.
fn pred(vm: &mut Vm, args: &Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, name)?;
    no_args(args, is_array, name)?;
    Ok(Value::Bool(f(&b)))
}

pub(super) fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, "isdigit", |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_digit)
    })
}

pub(super) fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, "isalpha", |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic)
    })
}

pub(super) fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, "isalnum", |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric)
    })
}

pub(super) fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, "isspace", |b| {
        !b.is_empty() && b.iter().all(|&c| is_space(c))
    })
}

pub(super) fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, "isascii", <[u8]>::is_ascii)
}

pub(super) fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, "isupper", |b| {
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
    })
}

pub(super) fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, "islower", |b| {
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
    })
}

/// `istitle`: uppercase only after uncased bytes, lowercase only after cased ones, and at
/// least one cased byte (bytes_methods.c _Py_bytes_istitle).
pub(super) fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, &args, "istitle", |b| {
        let mut cased = false;
        let mut prev_cased = false;
        for c in b {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}
