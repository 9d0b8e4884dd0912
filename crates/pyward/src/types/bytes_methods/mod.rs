//! Methods of `bytes` and `bytearray` (Objects/bytesobject.c, Objects/bytearrayobject.c,
//! Objects/bytes_methods.c), split by family: search.rs (find, count, affixes, replace,
//! partition), split.rs (split, splitlines, join, strip), case.rs (case mappings and `is*`
//! predicates), pad.rs (padding, tabs, hex, translate, decode), mutate.rs (bytearray-only
//! mutators). This file holds the method table and the argument helpers. Methods copy the
//! receiver's bytes, compute the result, and allocate once at the end; a result whose size is
//! known in advance is checked against the memory limit before it is built.

mod case;
mod mutate;
mod pad;
mod search;
mod split;

use crate::exc::{self, PyResult, messages::bytes as msg};
use crate::natives;
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::ops::int::to_big;
use crate::vm::{Args, Vm};

pub(crate) use crate::types::str_methods::{adjust_indices, kw_params, slice_bound, ssize_arg};
pub(crate) use mutate::{int_bytes, with_array};
pub use pad::{fromhex, maketrans};

natives! {
    /// `bytes` / `bytearray` methods.
    BytesMethod {
        Append => "append" => mutate::append,
        Capitalize => "capitalize" => case::capitalize,
        Center => "center" => pad::center,
        Clear => "clear" => mutate::clear,
        Copy => "copy" => mutate::copy,
        Count => "count" => search::count,
        Decode => "decode" => pad::decode,
        Endswith => "endswith" => search::endswith,
        Expandtabs => "expandtabs" => pad::expandtabs,
        Extend => "extend" => mutate::extend,
        Find => "find" => search::find,
        Hex => "hex" => pad::hex,
        Index => "index" => search::index,
        Insert => "insert" => mutate::insert,
        Isalnum => "isalnum" => case::isalnum,
        Isalpha => "isalpha" => case::isalpha,
        Isascii => "isascii" => case::isascii,
        Isdigit => "isdigit" => case::isdigit,
        Islower => "islower" => case::islower,
        Isspace => "isspace" => case::isspace,
        Istitle => "istitle" => case::istitle,
        Isupper => "isupper" => case::isupper,
        Join => "join" => split::join,
        Ljust => "ljust" => pad::ljust,
        Lower => "lower" => case::lower,
        Lstrip => "lstrip" => split::lstrip,
        Partition => "partition" => search::partition,
        Pop => "pop" => mutate::pop,
        Remove => "remove" => mutate::remove,
        Removeprefix => "removeprefix" => search::removeprefix,
        Removesuffix => "removesuffix" => search::removesuffix,
        Replace => "replace" => search::replace,
        Reverse => "reverse" => mutate::reverse,
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

natives! {
    /// Methods of the `bytes`/`bytearray` type objects; the type is passed as `pos[0]`.
    BytesTypeMethod {
        Fromhex => "fromhex" => pad::fromhex,
        Maketrans => "maketrans" => pad::maketrans,
    }
}

/// Whether a method applies to the type (mutators are bytearray-only).
pub fn applies(m: BytesMethod, ty: BuiltinType) -> bool {
    use BytesMethod as M;
    match m {
        M::Append
        | M::Clear
        | M::Copy
        | M::Extend
        | M::Insert
        | M::Pop
        | M::Remove
        | M::Reverse => ty == BuiltinType::ByteArray,
        _ => true,
    }
}

/// Whether `m` mutates its receiver (so only a bytearray may be `self`).
fn is_mutator(name: &str) -> bool {
    BytesMethod::lookup(name).is_some_and(|m| !applies(m, BuiltinType::Bytes))
}

/// The Python type name.
fn tyname(is_array: bool) -> &'static str {
    if is_array { "bytearray" } else { "bytes" }
}

/// The receiver: its bytes (a copy) and whether it is a bytearray, or the descriptor error.
fn recv(vm: &Vm, args: &Args, name: &str) -> PyResult<(Vec<u8>, bool)> {
    let owner = if is_mutator(name) {
        "bytearray"
    } else {
        "bytes"
    };
    let Some(v) = args.get(0) else {
        return Err(exc::type_error(msg::unbound_needs_argument(owner, name)));
    };
    match vm.heap.get_obj(v) {
        Some(Object::Bytes(b)) if owner == "bytes" => Ok((b.clone(), false)),
        Some(Object::ByteArray(b)) => Ok((b.clone(), true)),
        _ => Err(exc::type_error(msg::descriptor_mismatch(
            owner,
            name,
            &vm.type_name(v),
        ))),
    }
}

/// The bytes of a bytes-like value (bytes or bytearray).
pub fn buffer(vm: &Vm, v: Value) -> Option<&[u8]> {
    match vm.heap.get_obj(v) {
        Some(Object::Bytes(b) | Object::ByteArray(b)) => Some(b.as_slice()),
        _ => None,
    }
}

/// A bytes-like argument, or "a bytes-like object is required, not 'str'".
fn buffer_arg(vm: &Vm, v: Value) -> PyResult<Vec<u8>> {
    buffer(vm, v)
        .map(<[u8]>::to_vec)
        .ok_or_else(|| exc::type_error(msg::bytes_like_required(&vm.type_name(v))))
}

/// An int argument that must be a byte value (`_getbytevalue`).
pub fn byte_value(vm: &Vm, v: Value) -> PyResult<u8> {
    if let Some(i) = vm.to_index(v) {
        return u8::try_from(i).map_err(|_| exc::value_error(msg::byte_range()));
    }
    if to_big(vm, v).is_some() {
        return Err(exc::value_error(msg::byte_range()));
    }
    Err(exc::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    )))
}

