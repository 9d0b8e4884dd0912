//! JSON encoding (CPython's Modules/_json.c encoder and Lib/json/encoder.py semantics).

use crate::exc::{self, PyResult, messages};
use crate::types::float::float_repr;
use crate::types::object::Object;
use crate::value::{ObjId, Value};
use crate::vm::ops::int::is_int;
use crate::vm::{Args, Vm};

/// Encoder options.
struct Enc {
    skipkeys: bool,
    ensure_ascii: bool,
    check_circular: bool,
    allow_nan: bool,
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    default: Value,
    sort_keys: bool,
    markers: Vec<ObjId>,
    max_depth: usize,
}

/// `encode(obj, skipkeys, ensure_ascii, check_circular, allow_nan, indent, item_separator,
/// key_separator, default, sort_keys)`: `indent` is None or a str.
pub(super) fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("encode", 10, 10)?;
    let flag = |i: usize| matches!(args.pos.get(i), Some(Value::Bool(true)));
    let text = |vm: &Vm, i: usize| -> Option<String> {
        args.get(i).and_then(|v| vm.str_of(v)).map(str::to_string)
    };
    let mut enc = Enc {
        skipkeys: flag(1),
        ensure_ascii: flag(2),
        check_circular: flag(3),
        allow_nan: flag(4),
        indent: text(vm, 5),
        item_sep: text(vm, 6).unwrap_or_else(|| ", ".into()),
        key_sep: text(vm, 7).unwrap_or_else(|| ": ".into()),
        default: args.pos[8],
        sort_keys: flag(9),
        markers: Vec::new(),
        max_depth: super::max_depth(vm),
    };
    let mut out = String::new();
    enc.value(vm, args.pos[0], &mut out, 0)?;
    vm.new_str(out)
}

