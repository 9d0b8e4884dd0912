//! CPython-exact message texts, one small function per situation.
//!
//! Each doc names the CPython function the text comes from, so a mismatch can be traced.
//! Areas with many messages have their own file under messages/.

pub mod bytes;
pub mod complex;
pub mod coro;
pub mod excgroup;
pub mod string;

/// `unsupported operand type(s) for +: 'int' and 'str'` (Objects/abstract.c binop_type_error).
pub fn unsupported_binop(op: &str, a: &str, b: &str) -> String {
    format!("unsupported operand type(s) for {op}: '{a}' and '{b}'")
}

/// `'<' not supported between instances of 'int' and 'str'` (Objects/object.c do_richcompare).
pub fn unsupported_compare(op: &str, a: &str, b: &str) -> String {
    format!("'{op}' not supported between instances of '{a}' and '{b}'")
}

/// `bad operand type for unary -: 'str'` (Objects/abstract.c PyNumber_Negative).
pub fn bad_unary(op: &str, t: &str) -> String {
    format!("bad operand type for unary {op}: '{t}'")
}

/// `ValueError() takes no keyword arguments` (_PyArg_NoKeywords, as BaseException_init and
/// BaseExceptionGroup_init call it with the instance's type name).
pub fn no_keyword_arguments(type_name: &str) -> String {
    format!("{type_name}() takes no keyword arguments")
}

/// `'int' object is not callable` (Objects/call.c _PyObject_MakeTpCall).
pub fn not_callable(t: &str) -> String {
    format!("'{t}' object is not callable")
}

/// `'int' object is not iterable` (Objects/abstract.c PyObject_GetIter).
pub fn not_iterable(t: &str) -> String {
    format!("'{t}' object is not iterable")
}

/// `f() argument after * must be an iterable, not int`, the callee as
/// `_PyObject_FunctionStr` names it (Python/ceval.c check_args_iterable).
pub fn star_arg_not_iterable(callee: &str, t: &str) -> String {
    format!("{callee} argument after * must be an iterable, not {t}")
}

/// `Value after * must be an iterable, not int` (Python/ceval.c LIST_EXTEND).
pub fn star_value_not_iterable(t: &str) -> String {
    format!("Value after * must be an iterable, not {t}")
}

/// `'int' object is not a mapping` (Python/ceval.c DICT_UPDATE, Objects/dictobject.c).
pub fn not_a_mapping(t: &str) -> String {
    format!("'{t}' object is not a mapping")
}

/// `'int' object is not subscriptable` (Objects/abstract.c PyObject_GetItem).
pub fn not_subscriptable(t: &str) -> String {
    format!("'{t}' object is not subscriptable")
}

/// `'tuple' object does not support item assignment` (PyObject_SetItem).
pub fn no_item_assignment(t: &str) -> String {
    format!("'{t}' object does not support item assignment")
}

/// `'tuple' object doesn't support item deletion` (PyObject_DelItem).
pub fn no_item_deletion(t: &str) -> String {
    format!("'{t}' object doesn't support item deletion")
}

/// `unhashable type: 'list'` (Objects/object.c PyObject_HashNotImplemented).
pub fn unhashable(t: &str) -> String {
    format!("unhashable type: '{t}'")
}

/// `name 'x' is not defined` (Python/ceval.c NAME_ERROR_MSG).
pub fn name_not_defined(name: &str) -> String {
    format!("name '{name}' is not defined")
}

/// `cannot access local variable 'x' where it is not associated with a value`
/// (Python/ceval.c UNBOUNDLOCAL_ERROR_MSG, 3.11).
pub fn unbound_local(name: &str) -> String {
    format!("cannot access local variable '{name}' where it is not associated with a value")
}

/// `cannot access free variable 'x' where it is not associated with a value in enclosing scope`
/// (Python/ceval.c UNBOUNDFREE_ERROR_MSG).
pub fn unbound_free(name: &str) -> String {
    format!(
        "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
    )
}

/// `'int' object has no attribute 'x'` (Objects/object.c PyObject_GenericGetAttr).
pub fn no_attribute(t: &str, name: &str) -> String {
    format!("'{t}' object has no attribute '{name}'")
}

/// `type object 'int' has no attribute 'x'` (Objects/typeobject.c type_getattro).
pub fn type_no_attribute(t: &str, name: &str) -> String {
    format!("type object '{t}' has no attribute '{name}'")
}

/// `module 'math' has no attribute 'x'` (Objects/moduleobject.c module_getattro).
pub fn module_no_attribute(m: &str, name: &str) -> String {
    format!("module '{m}' has no attribute '{name}'")
}

/// `f() takes 2 positional arguments but 3 were given` (Python/ceval.c too_many_positional).
pub fn too_many_positional(
    func: &str,
    max: usize,
    min: usize,
    given: usize,
    kw_given: usize,
) -> String {
    let plural = if max == 1 && min == max { "" } else { "s" };
    let takes = if min == max {
        format!("{max} positional argument{plural}")
    } else {
        format!("from {min} to {max} positional arguments")
    };
    let was = if given == 1 && kw_given == 0 {
        "was"
    } else {
        "were"
    };
    if kw_given > 0 {
        let kwp = if kw_given == 1 { "" } else { "s" };
        format!(
            "{func}() takes {takes} but {given} positional argument{} (and {kw_given} keyword-only argument{kwp}) were given",
            if given == 1 { "" } else { "s" }
        )
    } else {
        format!("{func}() takes {takes} but {given} {was} given")
    }
}

/// `f() missing 1 required positional argument: 'x'` (Python/ceval.c missing_arguments).
pub fn missing_arguments(func: &str, kind: &str, names: &[String]) -> String {
    let n = names.len();
    let quoted: Vec<String> = names.iter().map(|s| format!("'{s}'")).collect();
    let list = match quoted.len() {
        0 => String::new(),
        1 => quoted.join(""),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => {
            let (last, rest) = quoted
                .split_last()
                .map_or((String::new(), &[][..]), |(l, r)| (l.clone(), r));
            format!("{}, and {}", rest.join(", "), last)
        }
    };
    let s = if n == 1 { "" } else { "s" };
    format!("{func}() missing {n} required {kind} argument{s}: {list}")
}

/// `f() got an unexpected keyword argument 'y'` (Python/ceval.c).
pub fn unexpected_keyword(func: &str, name: &str) -> String {
    format!("{func}() got an unexpected keyword argument '{name}'")
}

/// `f() got multiple values for argument 'x'` (Python/ceval.c).
pub fn multiple_values(func: &str, name: &str) -> String {
    format!("{func}() got multiple values for argument '{name}'")
}

/// `list index out of range` style messages (Objects/listobject.c).
pub fn index_out_of_range(t: &str) -> String {
    format!("{t} index out of range")
}

/// `maximum recursion depth exceeded` (Python/ceval.c _Py_CheckRecursiveCall).
pub fn recursion_depth(context: &str) -> String {
    format!("maximum recursion depth exceeded{context}")
}
