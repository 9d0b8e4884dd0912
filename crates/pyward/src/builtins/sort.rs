//! A stable merge sort with a fallible comparator: comparisons may call Python (`key=`,
//! user `__lt__`), raise, or be inconsistent, and none of that may panic or loop forever
//! (Rust's `sort_by` may panic on an inconsistent order).

use std::cmp::Ordering;

use crate::bytecode::CmpOp;
use crate::exc::PyResult;
use crate::heap::Heap;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

/// Sort values by `key` (None: the values themselves), stable, optionally reversed.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Value,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys = if matches!(key, Value::None) {
        items.clone()
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for v in &items {
            let k = vm.call(key, &[*v])?;
            vm.temp_roots.push(k);
            ks.push(k);
        }
        ks
    };
    let n = items.len();
    let mut idx: Vec<usize> = (0..n).collect();
    if reverse {
        idx.reverse();
    }
    let r = if sort_uniform(&vm.heap, &mut idx, &keys) {
        Ok(())
    } else {
        merge_sort(vm, &mut idx, &keys)
    };
    if !matches!(key, Value::None) {
        vm.temp_roots
            .truncate(vm.temp_roots.len().saturating_sub(n));
    }
    r?;
    if reverse {
        idx.reverse();
    }
    Ok(idx
        .into_iter()
        .filter_map(|i| items.get(i).copied())
        .collect())
}

/// Sort `idx` by keys that are all small ints or all strs, whose `<` is a total order that
/// calls no Python, with Rust's stable sort. False (nothing done) for any other keys.
fn sort_uniform(heap: &Heap, idx: &mut [usize], keys: &[Value]) -> bool {
    if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        idx.sort_by_key(|&i| match keys.get(i) {
            Some(Value::Int(x)) => *x,
            _ => 0,
        });
        return true;
    }
    let mut strs: Vec<&str> = Vec::with_capacity(keys.len());
    for k in keys {
        match heap.get_obj(*k) {
            Some(Object::Str(s)) => strs.push(&s.s),
            _ => return false,
        }
    }
    idx.sort_by(|&i, &j| strs.get(i).cmp(&strs.get(j)));
    true
}

fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let Some(o) = quick_cmp(&vm.heap, a, b) {
        return Ok(o == Ordering::Less);
    }
    let r = vm.compare(CmpOp::Lt, a, b)?;
    vm.truthy(r)
}

/// The order of two keys when it needs no Python and no deep data: ints, floats (not NaN)
/// and strs of one type, and tuples of those compared item by item (the first items that
/// differ decide, as `==` then `<` would). None sends the comparison the general way.
fn quick_cmp(heap: &Heap, a: Value, b: Value) -> Option<Ordering> {
    if let Some(o) = scalar_cmp(heap, a, b) {
        return Some(o);
    }
    let (Some(Object::Tuple(x)), Some(Object::Tuple(y))) = (heap.get_obj(a), heap.get_obj(b))
    else {
        return None;
    };
    for (p, q) in x.iter().zip(y.iter()) {
        match scalar_cmp(heap, *p, *q)? {
            Ordering::Equal => {}
            o => return Some(o),
        }
    }
    Some(x.len().cmp(&y.len()))
}

fn scalar_cmp(heap: &Heap, a: Value, b: Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(&y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(&y),
        (Value::Obj(_), Value::Obj(_)) => match (heap.get_obj(a), heap.get_obj(b)) {
            (Some(Object::Str(x)), Some(Object::Str(y))) => Some(x.s.as_str().cmp(y.s.as_str())),
            _ => None,
        },
        _ => None,
    }
}

fn merge_sort(vm: &mut Vm, idx: &mut Vec<usize>, keys: &[Value]) -> PyResult<()> {
    let n = idx.len();
    if n < 2 {
        return Ok(());
    }
    // Insertion sort small runs, then merge bottom-up.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start {
                let (a, b) = (key_at(keys, idx, j), key_at(keys, idx, j - 1));
                if less(vm, a, b)? {
                    idx.swap(j, j - 1);
                    j -= 1;
                } else {
                    break;
                }
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf = vec![0usize; n];
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                let (a, b) = (key_at(keys, idx, j), key_at(keys, idx, i));
                // Take from the right only when strictly less: keeps the sort stable.
                if less(vm, a, b)? {
                    buf[k] = idx[j];
                    j += 1;
                } else {
                    buf[k] = idx[i];
                    i += 1;
                }
                k += 1;
            }
            while i < mid {
                buf[k] = idx[i];
                i += 1;
                k += 1;
            }
            while j < hi {
                buf[k] = idx[j];
                j += 1;
                k += 1;
            }
            lo = hi;
        }
        std::mem::swap(idx, &mut buf);
        width *= 2;
    }
    Ok(())
}

fn key_at(keys: &[Value], idx: &[usize], i: usize) -> Value {
    idx.get(i)
        .and_then(|&k| keys.get(k))
        .copied()
        .unwrap_or(Value::None)
}
