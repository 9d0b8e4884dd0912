//! Methods of `str` (Objects/unicodeobject.c), split by family: search.rs (find, count,
//! affixes, replace, partition), split.rs (split, splitlines, join, strip), case.rs (case
//! mappings and `is*` predicates), pad.rs (padding, tabs, encode, translate), format.rs
//! (`str.format`). This file holds the method table and the argument helpers that reproduce
//! CPython's several argument-parsing error styles. Methods borrow the receiver's text, compute
//! the result, and allocate once at the end.

mod case;
mod format;
mod pad;
mod search;
mod split;

use crate::exc::{self, PyResult, messages::string as msg};
use crate::natives;
use crate::types::object::Object;
use crate::types::str::Str;
use crate::value::Value;
use crate::vm::ops::int::to_big;
use crate::vm::{Args, Vm};

pub use pad::maketrans;
pub(crate) use pad::{Codec, lookup_codec};

natives! {
    /// `str` methods.
    StrMethod {
        Capitalize => "capitalize" => case::capitalize,
        Casefold => "casefold" => case::casefold,
        Center => "center" => pad::center,
        Count => "count" => search::count,
        Encode => "encode" => pad::encode,
        Endswith => "endswith" => search::endswith,
        Expandtabs => "expandtabs" => pad::expandtabs,
        Find => "find" => search::find,
        Format => "format" => format::format,
        FormatMap => "format_map" => format::format_map,
        Index => "index" => search::index,
        Isalnum => "isalnum" => case::isalnum,
        Isalpha => "isalpha" => case::isalpha,
        Isascii => "isascii" => case::isascii,
        Isdecimal => "isdecimal" => case::isdecimal,
        Isdigit => "isdigit" => case::isdigit,
        Isidentifier => "isidentifier" => case::isidentifier,
        Islower => "islower" => case::islower,
        Isnumeric => "isnumeric" => case::isnumeric,
        Isprintable => "isprintable" => case::isprintable,
        Isspace => "isspace" => case::isspace,
        Istitle => "istitle" => case::istitle,
        Isupper => "isupper" => case::isupper,
        Join => "join" => split::join,
        Ljust => "ljust" => pad::ljust,
        Lower => "lower" => case::lower,
        Lstrip => "lstrip" => split::lstrip,
        Maketrans => "maketrans" => pad::maketrans_method,
        Partition => "partition" => search::partition,
        Removeprefix => "removeprefix" => search::removeprefix,
        Removesuffix => "removesuffix" => search::removesuffix,
        Replace => "replace" => search::replace,
        Rfind => "rfind" => search::rfind,
        Rindex => "rindex" => search::rindex,
        Rjust => "rjust" => pad::rjust,
        Rpartition => "rpartition" => search::rpartition,
        Rsplit => "rsplit" => split::rsplit,
        Rstrip => "rstrip" => split::rstrip,
        Split => "split" => split::split,
        Splitlines => "splitlines" => split::splitlines,
        Startswith => "startswith" => search::startswith,
        Strip => "strip" => split::strip,
        Swapcase => "swapcase" => case::swapcase,
        Title => "title" => case::title,
        Translate => "translate" => pad::translate,
        Upper => "upper" => case::upper,
        Zfill => "zfill" => pad::zfill,
    }
}

/// The receiver's `Str`, or CPython's descriptor error for a non-str `self`.
fn recv<'a>(vm: &'a Vm, args: &Args, name: &str) -> PyResult<&'a Str> {
    let Some(v) = args.get(0) else {
        return Err(exc::type_error(msg::unbound_needs_argument(name)));
    };
    match vm.heap.get_obj(v) {
        Some(Object::Str(s)) => Ok(s),
        _ => Err(exc::type_error(msg::descriptor_mismatch(
            name,
            &vm.type_name(v),
        ))),
    }
}

/// The receiver's text (a copy), or the CPython descriptor error.
pub fn recv_text(vm: &Vm, args: &Args, name: &str) -> PyResult<String> {
    recv(vm, args, name).map(|s| s.s.as_str().to_owned())
}