/// A new bytes or bytearray (callers check big sizes with `check_fits` before building).
fn new_like(vm: &mut Vm, is_array: bool, data: Vec<u8>) -> PyResult<Value> {
    vm.alloc(if is_array {
        Object::ByteArray(data)
    } else {
        Object::Bytes(data)
    })
}

/// Arguments after the receiver.
fn nargs(args: &Args) -> usize {
    args.pos.len().saturating_sub(1)
}

/// Refuse keyword arguments the way METH_NOARGS/METH_O/METH_VARARGS methods do.
fn no_kw(args: &Args, is_array: bool, name: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(exc::type_error(msg::no_keyword_arguments(
            tyname(is_array),
            name,
        )))
    }
}

/// A METH_NOARGS method: `bytes.upper() takes no arguments (1 given)`.
fn no_args(args: &Args, is_array: bool, name: &str) -> PyResult<()> {
    no_kw(args, is_array, name)?;
    match nargs(args) {
        0 => Ok(()),
        n => Err(exc::type_error(msg::takes_no_arguments(
            tyname(is_array),
            name,
            n,
        ))),
    }
}

/// A METH_O method: `bytes.zfill() takes exactly one argument (0 given)`.
fn one_arg(args: &Args, is_array: bool, name: &str) -> PyResult<Value> {
    no_kw(args, is_array, name)?;
    match (nargs(args), args.get(1)) {
        (1, Some(v)) => Ok(v),
        (n, _) => Err(exc::type_error(msg::takes_one_argument(
            tyname(is_array),
            name,
            n,
        ))),
    }
}

/// A positional-only Argument Clinic method: `center expected at least 1 argument, got 0`.
fn clinic_args(args: &Args, is_array: bool, name: &str, min: usize, max: usize) -> PyResult<()> {
    use crate::exc::messages::string as smsg;
    no_kw(args, is_array, name)?;
    let n = nargs(args);
    if min == max && n != min {
        return Err(exc::type_error(msg::expected_exactly(name, min, n)));
    }
    if n < min {
        return Err(exc::type_error(smsg::expected_at_least(name, min, n)));
    }
    if n > max {
        return Err(exc::type_error(smsg::expected_at_most(name, max, n)));
    }
    Ok(())
}

/// Bytes-specific internal error constructors.
struct Internal;

impl Internal {
    #[cold]
    fn missing_arg() -> exc::RunError {
        exc::RunError::Internal("bytes method argument missing after arity check")
    }
}

/// Positional argument `i` (after the arity check made it present).
fn arg(args: &Args, i: usize) -> PyResult<Value> {
    args.get(i).ok_or_else(Internal::missing_arg)
}

/// Whether `c` is whitespace for bytes (`Py_ISSPACE`: space, \t, \n, \v, \f, \r).
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `i64` from a `usize` position (positions never exceed `isize::MAX`).
fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Call a type method (`bytes.fromhex`): `pos[0]` becomes the type.
pub fn call_type_method(
    vm: &mut Vm,
    m: BytesTypeMethod,
    ty: BuiltinType,
    mut args: Args,
) -> PyResult<Value> {
    args.pos.insert(0, Value::Type(ty));
    m.call(vm, args)
}
