//! Exception groups (Objects/exceptions.c): `BaseExceptionGroup(message, exceptions)` and
//! its class choice, `message`/`exceptions`, `str()`, `derive`, `split` and `subgroup`, and the
//! two runtime steps of `except*` (Python/ceval.c CHECK_EG_MATCH and
//! `_PyExc_PrepReraiseStar`).
//!
//! A group is an ordinary exception object whose `ExcObj::group` holds the message and the
//! tuple of exceptions. Splitting recurses over nested groups; the depth is counted by
//! `enter_data` (RecursionError, as CPython's `_Py_EnterRecursiveCall`) and the Rust stack
//! grows on demand, so a deeply nested group cannot exhaust it.

use crate::exc::messages::excgroup as msg;
use crate::exc::{self, ExcObj, PyResult};
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::{ObjId, Value};
use crate::vm::{Args, Vm};

/// The message and the member exceptions of a group, or None for anything else.
pub fn group_parts(vm: &Vm, v: Value) -> Option<(Value, Vec<Value>)> {
    match vm.heap.get_obj(v) {
        Some(Object::Exception(e)) => {
            let (message, excs) = e.group?;
            Some((message, vm.list_items(excs)))
        }
        _ => None,
    }
}

/// Whether `v` is an exception group instance.
pub fn is_group(vm: &Vm, v: Value) -> bool {
    matches!(vm.heap.get_obj(v), Some(Object::Exception(e)) if e.group.is_some())
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`: check the arguments and build the
/// instance. `BaseExceptionGroup` itself becomes `ExceptionGroup` when every member is an
/// `Exception`; `ExceptionGroup` and user subclasses of `Exception` refuse other members.
pub fn new_group(vm: &mut Vm, cls: Value, args: &Args) -> PyResult<Value> {
    let [message, excs] = args.pos.as_slice() else {
        return Err(exc::type_error(msg::new_arity(args.pos.len())));
    };
    let (message, excs) = (*message, *excs);
    let view = vm.builtin_view(message);
    if vm.str_of(view).is_none() {
        let t = vm.type_name(message);
        let t = if matches!(message, Value::None) {
            "None".to_string()
        } else {
            t
        };
        return Err(exc::type_error(msg::message_not_str(&t)));
    }
    if !is_sequence(vm, excs)? {
        return Err(exc::type_error(msg::NOT_A_SEQUENCE));
    }
    let items = vm.collect_iterable(excs)?;
    if items.is_empty() {
        return Err(exc::value_error(msg::EMPTY));
    }
    let mut nested_base = false;
    for (i, item) in items.iter().enumerate() {
        let Some(Object::Exception(e)) = vm.heap.get_obj(*item) else {
            return Err(exc::value_error(msg::item_not_exception(i)));
        };
        let ecls = e.cls;
        nested_base |= !vm.is_subclass(ecls, Value::Type(BuiltinType::Exception));
    }
    let cls = match cls {
        Value::Type(BuiltinType::ExceptionGroup) if nested_base => {
            return Err(exc::type_error(msg::NESTED_BASE));
        }
        Value::Type(BuiltinType::BaseExceptionGroup) if !nested_base => {
            Value::Type(BuiltinType::ExceptionGroup)
        }
        Value::Type(_) => cls,
        _ => {
            if nested_base && vm.is_subclass(cls, Value::Type(BuiltinType::Exception)) {
                let name = vm.class_name(cls);
                return Err(exc::type_error(msg::nested_base_in(&name)));
            }
            cls
        }
    };
    let excs = vm.new_tuple(items)?;
    let mut e = ExcObj::new(cls, args.pos.to_vec());
    e.group = Some((message, excs));
    vm.alloc(Object::Exception(Box::new(e)))
}

/// Calling a builtin group class: `__new__`, then `__init__`'s refusal of keywords (named
/// after the class `__new__` chose, as CPython's `Py_TYPE(self)->tp_name`).
pub fn construct_group(vm: &mut Vm, t: BuiltinType, args: &Args) -> PyResult<Value> {
    let g = new_group(vm, Value::Type(t), args)?;
    if !args.kw.is_empty() {
        let name = vm.type_name(g);
        return Err(exc::type_error(exc::messages::no_keyword_arguments(&name)));
    }
    Ok(g)
}

/// `PySequence_Check`: the builtin sequences, and instances whose class defines
/// `__getitem__` (except dict subclasses).
pub(crate) fn is_sequence(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let t = vm.builtin_type_of(v);
    if matches!(t, BuiltinType::Dict) {
        return Ok(false);
    }
    if matches!(
        t,
        BuiltinType::List
            | BuiltinType::Tuple
            | BuiltinType::Str
            | BuiltinType::Bytes
            | BuiltinType::ByteArray
            | BuiltinType::Range
    ) {
        return Ok(true);
    }
    if !vm.is_user_instance(v) {
        return Ok(false);
    }
    let cls = vm.type_of(v);
    Ok(vm.class_lookup(cls, "__getitem__")?.is_some())
}

/// `str()` of a group: `message (N sub-exceptions)` (BaseExceptionGroup_str).
pub fn group_str(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    let Some((message, excs)) = group_parts(vm, v) else {
        return Ok(None);
    };
    let text = vm.str(message)?;
    let n = excs.len();
    let s = if n > 1 { "s" } else { "" };
    Ok(Some(format!("{text} ({n} sub-exception{s})")))
}

/// The receiver of a group method, checked as CPython's method descriptors check it.
fn receiver(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    let me = args.get(0).unwrap_or(Value::None);
    if is_group(vm, me) {
        Ok(me)
    } else {
        Err(exc::type_error(msg::descriptor_mismatch(
            name,
            &vm.type_name(me),
        )))
    }
}

/// `eg.derive(excs)`: `BaseExceptionGroup(eg.message, excs)`, whatever the class of `eg`.
pub fn derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let me = receiver(vm, &args, "derive")?;
    let given = args.pos.len().saturating_sub(1);
    let (Some(excs), 1) = (args.get(1), given) else {
        return Err(exc::type_error(msg::derive_arity(given)));
    };
    let Some((message, _)) = group_parts(vm, me) else {
        return Err(exc::type_error(msg::descriptor_mismatch("derive", "?")));
    };
    let a = Args::positional(&[message, excs]);
    new_group(vm, Value::Type(BuiltinType::BaseExceptionGroup), &a)
}

/// `eg.split(matcher)`: `(match, rest)`, each a group derived from `eg` or None.
pub fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, matcher) = split_args(vm, &args, "split")?;
    let (m, rest) = split_recursive(vm, me, &matcher, true)?;
    vm.new_tuple(vec![m.unwrap_or(Value::None), rest.unwrap_or(Value::None)])
}

/// `eg.subgroup(matcher)`: the matching part of `eg` (itself when all of it matches) or None.
pub fn subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, matcher) = split_args(vm, &args, "subgroup")?;
    let (m, _) = split_recursive(vm, me, &matcher, false)?;
    Ok(m.unwrap_or(Value::None))
}

fn split_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Value, Matcher)> {
    let me = receiver(vm, args, name)?;
    let given = args.pos.len().saturating_sub(1);
    let (Some(m), 1) = (args.get(1), given) else {
        return Err(exc::type_error(msg::split_arity(name, given)));
    };
    Ok((me, matcher_of(vm, m)?))
}

/// What `split` selects leaf exceptions (and whole subgroups) by.
enum Matcher {
    /// An exception class or a tuple of them (`except` matching).
    Type(Value),
    /// A Python function called with each exception.
    Predicate(Value),
    /// These exact leaf exceptions (`except*` re-raising what its handlers re-raised).
    Leaves(Vec<ObjId>),
}

/// get_matcher_type: a Python function, an exception class, or a tuple of exception classes.
fn matcher_of(vm: &Vm, m: Value) -> PyResult<Matcher> {
    if matches!(vm.heap.get_obj(m), Some(Object::Function(_))) {
        return Ok(Matcher::Predicate(m));
    }
    if vm.is_exception_class(m) {
        return Ok(Matcher::Type(m));
    }
    if let Some(Object::Tuple(items)) = vm.heap.get_obj(m) {
        if items.iter().all(|c| vm.is_exception_class(*c)) {
            return Ok(Matcher::Type(m));
        }
    }
    Err(exc::type_error(msg::BAD_MATCHER))
}

fn matches(vm: &mut Vm, e: Value, matcher: &Matcher) -> PyResult<bool> {
    match matcher {
        Matcher::Type(cls) => vm.exception_matches(e, *cls),
        Matcher::Predicate(f) => {
            let r = vm.call(*f, &[e])?;
            vm.truthy(r)
        }
        Matcher::Leaves(ids) => Ok(e.obj().is_some_and(|id| ids.contains(&id))),
    }
}

/// exceptiongroup_split_recursive: the matching and (with `with_rest`) the other part of
/// `e`, each None when empty.
fn split_recursive(
    vm: &mut Vm,
    e: Value,
    matcher: &Matcher,
    with_rest: bool,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if matches(vm, e, matcher)? {
        return Ok((Some(e), None));
    }
    let Some((_, excs)) = group_parts(vm, e) else {
        return Ok((None, with_rest.then_some(e)));
    };
    vm.enter_data(" in exceptiongroup_split_recursive")?;
    let parts = stacker::maybe_grow(crate::vm::STACK_RED_ZONE, crate::vm::STACK_SEGMENT, || {
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        for x in excs {
            let (m, r) = split_recursive(vm, x, matcher, with_rest)?;
            matched.extend(m);
            rest.extend(r);
        }
        Ok((matched, rest))
    });
    vm.leave_data();
    let (matched, rest) = parts?;
    let m = subset(vm, e, matched)?;
    let r = if with_rest {
        subset(vm, e, rest)?
    } else {
        None
    };
    Ok((m, r))
}

/// exceptiongroup_subset: `orig.derive(excs)` carrying `orig`'s traceback, cause, context and
/// a copy of its notes; None for no exceptions.
fn subset(vm: &mut Vm, orig: Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let list = vm.new_list(excs)?;
    let derive = vm.getattr_opt(orig, "derive")?;
    let Some(derive) = derive else {
        return Err(vm.no_attribute(orig, "derive"));
    };
    let eg = vm.call(derive, &[list])?;
    let is_group_class = match vm.heap.get_obj(eg) {
        Some(Object::Exception(e)) => {
            vm.is_subclass(e.cls, Value::Type(BuiltinType::BaseExceptionGroup))
        }
        _ => false,
    };
    if !is_group_class {
        return Err(exc::type_error(msg::DERIVE_NOT_GROUP));
    }
    let (tb, cause, context) = match vm.heap.get_obj(orig) {
        Some(Object::Exception(o)) => (o.traceback.clone(), o.cause, o.context),
        _ => (Vec::new(), Value::None, Value::None),
    };
    if let Some(Object::Exception(d)) = eg.obj().map(|id| vm.heap.get_mut(id)) {
        if !tb.is_empty() {
            d.traceback = tb;
        }
        d.context = context;
        d.cause = cause;
        // PyException_SetCause always sets __suppress_context__.
        d.suppress_context = true;
    }
    if let Some(notes) = vm.getattr_opt(orig, "__notes__")? {
        if is_sequence(vm, notes)? {
            let items = vm.collect_iterable(notes)?;
            let copy = vm.new_list(items)?;
            let key = vm.intern("__notes__")?;
            vm.setattr(eg, key, copy)?;
        }
    }
    Ok(Some(eg))
}

/// The leaf (non-group) exceptions of `e`, depth first.
fn collect_leaves(vm: &mut Vm, e: Value, out: &mut Vec<ObjId>) -> PyResult<()> {
    let Some((_, excs)) = group_parts(vm, e) else {
        out.extend(e.obj());
        return Ok(());
    };
    vm.enter_data(" in collect_exception_group_leaf_ids")?;
    let r = stacker::maybe_grow(crate::vm::STACK_RED_ZONE, crate::vm::STACK_SEGMENT, || {
        excs.into_iter()
            .try_for_each(|x| collect_leaves(vm, x, out))
    });
    vm.leave_data();
    r
}

/// CHECK_EG_MATCH: the part of the handled exception `exc` that an `except* match_type`
/// clause takes, as `(rest, match)`; None when nothing matches. A matching naked exception
/// is wrapped in `BaseExceptionGroup("", (exc,))`.
pub fn except_star_match(
    vm: &mut Vm,
    exc: Value,
    match_type: Value,
) -> PyResult<Option<(Value, Value)>> {
    check_except_star_type(vm, match_type)?;
    if matches!(exc, Value::None) {
        return Ok(None);
    }
    if vm.exception_matches(exc, match_type)? {
        if is_group(vm, exc) {
            return Ok(Some((Value::None, exc)));
        }
        let empty = vm.new_str(String::new())?;
        let members = vm.new_tuple(vec![exc])?;
        let a = Args::positional(&[empty, members]);
        let wrapped = new_group(vm, Value::Type(BuiltinType::BaseExceptionGroup), &a)?;
        return Ok(Some((Value::None, wrapped)));
    }
    if !is_group(vm, exc) {
        return Ok(None);
    }
    let Some(split) = vm.getattr_opt(exc, "split")? else {
        return Err(vm.no_attribute(exc, "split"));
    };
    let pair = vm.call(split, &[match_type])?;
    let group_type = vm.type_name(exc);
    let items = match vm.heap.get_obj(pair) {
        Some(Object::Tuple(items)) if vm.type_of(pair).is(Value::Type(BuiltinType::Tuple)) => {
            items.clone()
        }
        _ => {
            let got = vm.type_name(pair);
            return Err(exc::type_error(msg::split_not_tuple(&group_type, &got)));
        }
    };
    let [m, rest] = items.as_slice() else {
        return Err(exc::type_error(msg::split_not_pair(
            &group_type,
            items.len(),
        )));
    };
    // CPython trusts these to be exceptions (anything else crashes 3.11.7); pyward refuses.
    let exception_or_none = |v: &Value| {
        matches!(v, Value::None) || matches!(vm.heap.get_obj(*v), Some(Object::Exception(_)))
    };
    if !exception_or_none(m) || !exception_or_none(rest) {
        return Err(exc::type_error(msg::split_bad_part(&group_type)));
    }
    if matches!(m, Value::None) {
        return Ok(None);
    }
    Ok(Some((*rest, *m)))
}

/// check_except_star_type_valid: exception classes only, and no exception groups.
fn check_except_star_type(vm: &mut Vm, t: Value) -> PyResult<()> {
    let classes = match vm.heap.get_obj(t) {
        Some(Object::Tuple(items)) => items.clone(),
        _ => vec![t],
    };
    if !classes.iter().all(|c| vm.is_exception_class(*c)) {
        return Err(exc::type_error(msg::CATCH_NON_EXCEPTION));
    }
    let group = Value::Type(BuiltinType::BaseExceptionGroup);
    if classes.iter().any(|c| vm.is_subclass(*c, group)) {
        return Err(exc::type_error(msg::EXCEPT_STAR_GROUP));
    }
    Ok(())
}

/// `_PyExc_PrepReraiseStar`: what a `try`/`except*` raises when its clauses are done, from
/// the original exception `orig` and `excs` (what each clause raised, then the unmatched
/// rest; None entries for nothing). Re-raised parts keep their place in `orig`'s nesting;
/// newly raised exceptions join them in a new `ExceptionGroup("", [...])`.
pub fn prep_reraise_star(vm: &mut Vm, orig: Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    let Some(first) = excs.first().copied() else {
        return Ok(None);
    };
    if !is_group(vm, orig) {
        // A naked exception was wrapped: only one clause ran, so there is at most one.
        return Ok((!matches!(first, Value::None)).then_some(first));
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs {
        if matches!(e, Value::None) {
            continue;
        }
        if same_metadata(vm, e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut leaves = Vec::new();
    for e in reraised {
        collect_leaves(vm, e, &mut leaves)?;
    }
    let (reraised_eg, _) = split_recursive(vm, orig, &Matcher::Leaves(leaves), false)?;
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    raised.extend(reraised_eg);
    if raised.len() == 1 {
        return Ok(raised.pop());
    }
    let empty = vm.new_str(String::new())?;
    let list = vm.new_list(raised)?;
    let a = Args::positional(&[empty, list]);
    new_group(vm, Value::Type(BuiltinType::BaseExceptionGroup), &a).map(Some)
}

/// is_same_exception_metadata: a part split off `orig` and re-raised as it was (same
/// traceback, cause and context) rather than raised anew. CPython compares the traceback
/// object; pyward's tracebacks are values, compared entry by entry.
fn same_metadata(vm: &Vm, e: Value, orig: Value) -> bool {
    match (vm.heap.get_obj(e), vm.heap.get_obj(orig)) {
        (Some(Object::Exception(a)), Some(Object::Exception(b))) => {
            a.traceback == b.traceback && a.cause.is(b.cause) && a.context.is(b.context)
        }
        _ => false,
    }
}
