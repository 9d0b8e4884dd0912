//! Truthiness, type names and index conversion.

use crate::exc::{self, PyResult};
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

use super::int::to_big;

impl Vm {
    /// `bool(v)`.
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        Ok(match v {
            Value::None | Value::Unbound => false,
            Value::Bool(b) => b,
            Value::Int(i) => i != 0,
            Value::Float(f) => f != 0.0,
            Value::Type(_) | Value::Native(_) | Value::NotImplemented | Value::Ellipsis => true,
            Value::Obj(id) => match self.heap.get(id) {
                Object::Str(s) => !s.s.is_empty(),
                Object::Bytes(b) | Object::ByteArray(b) => !b.is_empty(),
                Object::BigInt(_) => true,
                Object::Complex(c) => c.re != 0.0 || c.im != 0.0,
                Object::List(l) | Object::Tuple(l) => !l.is_empty(),
                Object::Dict(d) => !d.is_empty(),
                Object::Set(s) | Object::FrozenSet(s) => !s.is_empty(),
                Object::Range(r) => !r.is_empty(),
                Object::BigRange(r) => !num_traits::Zero::is_zero(&r.len()),
                Object::DictView(_, d) => {
                    let d = *d;
                    return Ok(self.len_of(d)? != 0);
                }
                Object::Instance(_) => return self.instance_truthy(v),
                _ => true,
            },
        })
    }

    /// The type of a builtin iterator, as CPython names it by what it iterates.
    fn iter_type(&self, it: &crate::types::iter::Iter) -> BuiltinType {
        use crate::types::iter::Iter;
        let kind = |v: Value| self.heap.get_obj(v);
        match it {
            Iter::Seq { seq, .. } => match kind(*seq) {
                Some(Object::Tuple(_)) => BuiltinType::TupleIterator,
                _ => BuiltinType::ListIterator,
            },
            Iter::Str { s, .. } => match kind(*s) {
                Some(Object::Str(x)) if !x.s.is_ascii() => BuiltinType::StrIterator,
                _ => BuiltinType::StrAsciiIterator,
            },
            Iter::Bytes { b, .. } => match kind(*b) {
                Some(Object::ByteArray(_)) => BuiltinType::ByteArrayIterator,
                _ => BuiltinType::BytesIterator,
            },
            Iter::Range { .. } => BuiltinType::RangeIterator,
            Iter::BigRange(_) => BuiltinType::LongRangeIterator,
            Iter::Dict { kind: 1, .. } => BuiltinType::DictValueIterator,
            Iter::Dict { kind: 2, .. } => BuiltinType::DictItemIterator,
            Iter::Dict { .. } => BuiltinType::DictKeyIterator,
            Iter::Set { .. } => BuiltinType::SetIterator,
            Iter::Enumerate { .. } => BuiltinType::Enumerate,
            Iter::Zip { .. } => BuiltinType::Zip,
            Iter::Map { .. } => BuiltinType::Map,
            Iter::Filter { .. } => BuiltinType::Filter,
            Iter::Reversed { seq, .. } => match kind(*seq) {
                Some(Object::List(_)) => BuiltinType::ListReverseIterator,
                _ => BuiltinType::Reversed,
            },
            Iter::Callable { .. } => BuiltinType::CallableIterator,
            Iter::GetItem { .. } | Iter::Done => BuiltinType::Iterator,
        }
    }

    /// The builtin type of a value.
    pub fn builtin_type_of(&self, v: Value) -> BuiltinType {
        match v {
            Value::None | Value::Unbound => BuiltinType::NoneType,
            Value::Bool(_) => BuiltinType::Bool,
            Value::Int(_) => BuiltinType::Int,
            Value::Float(_) => BuiltinType::Float,
            Value::Type(_) => BuiltinType::Type,
            Value::Native(_) => BuiltinType::BuiltinFunction,
            Value::NotImplemented => BuiltinType::NotImplementedType,
            Value::Ellipsis => BuiltinType::Ellipsis,
            Value::Obj(id) => match self.heap.get(id) {
                Object::Freed => BuiltinType::Object,
                Object::Str(_) => BuiltinType::Str,
                Object::Bytes(_) => BuiltinType::Bytes,
                Object::ByteArray(_) => BuiltinType::ByteArray,
                Object::BigInt(_) => BuiltinType::Int,
                Object::Complex(_) => BuiltinType::Complex,
                Object::List(_) => BuiltinType::List,
                Object::Tuple(_) => BuiltinType::Tuple,
                Object::Dict(_) => BuiltinType::Dict,
                Object::Set(_) => BuiltinType::Set,
                Object::FrozenSet(_) => BuiltinType::FrozenSet,
                Object::Range(_) | Object::BigRange(_) => BuiltinType::Range,
                Object::Slice(_) => BuiltinType::Slice,
                Object::Function(_) => BuiltinType::Function,
                Object::CodeRt(_) => BuiltinType::Code,
                Object::Cell(_) => BuiltinType::Cell,
                Object::BoundMethod(b) => {
                    if matches!(b.func, Value::Native(_)) {
                        BuiltinType::BuiltinFunction
                    } else {
                        BuiltinType::Method
                    }
                }
                Object::Iter(it) => self.iter_type(it),
                Object::Exception(e) => match e.cls {
                    Value::Type(t) => t,
                    c => self.base_type_of(c),
                },
                Object::Module(_) => BuiltinType::Module,
                Object::Class(_) => BuiltinType::Type,
                Object::Generator(g) => match g.kind {
                    crate::types::generator::GenKind::Generator => BuiltinType::Generator,
                    crate::types::generator::GenKind::Coroutine => BuiltinType::Coroutine,
                    crate::types::generator::GenKind::AsyncGenerator => BuiltinType::AsyncGenerator,
                },
                Object::AwaitOp(a) => match a.kind {
                    crate::types::generator::AwaitKind::CoroWrapper => {
                        BuiltinType::CoroutineWrapper
                    }
                    crate::types::generator::AwaitKind::ASend => BuiltinType::AsyncGenASend,
                    crate::types::generator::AwaitKind::AThrow
                    | crate::types::generator::AwaitKind::AClose => BuiltinType::AsyncGenAThrow,
                },
                Object::Traceback(_) => BuiltinType::Traceback,
                Object::Instance(i) => match i.class {
                    Value::Type(t) => t,
                    c => self.base_type_of(c),
                },
                Object::Property(_) => BuiltinType::Property,
                Object::StaticMethod(_) => BuiltinType::StaticMethod,
                Object::ClassMethod(_) => BuiltinType::ClassMethod,
                Object::Super { .. } => BuiltinType::Super,
                Object::DictView(k, _) => match k {
                    crate::types::object::DictViewKind::Keys => BuiltinType::DictKeys,
                    crate::types::object::DictViewKind::Values => BuiltinType::DictValues,
                    crate::types::object::DictViewKind::Items => BuiltinType::DictItems,
                },
            },
        }
    }

    /// `type(v)` as a value.
    pub fn type_of(&self, v: Value) -> Value {
        match self.heap.get_obj(v) {
            Some(Object::Exception(e)) => e.cls,
            Some(Object::Instance(i)) => i.class,
            Some(Object::Class(c)) => c.metaclass,
            _ => Value::Type(self.builtin_type_of(v)),
        }
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: Value) -> String {
        let t = self.type_of(v);
        self.class_name(t)
    }

    /// `cls.__name__` of a class value.
    pub fn class_name(&self, cls: Value) -> String {
        match cls {
            Value::Type(t) => t.name().to_string(),
            _ => match self.heap.get_obj(cls) {
                Some(Object::Class(c)) => c.name.clone(),
                _ => "object".to_string(),
            },
        }
    }

    /// Truthiness of a user instance: `__bool__`, then `__len__`, then the builtin payload.
    fn instance_truthy(&mut self, v: Value) -> PyResult<bool> {
        if let Some(r) = self.call_dunder(v, "__bool__", &[])? {
            return match r {
                Value::Bool(b) => Ok(b),
                _ => Err(exc::type_error(format!(
                    "__bool__ should return bool, returned {}",
                    self.type_name(r)
                ))),
            };
        }
        if let Some(r) = self.call_dunder(v, "__len__", &[])? {
            let n = self.len_result(r)?;
            return Ok(n != 0);
        }
        let view = self.builtin_view(v);
        if view.is(v) {
            Ok(true)
        } else {
            self.truthy(view)
        }
    }

    /// Validate a `__len__` result.
    pub(crate) fn len_result(&self, r: Value) -> PyResult<usize> {
        match self.to_index(r) {
            Some(n) if n >= 0 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
            Some(_) => Err(exc::value_error("__len__() should return >= 0")),
            None => Err(exc::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(r)
            ))),
        }
    }

    /// An int usable as an index (`__index__`): ints and bools, and instances of int
    /// subclasses (their payload).
    pub fn to_index(&self, v: Value) -> Option<i64> {
        match v {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(i64::from(b)),
            Value::Obj(id) => match self.heap.get(id) {
                Object::Instance(i) => match i.payload {
                    Value::Int(i) => Some(i),
                    Value::Bool(b) => Some(i64::from(b)),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    /// An index argument: ints and bools; big ints saturate; others are a TypeError.
    pub fn index_arg(&self, v: Value, what: &str) -> PyResult<i64> {
        if let Some(i) = self.to_index(v) {
            return Ok(i);
        }
        if let Some(b) = to_big(self, v) {
            return Ok(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            });
        }
        Err(exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer{what}",
            self.type_name(v)
        )))
    }
}
