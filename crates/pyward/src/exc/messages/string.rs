//! CPython's exact messages for `str` methods, `str.format` and `%`-formatting
//! (Objects/unicodeobject.c, Objects/stringlib/unicode_format.h, Python/getargs.c).
//! Each function names the situation; the doc quotes the CPython text.

/// `descriptor 'upper' for 'str' objects doesn't apply to a 'int' object`
/// (Objects/descrobject.c descr_check).
pub fn descriptor_mismatch(method: &str, got: &str) -> String {
    format!("descriptor '{method}' for 'str' objects doesn't apply to a '{got}' object")
}

/// `unbound method str.upper() needs an argument` (descrobject.c method_vectorcall_*).
pub fn unbound_needs_argument(method: &str) -> String {
    format!("unbound method str.{method}() needs an argument")
}

/// `str.upper() takes no keyword arguments` (METH_NOARGS / METH_O / METH_VARARGS).
pub fn no_keyword_arguments(method: &str) -> String {
    format!("str.{method}() takes no keyword arguments")
}

/// `str.upper() takes no arguments (1 given)` (METH_NOARGS).
pub fn takes_no_arguments(method: &str, given: usize) -> String {
    format!("str.{method}() takes no arguments ({given} given)")
}

/// `str.zfill() takes exactly one argument (0 given)` (METH_O).
pub fn takes_one_argument(method: &str, given: usize) -> String {
    format!("str.{method}() takes exactly one argument ({given} given)")
}

/// `replace expected at least 2 arguments, got 1` (getargs.c _PyArg_CheckPositional).
pub fn expected_at_least(method: &str, min: usize, given: usize) -> String {
    let s = if min == 1 { "" } else { "s" };
    format!("{method} expected at least {min} argument{s}, got {given}")
}

/// `strip expected at most 1 argument, got 2` (getargs.c _PyArg_CheckPositional).
pub fn expected_at_most(method: &str, max: usize, given: usize) -> String {
    let s = if max == 1 { "" } else { "s" };
    format!("{method} expected at most {max} argument{s}, got {given}")
}

/// `find() takes at least 1 argument (0 given)` (getargs.c vgetargs1, the "finds" parsers).
pub fn takes_at_least(method: &str, min: usize, given: usize) -> String {
    let s = if min == 1 { "" } else { "s" };
    format!("{method}() takes at least {min} argument{s} ({given} given)")
}

/// `split() takes at most 2 arguments (3 given)` (getargs.c, keyword parsers).
pub fn takes_at_most(method: &str, max: usize, given: usize) -> String {
    let s = if max == 1 { "" } else { "s" };
    format!("{method}() takes at most {max} argument{s} ({given} given)")
}

/// `'x' is an invalid keyword argument for split()` (getargs.c vgetargskeywordsfast_impl).
pub fn invalid_keyword(method: &str, kw: &str) -> String {
    format!("'{kw}' is an invalid keyword argument for {method}()")
}

/// `compile() takes at most 6 positional arguments (7 given)` (the argument clinic's
/// keyword parser, getargs.c `_PyArg_UnpackKeywords`).
pub fn takes_at_most_positional(method: &str, max: usize, given: usize) -> String {
    let s = if max == 1 { "" } else { "s" };
    format!("{method}() takes at most {max} positional argument{s} ({given} given)")
}

/// `argument for split() given by name ('sep') and position (1)`.
pub fn given_by_name_and_position(method: &str, kw: &str, pos: usize) -> String {
    format!("argument for {method}() given by name ('{kw}') and position ({pos})")
}

/// `must be str, not int` (unicodeobject.c convert_uc / `U` converter).
pub fn must_be_str(got: &str) -> String {
    format!("must be str, not {got}")
}

/// `must be str or None, not int` (str.split's `sep`).
pub fn must_be_str_or_none(got: &str) -> String {
    format!("must be str or None, not {got}")
}

/// `replace() argument 1 must be str, not int` (Argument Clinic's `U` converter).
pub fn argument_must_be_str(method: &str, which: &str, got: &str) -> String {
    format!("{method}() argument {which} must be str, not {got}")
}

/// `removeprefix() argument must be str, not int`.
pub fn sole_argument_must_be_str(method: &str, got: &str) -> String {
    format!("{method}() argument must be str, not {got}")
}

/// `strip arg must be None or str` (unicodeobject.c do_argstrip).
pub fn strip_arg(method: &str) -> String {
    format!("{method} arg must be None or str")
}

/// `slice indices must be integers or None or have an __index__ method`
/// (Objects/sliceobject.c _PyEval_SliceIndex).
pub fn slice_indices() -> &'static str {
    "slice indices must be integers or None or have an __index__ method"
}

