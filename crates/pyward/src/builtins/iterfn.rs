//! Iteration builtins: iter, next, enumerate, zip, map, filter, reversed, sorted, sum, min,
//! max, any, all.

use crate::bytecode::{BinOp, CmpOp};
use crate::exc::{self, PyResult};
use crate::types::iter::Iter;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

/// `iter(obj[, sentinel])`.
pub fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("iter", 1, 2)?;
    match args.get(1) {
        None => vm.get_iter(args.pos[0]),
        Some(sentinel) => vm.alloc(Object::Iter(Iter::Callable {
            func: args.pos[0],
            sentinel,
        })),
    }
}

/// `next(it[, default])`.
pub fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("next", 1, 2)?;
    let it = args.pos[0];
    if !vm.is_iterator(it) {
        return Err(exc::type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(it)
        )));
    }
    let step = match (vm.heap.get_obj(it), it.obj()) {
        (Some(Object::Generator(_)), Some(gid)) => vm.gen_next(gid)?,
        // An awaitable's StopIteration carries the awaited result: keep it.
        (Some(Object::AwaitOp(_)), Some(id)) => match vm.await_op_send(id, Value::None) {
            Ok(v) => Some(v),
            Err(e) if vm.is_stop_iteration(&e) && args.get(1).is_some() => None,
            Err(e) => return Err(e),
        },
        _ => vm.next(it)?,
    };
    match step {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d),
            None => Err(crate::exc::stop_iteration(vm.take_return_value(it))),
        },
    }
}

/// `enumerate(iterable, start=0)`.
pub fn enumerate(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    if let Some(it) = args.take_kw("iterable") {
        args.pos.insert(0, it);
    }
    args.no_kwargs("enumerate")?;
    args.arity("enumerate", 1, 2)?;
    let count = match start.or_else(|| args.get(1)) {
        Some(v) => vm.index_arg(v, "")?,
        None => 0,
    };
    let it = vm.get_iter(args.pos[0])?;
    vm.alloc(Object::Iter(Iter::Enumerate { it, count }))
}

/// `zip(*iterables, strict=False)`.
pub fn zip(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let strict = match args.take_kw("strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    args.no_kwargs("zip")?;
    let mut its = Vec::with_capacity(args.pos.len());
    for v in &args.pos {
        its.push(vm.get_iter(*v)?);
    }
    vm.alloc(Object::Iter(Iter::Zip { its, strict }))
}

/// `map(func, *iterables)`.
pub fn map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("map")?;
    if args.pos.len() < 2 {
        return Err(exc::type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for v in args.pos.iter().skip(1) {
        its.push(vm.get_iter(*v)?);
    }
    vm.alloc(Object::Iter(Iter::Map {
        func: args.pos[0],
        its,
    }))
}

/// `filter(func, iterable)`.
pub fn filter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("filter")?;
    args.arity("filter", 2, 2)?;
    let it = vm.get_iter(args.pos[1])?;
    vm.alloc(Object::Iter(Iter::Filter {
        func: args.pos[0],
        it,
    }))
}

/// `reversed(seq)`.
pub fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("reversed")?;
    args.arity("reversed", 1, 1)?;
    let seq = args.pos[0];
    if vm.is_user_instance(seq) {
        if let Some(r) = vm.call_dunder(seq, "__reversed__", &[])? {
            return Ok(r);
        }
        if vm.user_dunder(seq, "__getitem__")?.is_some()
            && vm.user_dunder(seq, "__len__")?.is_some()
        {
            let n = vm.len_of(seq)?;
            return vm.alloc(Object::Iter(Iter::Reversed { seq, idx: n }));
        }
        let view = vm.builtin_view(seq);
        if !view.is(seq) {
            let n = vm.len_of(view)?;
            return vm.alloc(Object::Iter(Iter::Reversed { seq: view, idx: n }));
        }
    }
    match vm.heap.get_obj(seq) {
        Some(Object::Range(_) | Object::BigRange(_)) => vm.range_iter(seq, true),
        Some(
            Object::List(_)
            | Object::Tuple(_)
            | Object::Str(_)
            | Object::Bytes(_)
            | Object::ByteArray(_),
        ) => {
            let n = vm.len_of(seq)?;
            vm.alloc(Object::Iter(Iter::Reversed { seq, idx: n }))
        }
        Some(Object::Dict(_) | Object::DictView(..)) => {
            let items = vm.collect_iterable(seq)?;
            let n = items.len();
            let l = vm.new_list(items)?;
            vm.alloc(Object::Iter(Iter::Reversed { seq: l, idx: n }))
        }
        _ => Err(exc::type_error(format!(
            "'{}' object is not reversible",
            vm.type_name(seq)
        ))),
    }
}