/// A str argument, or CPython's "{what} must be str, not X" error.
pub fn str_arg(vm: &Vm, v: Value, what: &str) -> PyResult<String> {
    match vm.str_of(v) {
        Some(s) => Ok(s.to_string()),
        None => Err(exc::type_error(format!(
            "{what} must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

/// Arguments after the receiver.
fn nargs(args: &Args) -> usize {
    args.pos.len().saturating_sub(1)
}

/// Refuse keyword arguments the way METH_NOARGS/METH_O/METH_VARARGS methods do.
fn no_kw(args: &Args, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(exc::type_error(msg::no_keyword_arguments(name)))
    }
}

/// A METH_NOARGS method: `str.upper() takes no arguments (1 given)`.
fn no_args(args: &Args, name: &str) -> PyResult<()> {
    no_kw(args, name)?;
    match nargs(args) {
        0 => Ok(()),
        n => Err(exc::type_error(msg::takes_no_arguments(name, n))),
    }
}

/// A METH_O method: `str.zfill() takes exactly one argument (0 given)`.
fn one_arg(args: &Args, name: &str) -> PyResult<Value> {
    no_kw(args, name)?;
    match (nargs(args), args.get(1)) {
        (1, Some(v)) => Ok(v),
        (n, _) => Err(exc::type_error(msg::takes_one_argument(name, n))),
    }
}

/// A positional-only Argument Clinic method: `center expected at least 1 argument, got 0`.
fn clinic_args(args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    no_kw(args, name)?;
    let n = nargs(args);
    if n < min {
        return Err(exc::type_error(msg::expected_at_least(name, min, n)));
    }
    if n > max {
        return Err(exc::type_error(msg::expected_at_most(name, max, n)));
    }
    Ok(())
}

/// The `find`/`count`/`startswith` family: `find() takes at least 1 argument (0 given)`.
fn finds_args(args: &Args, name: &str) -> PyResult<()> {
    no_kw(args, name)?;
    let n = nargs(args);
    if n < 1 {
        return Err(exc::type_error(msg::takes_at_least(name, 1, n)));
    }
    if n > 3 {
        return Err(exc::type_error(msg::takes_at_most(name, 3, n)));
    }
    Ok(())
}

/// Optional parameters that may also come by keyword (`split(sep=None, maxsplit=-1)`).
pub(crate) fn kw_params<const N: usize>(
    args: &Args,
    name: &str,
    params: [&str; N],
) -> PyResult<[Option<Value>; N]> {
    let n = nargs(args);
    if n > N {
        return Err(exc::type_error(msg::takes_at_most(name, N, n)));
    }
    let mut out = [None; N];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = args.get(i.saturating_add(1));
    }
    for (k, v) in &args.kw {
        let Some(i) = params.iter().position(|p| p == k) else {
            return Err(exc::type_error(msg::invalid_keyword(name, k)));
        };
        let Some(slot) = out.get_mut(i) else {
            return Err(RunErrorInternal::bad_param());
        };
        if slot.is_some() {
            return Err(exc::type_error(msg::given_by_name_and_position(
                name,
                k,
                i.saturating_add(1),
            )));
        }
        *slot = Some(*v);
    }
    Ok(out)
}

/// Internal-error constructors for impossible states in this module.
struct RunErrorInternal;

impl RunErrorInternal {
    #[cold]
    fn bad_param() -> exc::RunError {
        exc::RunError::Internal("str method parameter index out of range")
    }
}

/// An int argument converted like `PyNumber_AsSsize_t`: OverflowError for huge ints,
/// "'X' object cannot be interpreted as an integer" for non-ints.
pub(crate) fn ssize_arg(vm: &Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = vm.to_index(v) {
        return Ok(i);
    }
    if to_big(vm, v).is_some() {
        return Err(exc::overflow_error(msg::too_large_for_ssize_t()));
    }
    Err(exc::type_error(msg::not_an_integer(&vm.type_name(v))))
}

/// A slice bound (`_PyEval_SliceIndex`): None, or an int that saturates when huge.
pub(crate) fn slice_bound(vm: &Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            if let Some(i) = vm.to_index(v) {
                return Ok(Some(i));
            }
            match to_big(vm, v) {
                Some(b) if b.sign() == num_bigint::Sign::Minus => Ok(Some(i64::MIN)),
                Some(_) => Ok(Some(i64::MAX)),
                None => Err(exc::type_error(msg::slice_indices())),
            }
        }
    }
}

/// CPython's ADJUST_INDICES: clamp `end` to `len` and wrap negatives; `start` may stay past
/// the end, which callers treat as an empty window.
pub(crate) fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let wrap = |i: i64| {
        if i < 0 {
            i.saturating_add(len_i).max(0)
        } else {
            i
        }
    };
    let end = wrap(end.unwrap_or(len_i)).min(len_i);
    let start = wrap(start.unwrap_or(0));
    (
        usize::try_from(start).unwrap_or(usize::MAX),
        usize::try_from(end).unwrap_or(0),
    )
}

/// Byte offsets of code points `start` and `end` (both clamped to the string).
fn byte_range(s: &Str, start: usize, end: usize) -> (usize, usize) {
    if s.is_ascii() {
        return (start.min(s.s.len()), end.min(s.s.len()));
    }
    let mut a = s.s.len();
    let mut b = s.s.len();
    for (ci, (bi, _)) in s.s.char_indices().enumerate() {
        if ci == start {
            a = bi;
        }
        if ci == end {
            b = bi;
            break;
        }
    }
    (a.min(b), b)
}

/// Number of code points in `s`.
fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// A list of new strs, each the byte range `(a, b)` of the str `src`.
fn str_parts(vm: &mut Vm, src: Value, ranges: &[(usize, usize)]) -> PyResult<Value> {
    let mut vals = Vec::with_capacity(ranges.len());
    for &(a, b) in ranges {
        let part = vm
            .str_of(src)
            .and_then(|s| s.get(a..b))
            .unwrap_or("")
            .to_string();
        vals.push(vm.new_str(part)?);
    }
    vm.new_list(vals)
}

/// The receiver value (checked by `recv` first).
fn recv_value(args: &Args) -> Value {
    args.get(0).unwrap_or(Value::None)
}