/// `'str' object cannot be interpreted as an integer` (abstract.c PyNumber_Index).
pub fn not_an_integer(got: &str) -> String {
    format!("'{got}' object cannot be interpreted as an integer")
}

/// `Python int too large to convert to C ssize_t` (longobject.c PyLong_AsSsize_t).
pub fn too_large_for_ssize_t() -> &'static str {
    "Python int too large to convert to C ssize_t"
}

/// `startswith first arg must be str or a tuple of str, not int`.
pub fn affix_arg(method: &str, got: &str) -> String {
    format!("{method} first arg must be str or a tuple of str, not {got}")
}

/// `tuple for startswith must only contain str, not int`.
pub fn affix_tuple_item(method: &str, got: &str) -> String {
    format!("tuple for {method} must only contain str, not {got}")
}

/// `sequence item 0: expected str instance, int found` (unicodeobject.c _PyUnicode_JoinArray).
pub fn join_item(i: usize, got: &str) -> String {
    format!("sequence item {i}: expected str instance, {got} found")
}

/// `The fill character must be a unicode character, not int` (convert_uc).
pub fn fill_char_type(got: &str) -> String {
    format!("The fill character must be a unicode character, not {got}")
}

/// `unknown encoding: foo` (Python/codecs.c _PyCodec_Lookup).
pub fn unknown_encoding(name: &str) -> String {
    format!("unknown encoding: {name}")
}

/// `unknown error handler name 'foo'` (Python/codecs.c PyCodec_LookupError).
pub fn unknown_error_handler(name: &str) -> String {
    format!("unknown error handler name '{name}'")
}

/// `ordinal not in range(128)`: the reason of an ascii or latin-1 encoding error
/// (Objects/unicodeobject.c unicode_encode_ucs1).
pub fn ordinal_not_in_range(limit: u32) -> String {
    format!("ordinal not in range({limit})")
}

/// `'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)`,
/// or `characters in position 1-3` for a run (Objects/exceptions.c UnicodeEncodeError_str).
pub fn cannot_encode(
    codec: &str,
    bad: Option<char>,
    start: usize,
    end: usize,
    reason: &str,
) -> String {
    match bad {
        Some(c) => {
            let n = c as u32;
            let shown = if n < 0x100 {
                format!("\\x{n:02x}")
            } else if n < 0x10000 {
                format!("\\u{n:04x}")
            } else {
                format!("\\U{n:08x}")
            };
            format!(
                "'{codec}' codec can't encode character '{shown}' in position {start}: {reason}"
            )
        }
        None => format!(
            "'{codec}' codec can't encode characters in position {start}-{}: {reason}",
            end.saturating_sub(1)
        ),
    }
}

/// `'utf-8' codec can't decode byte 0xff in position 3: invalid start byte`, or `bytes in
/// position 1-2` for a run (Objects/exceptions.c UnicodeDecodeError_str).
pub fn cannot_decode(
    codec: &str,
    bad: Option<u8>,
    start: usize,
    end: usize,
    reason: &str,
) -> String {
    match bad {
        Some(b) => {
            format!("'{codec}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
        }
        None => format!(
            "'{codec}' codec can't decode bytes in position {start}-{}: {reason}",
            end.saturating_sub(1)
        ),
    }
}

/// `character mapping must be in range(0x110000)` (unicodeobject.c charmaptranslate_lookup).
pub fn translate_range() -> &'static str {
    "character mapping must be in range(0x110000)"
}

/// `character mapping must return integer, None or str`.
pub fn translate_result() -> &'static str {
    "character mapping must return integer, None or str"
}

/// `Replacement index 1 out of range for positional args tuple` (unicode_format.h get_field_object).
pub fn replacement_index(i: usize) -> String {
    format!("Replacement index {i} out of range for positional args tuple")
}

/// `unsupported format character 'y' (0x79) at index 1` (unicodeobject.c unicode_format_arg_format).
pub fn unsupported_format_char(c: char, index: usize) -> String {
    format!(
        "unsupported format character '{c}' (0x{:x}) at index {index}",
        c as u32
    )
}

/// `%d format: a real number is required, not str` and `%x format: an integer is required, not
/// float` (unicodeobject.c mainformatlong).
pub fn percent_number_required(conv: char, got: &str) -> String {
    let what = if matches!(conv, 'x' | 'X' | 'o') {
        "an integer is required"
    } else {
        "a real number is required"
    };
    format!("%{conv} format: {what}, not {got}")
}

/// `must be real number, not str` (floatobject.c PyFloat_AsDouble via formatfloat).
pub fn must_be_real_number(got: &str) -> String {
    format!("must be real number, not {got}")
}
