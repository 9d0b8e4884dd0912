//! CPython's exact messages for `complex` and `cmath` (Objects/complexobject.c,
//! Modules/cmathmodule.c). Each function names the situation; the doc quotes the CPython text.

/// `complex division by zero` (complex_div).
pub const DIVISION_BY_ZERO: &str = "complex division by zero";

/// `0.0 to a negative or complex power` (complex_pow, errno EDOM).
pub const ZERO_TO_NEGATIVE_POWER: &str = "0.0 to a negative or complex power";

/// `complex exponentiation` (complex_pow, errno ERANGE).
pub const EXPONENTIATION_OVERFLOW: &str = "complex exponentiation";

/// `complex modulo` (complex_pow given a third argument).
pub const MODULO: &str = "complex modulo";

/// `absolute value too large` (complex_abs).
pub const ABS_TOO_LARGE: &str = "absolute value too large";

/// `complex() arg is a malformed string` (complex_from_string_inner).
pub const MALFORMED_STRING: &str = "complex() arg is a malformed string";

/// `complex() can't take second arg if first is a string` (complex_new_impl).
pub const STRING_WITH_SECOND_ARG: &str = "complex() can't take second arg if first is a string";

/// `complex() second arg can't be a string` (complex_new_impl).
pub const SECOND_ARG_STRING: &str = "complex() second arg can't be a string";

/// `could not convert string to complex: '1__0'`, with the argument's repr
/// (`_Py_string_to_number_with_underscores`).
pub fn cannot_convert(repr: &str) -> String {
    format!("could not convert string to complex: {repr}")
}

/// `complex() first argument must be a string or a number, not 'list'` (complex_new_impl).
pub fn bad_first_arg(t: &str) -> String {
    format!("complex() first argument must be a string or a number, not '{t}'")
}

/// `complex() second argument must be a number, not 'list'` (complex_new_impl).
pub fn bad_second_arg(t: &str) -> String {
    format!("complex() second argument must be a number, not '{t}'")
}

/// `__complex__ returned non-complex (type int)` (try_complex_special_method).
pub fn dunder_returned_non_complex(t: &str) -> String {
    format!("__complex__ returned non-complex (type {t})")
}

/// `must be real number, not str` (PyFloat_AsDouble, reached from PyComplex_AsCComplex).
pub fn must_be_real(t: &str) -> String {
    format!("must be real number, not {t}")
}
