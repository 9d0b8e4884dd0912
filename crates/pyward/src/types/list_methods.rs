//! Methods of `list` and `tuple` (Objects/listobject.c, tupleobject.c).

use crate::exc::{self, PyResult};
use crate::natives;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

natives! {
    /// `list` methods.
    ListMethod {
        Append => "append" => append,
        Extend => "extend" => extend,
        Pop => "pop" => pop,
        Insert => "insert" => insert,
        Remove => "remove" => remove,
        Index => "index" => index,
        Count => "count" => count,
        Sort => "sort" => sort,
        Reverse => "reverse" => reverse,
        Copy => "copy" => copy,
        Clear => "clear" => clear,
    }
}

natives! {
    /// `tuple` methods.
    TupleMethod {
        TIndex => "index" => index,
        TCount => "count" => count,
    }
}

/// The receiver as a list id, or the CPython descriptor error.
fn list_recv(vm: &Vm, args: &Args, name: &str) -> PyResult<crate::value::ObjId> {
    match args.get(0) {
        Some(Value::Obj(id)) if matches!(vm.heap.get(id), Object::List(_)) => Ok(id),
        Some(v) => Err(exc::type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
        None => Err(exc::type_error(format!(
            "unbound method list.{name}() needs an argument"
        ))),
    }
}

/// METH_NOARGS: nothing besides the receiver.
fn no_args(args: &Args, qual: &str) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(exc::type_error(format!(
            "{qual}() takes no arguments ({n} given)"
        )));
    }
    Ok(())
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = list_recv(vm, &args, "append")?;
    if args.pos.len() != 2 {
        return Err(exc::type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.pos.len() - 1
        )));
    }
    vm.list_append(Value::Obj(id), args.pos[1])?;
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = list_recv(vm, &args, "extend")?;
    args.arity("extend", 2, 2)
        .map_err(|_| exc::type_error("list.extend() takes exactly one argument"))?;
    vm.list_extend(Value::Obj(id), args.pos[1])?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = list_recv(vm, &args, "pop")?;
    let idx = match args.get(1) {
        Some(v) => Some(vm.index_arg(v, "")?),
        None => None,
    };
    let Object::List(l) = vm.heap.get_mut(id) else {
        return Ok(Value::None);
    };
    if l.is_empty() {
        return Err(exc::index_error("pop from empty list"));
    }
    let len = i64::try_from(l.len()).unwrap_or(i64::MAX);
    let i = idx.unwrap_or(-1);
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(exc::index_error("pop index out of range"));
    }
    Ok(l.remove(usize::try_from(j).unwrap_or(0)))
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = list_recv(vm, &args, "insert")?;
    if args.pos.len() != 3 {
        return Err(exc::type_error(format!(
            "insert expected 2 arguments, got {}",
            args.pos.len() - 1
        )));
    }
    let i = vm.index_arg(args.pos[1], "")?;
    let v = args.pos[2];
    let mut grew = false;
    if let Object::List(l) = vm.heap.get_mut(id) {
        let len = i64::try_from(l.len()).unwrap_or(i64::MAX);
        let j = if i < 0 {
            i.saturating_add(len).max(0)
        } else {
            i.min(len)
        };
        let before = l.capacity();
        l.insert(usize::try_from(j).unwrap_or(0).min(l.len()), v);
        grew = l.capacity() != before;
    }
    // Re-charge only when the buffer reallocated, so repeated inserts stay cheap.
    if grew {
        vm.heap.recharge(id)?;
    }
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = list_recv(vm, &args, "remove")?;
    let target = args
        .get(1)
        .ok_or_else(|| exc::type_error("list.remove() takes exactly one argument (0 given)"))?;
    let items = vm.list_items(Value::Obj(id));
    for (i, v) in items.into_iter().enumerate() {
        if v.is(target) || vm.eq(v, target)? {
            if let Object::List(l) = vm.heap.get_mut(id) {
                if i < l.len() {
                    l.remove(i);
                }
            }
            return Ok(Value::None);
        }
    }
    Err(exc::value_error("list.remove(x): x not in list"))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let recv = args.get(0).unwrap_or(Value::None);
    let is_list = matches!(vm.heap.get_obj(recv), Some(Object::List(_)));
    let target = args
        .get(1)
        .ok_or_else(|| exc::type_error("index expected at least 1 argument, got 0"))?;
    let items = vm.list_items(recv);
    let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
    let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let start = match args.get(2) {
        Some(v) => norm(vm.index_arg(v, "")?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => norm(vm.index_arg(v, "")?),
        None => len,
    };
    for i in start..stop {
        let v = items
            .get(usize::try_from(i).unwrap_or(0))
            .copied()
            .unwrap_or(Value::None);
        if v.is(target) || vm.eq(v, target)? {
            return Ok(Value::Int(i));
        }
    }
    if is_list {
        // CPython 3.11 `list_index_impl`: "%R is not in list".
        let r = vm.repr(target)?;
        Err(exc::value_error(format!("{r} is not in list")))
    } else {
        Err(exc::value_error("tuple.index(x): x not in tuple"))
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let recv = args.get(0).unwrap_or(Value::None);
    let owner = if matches!(vm.heap.get_obj(recv), Some(Object::List(_))) {
        "list"
    } else {
        "tuple"
    };
    let target = match args.pos.as_slice() {
        [_, t] => *t,
        _ => {
            return Err(exc::type_error(format!(
                "{owner}.count() takes exactly one argument ({} given)",
                args.pos.len().saturating_sub(1)
            )));
        }
    };
    let mut n = 0;
    for v in vm.list_items(recv) {
        if v.is(target) || vm.eq(v, target)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let id = list_recv(vm, &args, "sort")?;
    let key = args.take_kw("key").unwrap_or(Value::None);
    let reverse = match args.take_kw("reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    args.no_kwargs("sort")?;
    if args.pos.len() > 1 {
        return Err(exc::type_error("sort() takes no positional arguments"));
    }
    let items = vm.list_items(Value::Obj(id));
    // CPython empties the list while sorting so mutation from key functions is detectable.
    if let Object::List(l) = vm.heap.get_mut(id) {
        l.clear();
    }
    vm.temp_roots.extend_from_slice(&items);
    let sorted = crate::builtins::sort::sort_values(vm, items.clone(), key, reverse);
    let n = items.len();
    vm.temp_roots
        .truncate(vm.temp_roots.len().saturating_sub(n));
    let modified = matches!(vm.heap.get(id), Object::List(l) if !l.is_empty());
    match sorted {
        Ok(s) => {
            if let Object::List(l) = vm.heap.get_mut(id) {
                *l = s;
            }
            if modified {
                return Err(exc::value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            if let Object::List(l) = vm.heap.get_mut(id) {
                *l = items;
            }
            Err(e)
        }
    }
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = list_recv(vm, &args, "reverse")?;
    no_args(&args, "list.reverse")?;
    if let Object::List(l) = vm.heap.get_mut(id) {
        l.reverse();
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = list_recv(vm, &args, "copy")?;
    no_args(&args, "list.copy")?;
    let items = vm.list_items(Value::Obj(id));
    vm.new_list(items)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = list_recv(vm, &args, "clear")?;
    no_args(&args, "list.clear")?;
    if let Object::List(l) = vm.heap.get_mut(id) {
        // Drop the buffer too, so the released memory is returned to the account.
        *l = Vec::new();
    }
    vm.heap.recharge(id)?;
    Ok(Value::None)
}
