//! CPython's exact messages for exception groups and `except*` (Objects/exceptions.c
//! BaseExceptionGroup_*, Python/ceval.c CHECK_EG_MATCH and check_except_star_type_valid).

/// `BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)` (PyArg_ParseTuple "UO").
pub fn new_arity(given: usize) -> String {
    format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({given} given)")
}

/// `BaseExceptionGroup.__new__() argument 1 must be str, not int` (PyArg_ParseTuple "U").
pub fn message_not_str(type_name: &str) -> String {
    format!("BaseExceptionGroup.__new__() argument 1 must be str, not {type_name}")
}

/// `second argument (exceptions) must be a sequence` (BaseExceptionGroup_new).
pub const NOT_A_SEQUENCE: &str = "second argument (exceptions) must be a sequence";

/// `second argument (exceptions) must be a non-empty sequence` (BaseExceptionGroup_new).
pub const EMPTY: &str = "second argument (exceptions) must be a non-empty sequence";

/// `Item 0 of second argument (exceptions) is not an exception` (BaseExceptionGroup_new).
pub fn item_not_exception(i: usize) -> String {
    format!("Item {i} of second argument (exceptions) is not an exception")
}

/// `Cannot nest BaseExceptions in an ExceptionGroup` (BaseExceptionGroup_new).
pub const NESTED_BASE: &str = "Cannot nest BaseExceptions in an ExceptionGroup";

/// `Cannot nest BaseExceptions in 'MyGroup'` (BaseExceptionGroup_new, a user subclass of
/// Exception).
pub fn nested_base_in(class_name: &str) -> String {
    format!("Cannot nest BaseExceptions in '{class_name}'")
}

/// `function takes exactly 1 argument (0 given)` (BaseExceptionGroup_derive's
/// PyArg_ParseTuple "O").
pub fn derive_arity(given: usize) -> String {
    format!("function takes exactly 1 argument ({given} given)")
}

/// `split expected 1 argument, got 0` (PyArg_UnpackTuple in split and subgroup).
pub fn split_arity(name: &str, given: usize) -> String {
    format!("{name} expected 1 argument, got {given}")
}

/// `descriptor 'split' for 'BaseExceptionGroup' objects doesn't apply to a 'int' object`
/// (descr_check).
pub fn descriptor_mismatch(name: &str, type_name: &str) -> String {
    format!(
        "descriptor '{name}' for 'BaseExceptionGroup' objects doesn't apply to a '{type_name}' \
         object"
    )
}

/// `expected a function, exception type or tuple of exception types` (get_matcher_type).
pub const BAD_MATCHER: &str = "expected a function, exception type or tuple of exception types";

/// `derive must return an instance of BaseExceptionGroup` (exceptiongroup_subset).
pub const DERIVE_NOT_GROUP: &str = "derive must return an instance of BaseExceptionGroup";

/// `catching ExceptionGroup with except* is not allowed. Use except instead.`
/// (check_except_star_type_valid).
pub const EXCEPT_STAR_GROUP: &str =
    "catching ExceptionGroup with except* is not allowed. Use except instead.";

/// `catching classes that do not inherit from BaseException is not allowed`
/// (check_except_type_valid).
pub const CATCH_NON_EXCEPTION: &str =
    "catching classes that do not inherit from BaseException is not allowed";

/// `MyGroup.split must return a tuple, not int` (exception_group_match).
pub fn split_not_tuple(group_type: &str, got: &str) -> String {
    format!("{group_type}.split must return a tuple, not {got}")
}

/// `MyGroup.split must return a 2-tuple, got tuple of size 3` (exception_group_match).
pub fn split_not_pair(group_type: &str, size: usize) -> String {
    format!("{group_type}.split must return a 2-tuple, got tuple of size {size}")
}

/// `MyGroup.split must return exceptions or None` (pyward's own: CPython 3.11.7 crashes when
/// an `except*` clause meets a `split` returning anything else).
pub fn split_bad_part(group_type: &str) -> String {
    format!("{group_type}.split must return exceptions or None")
}

/// `readonly attribute` (a member descriptor: `message`, `exceptions`).
pub const READONLY: &str = "readonly attribute";
