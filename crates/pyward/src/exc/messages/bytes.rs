//! CPython's exact messages for `bytes`/`bytearray` methods, constructors and `%`-formatting
//! (Objects/bytesobject.c, Objects/bytearrayobject.c, Objects/bytes_methods.c,
//! Python/pystrhex.c). Each function names the situation; the doc quotes the CPython text.

/// `descriptor 'find' for 'bytes' objects doesn't apply to a 'str' object` (descr_check).
pub fn descriptor_mismatch(ty: &str, method: &str, got: &str) -> String {
    format!("descriptor '{method}' for '{ty}' objects doesn't apply to a '{got}' object")
}

/// `unbound method bytes.upper() needs an argument` (method_vectorcall_*).
pub fn unbound_needs_argument(ty: &str, method: &str) -> String {
    format!("unbound method {ty}.{method}() needs an argument")
}

/// `bytes.find() takes no keyword arguments` (METH_NOARGS / METH_O / METH_VARARGS).
pub fn no_keyword_arguments(ty: &str, method: &str) -> String {
    format!("{ty}.{method}() takes no keyword arguments")
}

/// `bytes.upper() takes no arguments (1 given)` (METH_NOARGS).
pub fn takes_no_arguments(ty: &str, method: &str, given: usize) -> String {
    format!("{ty}.{method}() takes no arguments ({given} given)")
}

/// `bytes.zfill() takes exactly one argument (0 given)` (METH_O).
pub fn takes_one_argument(ty: &str, method: &str, given: usize) -> String {
    format!("{ty}.{method}() takes exactly one argument ({given} given)")
}

/// `insert expected 2 arguments, got 1` (getargs.c _PyArg_CheckPositional, min == max).
pub fn expected_exactly(method: &str, n: usize, given: usize) -> String {
    format!("{method} expected {n} arguments, got {given}")
}

/// `a bytes-like object is required, not 'str'` (PyObject_GetBuffer via getbuffer).
pub fn bytes_like_required(got: &str) -> String {
    format!("a bytes-like object is required, not '{got}'")
}

/// `argument should be integer or bytes-like object, not 'str'` (stringlib parse_args_finds_byte).
pub fn int_or_bytes_like(got: &str) -> String {
    format!("argument should be integer or bytes-like object, not '{got}'")
}

/// `byte must be in range(0, 256)` (bytes_methods.c / bytearray _getbytevalue).
pub fn byte_range() -> &'static str {
    "byte must be in range(0, 256)"
}

/// `bytes must be in range(0, 256)` (bytesobject.c _PyBytes_FromList and friends).
pub fn bytes_range() -> &'static str {
    "bytes must be in range(0, 256)"
}

/// `subsection not found` (bytes_methods.c _Py_bytes_index).
pub fn subsection_not_found() -> &'static str {
    "subsection not found"
}

/// `startswith first arg must be bytes or a tuple of bytes, not str` (_Py_bytes_tailmatch).
pub fn affix_arg(method: &str, got: &str) -> String {
    format!("{method} first arg must be bytes or a tuple of bytes, not {got}")
}

/// `sequence item 1: expected a bytes-like object, str found` (stringlib/join.h).
pub fn join_item(i: usize, got: &str) -> String {
    format!("sequence item {i}: expected a bytes-like object, {got} found")
}

/// `center() argument 2 must be a byte string of length 1, not str` (the `c` converter).
pub fn fill_byte(method: &str, got: &str) -> String {
    format!("{method}() argument 2 must be a byte string of length 1, not {got}")
}

/// `non-hexadecimal number found in fromhex() arg at position 1` (_PyBytes_FromHex).
pub fn fromhex_bad(pos: usize) -> String {
    format!("non-hexadecimal number found in fromhex() arg at position {pos}")
}

/// `fromhex() argument must be str, not bytes` (bytes_fromhex's clinic `U` converter).
pub fn fromhex_arg(got: &str) -> String {
    format!("fromhex() argument must be str, not {got}")
}

/// `translation table must be 256 characters long` (bytes_translate_impl).
pub fn translate_table() -> &'static str {
    "translation table must be 256 characters long"
}

/// `maketrans arguments must have same length` (_Py_bytes_maketrans).
pub fn maketrans_lengths() -> &'static str {
    "maketrans arguments must have same length"
}

/// `can't extend bytearray with int` (bytearray_extend).
pub fn cannot_extend(got: &str) -> String {
    format!("can't extend bytearray with {got}")
}

/// `can't concat str to bytes` (bytes_concat).
pub fn cannot_concat(got: &str, ty: &str) -> String {
    format!("can't concat {got} to {ty}")
}

/// `cannot convert 'float' object to bytes` (bytes_new / bytearray_init).
pub fn cannot_convert(got: &str, ty: &str) -> String {
    format!("cannot convert '{got}' object to {ty}")
}

/// `can assign only bytes, buffers, or iterables of ints in range(0, 256)`
/// (bytearray_setslice).
pub fn slice_assign_type() -> &'static str {
    "can assign only bytes, buffers, or iterables of ints in range(0, 256)"
}

/// `attempt to assign bytes of size 1 to extended slice of size 2` (bytearray_ass_subscript).
pub fn extended_slice_size(got: usize, want: usize) -> String {
    format!("attempt to assign bytes of size {got} to extended slice of size {want}")
}

/// `%b requires a bytes-like object, or an object that implements __bytes__, not 'str'`
/// (bytesobject.c format_obj).
pub fn percent_b_arg(got: &str) -> String {
    format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{got}'")
}

/// `%c requires an integer in range(256) or a single byte` (bytesobject.c byte_converter).
pub fn percent_c_arg() -> &'static str {
    "%c requires an integer in range(256) or a single byte"
}

/// `decode() argument 'encoding' must be str, not int` (clinic `str` converter).
pub fn decode_arg(which: &str, got: &str) -> String {
    format!("decode() argument '{which}' must be str, not {got}")
}
