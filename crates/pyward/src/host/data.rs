//! `Data`: the plain values that cross the embedder boundary (inputs, host-call arguments and
//! results, the run's result), and their conversion to and from sandbox values.
//!
//! Both directions use an explicit work stack, never Rust recursion, so nesting depth is
//! bounded by memory, not by the host's stack. Going in, every object is charged to the
//! run's memory limit like any other allocation. Coming out, a value nested deeper than
//! `MAX_DATA_DEPTH` or holding a reference cycle is a catchable exception (RecursionError,
//! ValueError), and the total size is bounded by the memory limit (shared substructure is
//! converted once per occurrence, so a small DAG can describe a huge tree).

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use rustc_hash::FxHashSet;

use crate::exc::{self, PyResult, RunError};
use crate::types::object::Object;
use crate::types::set::Set;
use crate::value::{ObjId, Value};
use crate::vm::Vm;

/// How deep a value coming out of the sandbox may nest. Python's own recursive algorithms
/// (repr, json, pickle) stop at the recursion limit, 1000 by default; `Data` values are
/// dropped, compared and printed recursively by Rust (the derives), so the embedder's stack
/// needs the same bound. Values going in may nest arbitrarily deep.
pub const MAX_DATA_DEPTH: usize = 1000;

/// A plain value crossing the boundary between the embedder and the sandbox.
///
/// Subclasses of builtin types convert as their base (`IntEnum` → `Int`, namedtuple →
/// `Tuple`, `Counter`/`defaultdict`/`OrderedDict` → `Dict`, `bytearray` → `Bytes`). A
/// sandbox value that is not plain data (an instance, a function, a range, ...) comes out as
/// `Repr`, and cannot go in.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Data {
    /// `None`
    None,
    /// `bool`
    Bool(bool),
    /// An `int` that fits in `i64`.
    Int(i64),
    /// An `int` outside `i64` (going in, any value is accepted and normalised).
    BigInt(BigInt),
    /// `float`
    Float(f64),
    /// `str`
    Str(String),
    /// `bytes` (and `bytearray` coming out)
    Bytes(Vec<u8>),
    /// `list`
    List(#[serde(deserialize_with = "crate::snapshot::nested_data")] Vec<Data>),
    /// `tuple`
    Tuple(#[serde(deserialize_with = "crate::snapshot::nested_data")] Vec<Data>),
    /// `dict`, in insertion order.
    Dict(#[serde(deserialize_with = "crate::snapshot::nested_data")] Vec<(Data, Data)>),
    /// `set`, in the sandbox's iteration order.
    Set(#[serde(deserialize_with = "crate::snapshot::nested_data")] Vec<Data>),
    /// `frozenset`
    FrozenSet(#[serde(deserialize_with = "crate::snapshot::nested_data")] Vec<Data>),
    /// A sandbox value that is not plain data, coming out: its type name and `repr()`.
    Repr {
        /// `type(value).__name__`
        type_name: String,
        /// `repr(value)` (or `<TypeName object>` when its `__repr__` failed).
        repr: String,
    },
}

impl From<bool> for Data {
    fn from(b: bool) -> Data {
        Data::Bool(b)
    }
}

impl From<i64> for Data {
    fn from(i: i64) -> Data {
        Data::Int(i)
    }
}

impl From<i32> for Data {
    fn from(i: i32) -> Data {
        Data::Int(i64::from(i))
    }
}

impl From<u32> for Data {
    fn from(i: u32) -> Data {
        Data::Int(i64::from(i))
    }
}

impl From<u64> for Data {
    fn from(i: u64) -> Data {
        match i64::try_from(i) {
            Ok(i) => Data::Int(i),
            Err(_) => Data::BigInt(BigInt::from(i)),
        }
    }
}

impl From<usize> for Data {
    fn from(i: usize) -> Data {
        Data::from(u64::try_from(i).unwrap_or(u64::MAX))
    }
}

impl From<Vec<Data>> for Data {
    fn from(items: Vec<Data>) -> Data {
        Data::List(items)
    }
}

impl<T: Into<Data>> From<Option<T>> for Data {
    fn from(v: Option<T>) -> Data {
        v.map_or(Data::None, Into::into)
    }
}

impl From<f64> for Data {
    fn from(f: f64) -> Data {
        Data::Float(f)
    }
}

impl From<&str> for Data {
    fn from(s: &str) -> Data {
        Data::Str(s.to_string())
    }
}

impl From<String> for Data {
    fn from(s: String) -> Data {
        Data::Str(s)
    }
}

impl From<BigInt> for Data {
    fn from(b: BigInt) -> Data {
        match b.to_i64() {
            Some(i) => Data::Int(i),
            None => Data::BigInt(b),
        }
    }
}

/// Why a value could not go into the sandbox.
#[derive(Debug)]
pub(crate) enum InError {
    /// The value is not valid (an unhashable key, a `Repr`): a message for `Error::Api`.
    Invalid(String),
    /// A limit was breached while building it.
    Limit(RunError),
}

/// What remains to do while building sandbox values.
enum InTask {
    /// Convert this value and push the result.
    Visit(Data),
    /// Pop `n` built values and make a container of them.
    Build(Kind, usize),
}

#[derive(Clone, Copy)]
enum Kind {
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
}

/// Convert `data` to a sandbox value. Consumes `data` piece by piece, so even a very deep
/// value is taken apart without recursion (dropping it whole would recurse).
///
/// No collection can run during the conversion (the GC runs only at the dispatch loop's safe
/// points), so the values built so far need no rooting.
pub(crate) fn to_value(vm: &mut Vm, data: Data) -> Result<Value, InError> {
    let mut tasks = vec![InTask::Visit(data)];
    let mut built: Vec<Value> = Vec::new();
    while let Some(task) = tasks.pop() {
        match task {
            InTask::Visit(d) => {
                if let Some(v) = leaf_value(vm, d, &mut tasks)? {
                    built.push(v);
                }
            }
            InTask::Build(kind, n) => {
                let at = built.len().saturating_sub(n);
                let items = built.split_off(at);
                let v = build(vm, kind, items)?;
                built.push(v);
            }
        }
    }
    built
        .pop()
        .ok_or_else(|| InError::Invalid("empty conversion".into()))
}

/// A scalar's value, or None after scheduling a container's children.
fn leaf_value(vm: &mut Vm, d: Data, tasks: &mut Vec<InTask>) -> Result<Option<Value>, InError> {
    let v = match d {
        Data::None => Value::None,
        Data::Bool(b) => Value::Bool(b),
        Data::Int(i) => Value::Int(i),
        Data::BigInt(b) => crate::vm::ops::int::from_big(vm, b).map_err(InError::Limit)?,
        Data::Float(f) => Value::Float(f),
        Data::Str(s) => vm.new_str(s).map_err(InError::Limit)?,
        Data::Bytes(b) => vm.alloc(Object::Bytes(b)).map_err(InError::Limit)?,
        Data::List(items) => return Ok(schedule(tasks, Kind::List, items)),
        Data::Tuple(items) => return Ok(schedule(tasks, Kind::Tuple, items)),
        Data::Set(items) => return Ok(schedule(tasks, Kind::Set, items)),
        Data::FrozenSet(items) => return Ok(schedule(tasks, Kind::FrozenSet, items)),
        Data::Dict(pairs) => {
            tasks.push(InTask::Build(Kind::Dict, pairs.len().saturating_mul(2)));
            for (k, v) in pairs.into_iter().rev() {
                tasks.push(InTask::Visit(v));
                tasks.push(InTask::Visit(k));
            }
            return Ok(None);
        }
        Data::Repr { type_name, .. } => {
            // Not plain data: refuse rather than invent a value.
            return Err(InError::Invalid(format!(
                "a Repr value (of type {type_name}) cannot go into the sandbox"
            )));
        }
    };
    Ok(Some(v))
}

fn schedule(tasks: &mut Vec<InTask>, kind: Kind, items: Vec<Data>) -> Option<Value> {
    tasks.push(InTask::Build(kind, items.len()));
    tasks.extend(items.into_iter().rev().map(InTask::Visit));
    None
}

fn build(vm: &mut Vm, kind: Kind, items: Vec<Value>) -> Result<Value, InError> {
    let r = match kind {
        Kind::List => vm.new_list(items),
        Kind::Tuple => vm.new_tuple(items),
        Kind::Set | Kind::FrozenSet => (|| {
            let s = vm.make_set(matches!(kind, Kind::FrozenSet), None)?;
            for v in items {
                vm.set_add(s, v)?;
            }
            Ok(s)
        })(),
        Kind::Dict => (|| {
            let d = vm.new_dict()?;
            for pair in items.chunks(2) {
                if let [k, v] = pair {
                    vm.dict_set(d, *k, *v)?;
                }
            }
            Ok(d)
        })(),
    };
    r.map_err(|e| in_error(vm, e))
}

/// A conversion failure: limits stay limits; an exception (unhashable key) is invalid input.
fn in_error(vm: &mut Vm, e: RunError) -> InError {
    match e {
        RunError::Exc(x) => {
            let text = match vm.materialize(*x) {
                Ok(id) => vm.exception_summary(Value::Obj(id)),
                Err(e) => return InError::Limit(e),
            };
            InError::Invalid(text)
        }
        other => InError::Limit(other),
    }
}

/// A container being converted out: its remaining children (last first) and the finished
/// children so far.
struct OutFrame {
    kind: Kind,
    /// The container's id while it is being converted (cycle detection).
    id: ObjId,
    pending: Vec<Value>,
    done: Vec<Data>,
}

/// Convert a sandbox value to `Data`. A value nested deeper than `MAX_DATA_DEPTH` raises
/// RecursionError, a reference cycle ValueError; a result bigger than the memory limit is a
/// memory limit breach. Non-data values become `Data::Repr` (their `__repr__` may run Python
/// code, under the run's limits).
pub(crate) fn to_data(vm: &mut Vm, v: Value) -> PyResult<Data> {
    let mut budget = vm.heap.account.max_bytes;
    let mut stack: Vec<OutFrame> = Vec::new();
    let mut on_path: FxHashSet<ObjId> = FxHashSet::default();
    let mut next = v;
    loop {
        // Convert `next`: a leaf finishes at once, a container opens a frame.
        let mut finished = match classify(vm, next)? {
            Shape::Leaf(d) => Some(d),
            Shape::Container(kind, id, mut children) => {
                if !on_path.insert(id) {
                    return Err(exc::value_error("Circular reference detected"));
                }
                if stack.len() >= MAX_DATA_DEPTH {
                    return Err(exc::recursion_error(
                        "maximum recursion depth exceeded while converting a value for the host",
                    ));
                }
                children.reverse();
                stack.push(OutFrame {
                    kind,
                    id,
                    pending: children,
                    done: Vec::new(),
                });
                None
            }
        };
        // Hand finished values to their parents until some container has more to do.
        loop {
            if let Some(d) = finished.take() {
                budget = charge(budget, &d)?;
                match stack.last_mut() {
                    Some(top) => top.done.push(d),
                    None => return Ok(d),
                }
            }
            let Some(top) = stack.last_mut() else {
                return Err(RunError::Internal("data conversion lost its value"));
            };
            if let Some(child) = top.pending.pop() {
                next = child;
                break;
            }
            let Some(frame) = stack.pop() else {
                return Err(RunError::Internal("data conversion lost its frame"));
            };
            on_path.remove(&frame.id);
            finished = Some(wrap(frame.kind, frame.done));
        }
    }
}

/// Charge one converted value against what remains of the size budget.
fn charge(budget: usize, d: &Data) -> PyResult<usize> {
    let extra = match d {
        Data::Str(s) => s.len(),
        Data::Bytes(b) => b.len(),
        Data::Repr { type_name, repr } => type_name.len().saturating_add(repr.len()),
        _ => 0,
    };
    let cost = std::mem::size_of::<Data>().saturating_add(extra);
    budget.checked_sub(cost).ok_or(RunError::memory_limit())
}

fn wrap(kind: Kind, done: Vec<Data>) -> Data {
    match kind {
        Kind::List => Data::List(done),
        Kind::Tuple => Data::Tuple(done),
        Kind::Set => Data::Set(done),
        Kind::FrozenSet => Data::FrozenSet(done),
        Kind::Dict => {
            let mut pairs = Vec::with_capacity(done.len() / 2);
            let mut it = done.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                pairs.push((k, v));
            }
            Data::Dict(pairs)
        }
    }
}

enum Shape {
    Leaf(Data),
    Container(Kind, ObjId, Vec<Value>),
}

/// What a value is, seen through subclass instances to their builtin payload.
fn classify(vm: &mut Vm, v: Value) -> PyResult<Shape> {
    let mut cur = v;
    // A subclass instance wraps its builtin value (`payload`); bounded because a payload is
    // never itself an instance of a subclass.
    for _ in 0..4 {
        let Value::Obj(id) = cur else { break };
        let obj = vm.heap.get(id);
        let shape = match obj {
            Object::Str(s) => Shape::Leaf(Data::Str(s.s.as_str().to_owned())),
            Object::Bytes(b) | Object::ByteArray(b) => Shape::Leaf(Data::Bytes(b.clone())),
            Object::BigInt(b) => Shape::Leaf(Data::from(b.clone())),
            Object::List(items) => Shape::Container(Kind::List, id, items.clone()),
            Object::Tuple(items) => Shape::Container(Kind::Tuple, id, items.clone()),
            Object::Dict(d) => {
                let mut flat = Vec::with_capacity(d.len().saturating_mul(2));
                for e in d.iter() {
                    flat.push(e.key);
                    flat.push(e.value);
                }
                Shape::Container(Kind::Dict, id, flat)
            }
            Object::Set(s) => Shape::Container(Kind::Set, id, set_values(s)),
            Object::FrozenSet(s) => Shape::Container(Kind::FrozenSet, id, set_values(s)),
            Object::Instance(i) if !matches!(i.payload, Value::None | Value::Unbound) => {
                cur = i.payload;
                continue;
            }
            _ => return repr_of(vm, v),
        };
        return Ok(shape);
    }
    Ok(Shape::Leaf(match cur {
        Value::None => Data::None,
        Value::Bool(b) => Data::Bool(b),
        Value::Int(i) => Data::Int(i),
        Value::Float(f) => Data::Float(f),
        _ => return repr_of(vm, v),
    }))
}

fn set_values(s: &Set) -> Vec<Value> {
    s.iter().map(|(_, v)| v).collect()
}

/// `Data::Repr` of a non-data value. A failing `__repr__` gives `<TypeName object>`; a
/// breached limit still ends the run.
fn repr_of(vm: &mut Vm, v: Value) -> PyResult<Shape> {
    let type_name = vm.type_name(v);
    let repr = match vm.repr(v) {
        Ok(r) => r,
        Err(RunError::Exc(_)) => format!("<{type_name} object>"),
        Err(e) => return Err(e),
    };
    Ok(Shape::Leaf(Data::Repr { type_name, repr }))
}