/// `sorted(iterable, *, key=None, reverse=False)`.
pub fn sorted(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key").unwrap_or(Value::None);
    let reverse = match args.take_kw("reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if args.pos.len() != 1 {
        return Err(exc::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    args.no_kwargs("sort")?;
    let items = vm.collect_iterable(args.pos[0])?;
    let list = vm.new_list(items.clone())?;
    vm.temp_roots.push(list);
    let r = super::sort::sort_values(vm, items, key, reverse);
    vm.temp_roots.pop();
    let sorted = r?;
    if let Some(id) = list.obj() {
        if let Object::List(l) = vm.heap.get_mut(id) {
            *l = sorted;
        }
    }
    Ok(list)
}

/// `sum(iterable, /, start=0)`.
pub fn sum(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start_kw = args.take_kw("start");
    args.no_kwargs("sum")?;
    args.arity("sum", 1, 2)?;
    let mut acc = start_kw.or_else(|| args.get(1)).unwrap_or(Value::Int(0));
    if vm.str_of(acc).is_some() {
        return Err(exc::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    if let Some(Object::Bytes(_) | Object::ByteArray(_)) = vm.heap.get_obj(acc) {
        return Err(exc::type_error(format!(
            "sum() can't sum {} [use b''.join(seq) instead]",
            vm.type_name(acc)
        )));
    }
    let it = vm.get_iter(args.pos[0])?;
    vm.temp_roots.push(it);
    let r = (|| {
        // Floats accumulate with compensated summation, as CPython 3.12 does not; 3.11 adds
        // plainly, so plain addition is what matches.
        while let Some(v) = vm.next(it)? {
            acc = match (acc, v) {
                (Value::Int(a), Value::Int(b)) if a.checked_add(b).is_some() => Value::Int(a + b),
                (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
                _ => vm.binop(BinOp::Add, acc, v)?,
            };
        }
        Ok(acc)
    })();
    vm.temp_roots.pop();
    r
}

fn min_max(vm: &mut Vm, mut args: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let key = args.take_kw("key").unwrap_or(Value::None);
    let default = args.take_kw("default");
    if args.pos.is_empty() {
        return Err(exc::type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    }
    args.no_kwargs(name)?;
    let items = match args.pos.len() {
        1 => vm.collect_iterable(args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(exc::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.pos.to_vec()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(exc::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        };
    }
    let mut best = items[0];
    let mut best_key = if matches!(key, Value::None) {
        best
    } else {
        vm.call(key, &[best])?
    };
    for v in items.into_iter().skip(1) {
        let k = if matches!(key, Value::None) {
            v
        } else {
            vm.call(key, &[v])?
        };
        let r = vm.compare(op, k, best_key)?;
        if vm.truthy(r)? {
            best = v;
            best_key = k;
        }
    }
    Ok(best)
}

/// `min(...)`.
pub fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", CmpOp::Lt)
}

/// `max(...)`.
pub fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", CmpOp::Gt)
}

/// `any(iterable)`.
pub fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("any", 1, 1)?;
    let it = vm.get_iter(args.pos[0])?;
    while let Some(v) = vm.next(it)? {
        if vm.truthy(v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// `all(iterable)`.
pub fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("all", 1, 1)?;
    let it = vm.get_iter(args.pos[0])?;
    while let Some(v) = vm.next(it)? {
        if !vm.truthy(v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