/// Append a JSON string literal.
pub(super) fn encode_str(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii && (c as u32) > 0x7e) => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Enc {
    fn float(&self, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(float_repr(f));
        }
        if !self.allow_nan {
            return Err(exc::value_error(
                "Out of range float values are not JSON compliant",
            ));
        }
        Ok(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .into())
    }

    fn newline(&self, out: &mut String, level: usize) {
        if let Some(ind) = &self.indent {
            out.push('\n');
            for _ in 0..level {
                out.push_str(ind);
            }
        }
    }

    fn enter(&mut self, vm: &Vm, v: Value, level: usize) -> PyResult<()> {
        if level >= self.max_depth {
            return Err(exc::recursion_error(messages::recursion_depth(
                " while encoding a JSON object",
            )));
        }
        if self.check_circular {
            if let Value::Obj(id) = v {
                if self.markers.contains(&id) {
                    return Err(exc::value_error("Circular reference detected"));
                }
                self.markers.push(id);
            }
        }
        let _ = vm;
        Ok(())
    }

    fn leave(&mut self, v: Value) {
        if self.check_circular && matches!(v, Value::Obj(_)) {
            self.markers.pop();
        }
    }

    fn value(&mut self, vm: &mut Vm, v: Value, out: &mut String, level: usize) -> PyResult<()> {
        // Shared sub-objects can make the text exponentially larger than the heap: the text so
        // far must fit in memory, and the walk must keep to the time budget.
        vm.heap.account.check_fits(out.len())?;
        vm.charge_native_ns(50.0)?;
        match v {
            Value::None => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::Float(f) => out.push_str(&self.float(f)?),
            _ => {
                let view = vm.builtin_view(v);
                match vm.heap.get_obj(view) {
                    Some(Object::Str(s)) => encode_str(&s.s, self.ensure_ascii, out),
                    Some(Object::BigInt(b)) => {
                        out.push_str(&crate::vm::ops::repr::big_to_decimal(b)?)
                    }
                    Some(Object::List(_) | Object::Tuple(_)) => {
                        super::load::grow(|| self.array(vm, v, view, out, level))?
                    }
                    Some(Object::Dict(_)) => {
                        super::load::grow(|| self.object(vm, v, view, out, level))?
                    }
                    _ => match view {
                        Value::Int(i) => out.push_str(&i.to_string()),
                        Value::Float(f) => out.push_str(&self.float(f)?),
                        _ => self.fallback(vm, v, out, level)?,
                    },
                }
            }
        }
        Ok(())
    }

    fn fallback(&mut self, vm: &mut Vm, v: Value, out: &mut String, level: usize) -> PyResult<()> {
        if matches!(self.default, Value::None) {
            return Err(exc::type_error(format!(
                "Object of type {} is not JSON serializable",
                vm.type_name(v)
            )));
        }
        self.enter(vm, v, level)?;
        let r = vm.call(self.default, &[v])?;
        self.value(vm, r, out, level + 1)?;
        self.leave(v);
        Ok(())
    }

    fn array(
        &mut self,
        vm: &mut Vm,
        v: Value,
        view: Value,
        out: &mut String,
        level: usize,
    ) -> PyResult<()> {
        let items = match vm.heap.get_obj(view) {
            Some(Object::List(x) | Object::Tuple(x)) => x.clone(),
            _ => Vec::new(),
        };
        if items.is_empty() {
            out.push_str("[]");
            return Ok(());
        }
        self.enter(vm, v, level)?;
        out.push('[');
        self.newline(out, level + 1);
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                out.push_str(&self.item_sep);
                self.newline(out, level + 1);
            }
            stacker::maybe_grow(crate::vm::STACK_RED_ZONE, crate::vm::STACK_SEGMENT, || {
                self.value(vm, item, out, level + 1)
            })?;
        }
        self.newline(out, level);
        out.push(']');
        self.leave(v);
        Ok(())
    }

    /// A dict key as JSON object key text, or None to skip it.
    fn key(&self, vm: &mut Vm, k: Value) -> PyResult<Option<String>> {
        let view = vm.builtin_view(k);
        if let Some(s) = vm.str_of(view) {
            return Ok(Some(s.to_string()));
        }
        Ok(Some(match view {
            Value::Float(f) => self.float(f)?,
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::None => "null".into(),
            _ if is_int(vm, view) => vm.repr(view)?,
            _ => {
                if self.skipkeys {
                    return Ok(None);
                }
                return Err(exc::type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    vm.type_name(k)
                )));
            }
        }))
    }

    fn object(
        &mut self,
        vm: &mut Vm,
        v: Value,
        view: Value,
        out: &mut String,
        level: usize,
    ) -> PyResult<()> {
        let mut items = vm.dict_items(view)?;
        if items.is_empty() {
            out.push_str("{}");
            return Ok(());
        }
        self.enter(vm, v, level)?;
        if self.sort_keys {
            let keys: Vec<Value> = items.iter().map(|(k, _)| *k).collect();
            let sorted = crate::builtins::sort::sort_values(vm, keys, Value::None, false)?;
            let mut reordered = Vec::with_capacity(items.len());
            for k in sorted {
                let val = vm.dict_get(view, k)?.unwrap_or(Value::None);
                reordered.push((k, val));
            }
            items = reordered;
        }
        out.push('{');
        self.newline(out, level + 1);
        let mut first = true;
        for (k, val) in items {
            let Some(key) = self.key(vm, k)? else {
                continue;
            };
            if !first {
                out.push_str(&self.item_sep);
                self.newline(out, level + 1);
            }
            first = false;
            encode_str(&key, self.ensure_ascii, out);
            out.push_str(&self.key_sep);
            stacker::maybe_grow(crate::vm::STACK_RED_ZONE, crate::vm::STACK_SEGMENT, || {
                self.value(vm, val, out, level + 1)
            })?;
        }
        self.newline(out, level);
        out.push('}');
        self.leave(v);
        Ok(())
    }
}
