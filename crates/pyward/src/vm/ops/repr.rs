//! `repr()` and `str()` of builtin values, in CPython's exact formats.
//!
//! Containers recurse with a depth guard (`enter_data`) and a cycle guard (`repr_stack`), so a
//! self-containing list prints `[...]` and deep nesting ends in RecursionError.

use num_traits::Signed;

use crate::exc::{self, PyResult};
use crate::types::bytes::bytes_repr;
use crate::types::float::float_repr;
use crate::types::int::MAX_STR_DIGITS;
use crate::types::object::{DictViewKind, Object};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `repr(v)`.
    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => float_repr(f),
            Value::Type(t) => format!("<class '{}'>", t.name()),
            Value::Native(n) => format!("<built-in function {}>", n.name()),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Unbound => "<unbound>".into(),
            Value::Obj(id) => {
                if let Some(s) = self.user_repr(v)? {
                    return Ok(s);
                }
                if self.repr_stack.contains(&id) {
                    return Ok(match self.heap.get(id) {
                        Object::List(_) => "[...]".into(),
                        Object::Dict(_) => "{...}".into(),
                        _ => "...".into(),
                    });
                }
                self.enter_data(" while getting the repr of an object")?;
                self.repr_stack.push(id);
                let r = self.grow(|vm| vm.repr_obj(v));
                self.repr_stack.pop();
                self.leave_data();
                r?
            }
        })
    }

    /// `repr` through a user `__repr__`, or the default for user instances; None for others.
    fn user_repr(&mut self, v: Value) -> PyResult<Option<String>> {
        if !self.is_user_instance(v) {
            return Ok(None);
        }
        if let Some(r) = self.call_dunder(v, "__repr__", &[])? {
            return self.string_result(r, "__repr__").map(Some);
        }
        if matches!(
            self.heap.get_obj(v),
            Some(Object::Exception(_) | Object::Class(_))
        ) {
            return Ok(None);
        }
        let view = self.builtin_view(v);
        if !view.is(v) {
            return self.repr(view).map(Some);
        }
        Ok(Some(self.default_repr(v)))
    }

    fn string_result(&self, r: Value, what: &str) -> PyResult<String> {
        match self.str_of(r) {
            Some(s) => Ok(s.to_string()),
            None => Err(exc::type_error(format!(
                "{what} returned non-string (type {})",
                self.type_name(r)
            ))),
        }
    }

    /// Run `f` with at least the red zone of Rust stack available, growing it if needed.
    pub(crate) fn grow<R>(&mut self, f: impl FnOnce(&mut Vm) -> R) -> R {
        stacker::maybe_grow(crate::vm::STACK_RED_ZONE, crate::vm::STACK_SEGMENT, || {
            f(self)
        })
    }

    fn repr_obj(&mut self, v: Value) -> PyResult<String> {
        let Some(id) = v.obj() else {
            return Ok(String::new());
        };
        Ok(match self.heap.get(id) {
            Object::Freed => "<freed>".into(),
            Object::Str(s) => str_repr(&s.s),
            Object::Bytes(b) => bytes_repr(b, "b"),
            Object::ByteArray(b) => format!("bytearray({})", bytes_repr(b, "bytearray")),
            Object::BigInt(b) => {
                let b = b.clone();
                big_to_decimal(&b)?
            }
            Object::Complex(c) => c.repr(),
            Object::List(items) => {
                let items = items.clone();
                format!("[{}]", self.join_reprs(&items)?)
            }
            Object::Tuple(items) => {
                let items = items.clone();
                if items.len() == 1 {
                    format!("({},)", self.join_reprs(&items)?)
                } else {
                    format!("({})", self.join_reprs(&items)?)
                }
            }
            Object::Dict(d) => {
                let pairs: Vec<(Value, Value)> = d.iter().map(|e| (e.key, e.value)).collect();
                let mut out = String::from("{");
                for (i, (k, val)) in pairs.into_iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr(k)?);
                    out.push_str(": ");
                    out.push_str(&self.repr(val)?);
                }
                out.push('}');
                out
            }
            Object::Set(s) => {
                let items: Vec<Value> = s.iter().map(|(_, v)| v).collect();
                if items.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.join_reprs(&items)?)
                }
            }
            Object::FrozenSet(s) => {
                let items: Vec<Value> = s.iter().map(|(_, v)| v).collect();
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", self.join_reprs(&items)?)
                }
            }
            Object::Range(r) => Vm::range_repr(&r.to_big()),
            Object::BigRange(r) => Vm::range_repr(r),
            Object::Slice(s) => {
                let s = *s;
                format!(
                    "slice({}, {}, {})",
                    self.repr(s.start)?,
                    self.repr(s.stop)?,
                    self.repr(s.step)?
                )
            }
            Object::Function(f) => format!(
                "<function {} at 0x{:012x}>",
                f.qualname,
                0x7f00_0000_0000u64 + u64::from(id.0) * 16
            ),
            Object::CodeRt(c) => format!(
                "<code object {} at 0x{:012x}, file \"{}\", line {}>",
                c.code.name,
                0x7f00_0000_0000u64 + u64::from(id.0) * 16,
                c.code.filename,
                c.code.first_line
            ),
            Object::Cell(_) => "<cell>".into(),
            Object::BoundMethod(b) => {
                let (recv, func) = (b.recv, b.func);
                match func {
                    Value::Native(n) => {
                        format!(
                            "<built-in method {} of {} object at 0x{:012x}>",
                            n.name(),
                            self.type_name(recv),
                            0x7f00_0000_0000u64 + u64::from(id.0) * 16
                        )
                    }
                    _ => {
                        let name = match self.heap.get_obj(func) {
                            Some(Object::Function(f)) => f.qualname.clone(),
                            _ => "?".into(),
                        };
                        format!("<bound method {name} of {}>", self.repr(recv)?)
                    }
                }
            }
            Object::Iter(_) => format!(
                "<{} object at 0x{:012x}>",
                self.builtin_type_of(Value::Obj(id)).name(),
                0x7f00_0000_0000u64 + u64::from(id.0) * 16
            ),
            Object::Exception(e) => {
                let (cls, args) = (e.cls, e.args.clone());
                let name = self.class_name(cls);
                format!("{name}({})", self.join_reprs(&args)?)
            }
            Object::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Object::Class(_) => format!("<class '{}'>", self.class_dotted_name(Value::Obj(id))),
            Object::Traceback(_) => format!(
                "<traceback object at 0x{:012x}>",
                0x7f00_0000_0000u64 + u64::from(id.0) * 16
            ),
            Object::Generator(g) => format!(
                "<{} object {} at 0x{:012x}>",
                g.kind.type_name(),
                g.qualname,
                0x7f00_0000_0000u64 + u64::from(id.0) * 16
            ),
            Object::AwaitOp(a) => format!(
                "<{} object at 0x{:012x}>",
                a.kind.type_name(),
                0x7f00_0000_0000u64 + u64::from(id.0) * 16
            ),
            Object::Instance(_) => self.default_repr(v),
            Object::Property(_) => format!(
                "<property object at 0x{:012x}>",
                0x7f00_0000_0000u64 + u64::from(id.0) * 16
            ),
            Object::StaticMethod(f) => {
                let f = *f;
                format!("<staticmethod({})>", self.repr(f)?)
            }
            Object::ClassMethod(f) => {
                let f = *f;
                format!("<classmethod({})>", self.repr(f)?)
            }
            Object::Super { cls, obj } => {
                let (cls, obj) = (*cls, *obj);
                let t = self.type_of(obj);
                format!(
                    "<super: <class '{}'>, <{} object>>",
                    self.class_name(cls),
                    self.class_name(t)
                )
            }
            Object::DictView(kind, d) => {
                let (kind, d) = (*kind, *d);
                let pairs = self.dict_items(d)?;
                let (name, items): (&str, Vec<Value>) = match kind {
                    DictViewKind::Keys => ("dict_keys", pairs.iter().map(|p| p.0).collect()),
                    DictViewKind::Values => ("dict_values", pairs.iter().map(|p| p.1).collect()),
                    DictViewKind::Items => {
                        let mut v = Vec::with_capacity(pairs.len());
                        for (k, val) in pairs {
                            v.push(self.new_tuple(vec![k, val])?);
                        }
                        ("dict_items", v)
                    }
                };
                format!("{name}([{}])", self.join_reprs(&items)?)
            }
        })
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(*v)?);
        }
        Ok(out)
    }

    /// `str(v)`.
    pub fn str(&mut self, v: Value) -> PyResult<String> {
        if self.is_user_instance(v) {
            if let Some(r) = self.call_dunder(v, "__str__", &[])? {
                return self.string_result(r, "__str__");
            }
            if !matches!(self.heap.get_obj(v), Some(Object::Exception(_))) {
                if self.user_dunder(v, "__repr__")?.is_none() {
                    let view = self.builtin_view(v);
                    if !view.is(v) {
                        return self.str(view);
                    }
                }
                return self.repr(v);
            }
        }
        match self.heap.get_obj(v) {
            Some(Object::Str(s)) => Ok(s.s.as_str().to_owned()),
            Some(Object::Exception(e)) if e.group.is_some() => {
                Ok(crate::builtins::excgroup::group_str(self, v)?.unwrap_or_default())
            }
            Some(Object::Exception(_)) => {
                if let Some(s) = self.exception_field_str(v)? {
                    return Ok(s);
                }
                let Some(Object::Exception(e)) = self.heap.get_obj(v) else {
                    return Ok(String::new());
                };
                let args = e.args.clone();
                // KeyError_str: a subclass shows its one argument's repr too.
                let is_key_error =
                    self.is_subclass(e.cls, Value::Type(crate::types::BuiltinType::KeyError));
                match args.as_slice() {
                    [] => Ok(String::new()),
                    [a] => {
                        if is_key_error {
                            self.repr(*a)
                        } else {
                            self.str(*a)
                        }
                    }
                    _ => {
                        let t = self.new_tuple(args)?;
                        self.repr(t)
                    }
                }
            }
            _ => self.repr(v),
        }
    }

    /// `ascii(v)`: repr with non-ASCII escaped.
    pub fn ascii(&mut self, v: Value) -> PyResult<String> {
        let r = self.repr(v)?;
        let mut out = String::with_capacity(r.len());
        for c in r.chars() {
            let n = c as u32;
            if n < 0x80 {
                out.push(c);
            } else if n < 0x100 {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n < 0x10000 {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
        Ok(out)
    }
}

/// Decimal text of a big int, refusing CPython's 4300-digit limit.
pub fn big_to_decimal(b: &num_bigint::BigInt) -> PyResult<String> {
    // bits * log10(2) estimates the digit count without converting.
    let approx_digits = (b.bits() as f64 * std::f64::consts::LOG10_2) as usize;
    if approx_digits > MAX_STR_DIGITS + 1 {
        return Err(exc::value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    let s = b.to_string();
    let digits = if b.is_negative() {
        s.len() - 1
    } else {
        s.len()
    };
    if digits > MAX_STR_DIGITS {
        return Err(exc::value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(s)
}

/// `repr` of a str (Objects/unicodeobject.c unicode_repr).
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if crate::types::unicode::is_printable(c) => out.push(c),
            c => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}
