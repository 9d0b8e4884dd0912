//! `format()` and f-string fields of builtin values (`%`-formatting is in percent.rs).

use crate::exc::{self, PyResult};
use crate::types::format::{
    format_complex, format_float, format_int, format_str, parse_number_spec, parse_spec,
    spec_too_wide,
};
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

use super::int::to_big;

impl Vm {
    /// An f-string field: conversion (0 none, 1 str, 2 repr, 3 ascii) then `format(v, spec)`.
    pub(crate) fn format_value(
        &mut self,
        v: Value,
        conv: u32,
        spec: Option<Value>,
    ) -> PyResult<Value> {
        let v = match conv {
            1 => {
                let s = self.str(v)?;
                self.new_str(s)?
            }
            2 => {
                let s = self.repr(v)?;
                self.new_str(s)?
            }
            3 => {
                let s = self.ascii(v)?;
                self.new_str(s)?
            }
            _ => v,
        };
        let spec_text = match spec {
            Some(s) => self.str_of(s).unwrap_or("").to_string(),
            None => String::new(),
        };
        if spec_text.is_empty() && self.exact_str(v).is_some() {
            return Ok(v);
        }
        let out = self.format(v, &spec_text)?;
        self.new_str(out)
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: &str) -> PyResult<String> {
        if self.is_user_instance(v) {
            let s = self.new_str(spec)?;
            if let Some(r) = self.call_dunder(v, "__format__", &[s])? {
                return match self.str_of(r) {
                    Some(t) => Ok(t.to_string()),
                    None => Err(exc::type_error(format!(
                        "__format__ must return a str, not {}",
                        self.type_name(r)
                    ))),
                };
            }
            // int/float/str's `__format__` with an empty spec is `str(self)`, which reaches
            // a subclass's `__str__` or `__repr__`.
            let view = self.builtin_view(v);
            if !view.is(v) && !spec.is_empty() {
                return self.format(view, spec);
            }
            if !spec.is_empty() {
                return Err(exc::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    self.type_name(v)
                )));
            }
            return self.str(v);
        }
        if spec.is_empty() {
            return self.str(v);
        }
        let tname = self.type_name(v);
        let limit = self
            .heap
            .account
            .max_bytes
            .saturating_sub(self.heap.account.live_bytes);
        let r = match v {
            Value::Float(f) => {
                let s = parse_number_spec(spec, &tname, None).map_err(exc::value_error)?;
                if spec_too_wide(&s, limit) {
                    return Err(crate::exc::RunError::memory_limit());
                }
                return format_float(f, &s, &tname);
            }
            Value::Bool(_) | Value::Int(_) | Value::Obj(_) if to_big(self, v).is_some() => {
                let s = parse_number_spec(spec, &tname, Some('d')).map_err(exc::value_error)?;
                if spec_too_wide(&s, limit) {
                    return Err(crate::exc::RunError::memory_limit());
                }
                let b = to_big(self, v).unwrap_or_default();
                return format_int(&b, &s, &tname);
            }
            _ => match self.heap.get_obj(v) {
                Some(Object::Complex(c)) => {
                    let c = *c;
                    let s = parse_number_spec(spec, &tname, None).map_err(exc::value_error)?;
                    if spec_too_wide(&s, limit) {
                        return Err(crate::exc::RunError::memory_limit());
                    }
                    return format_complex(c.re, c.im, &s);
                }
                Some(Object::Str(_)) => {
                    let mut s = parse_spec(spec, &tname).map_err(exc::value_error)?;
                    if spec_too_wide(&s, limit) {
                        return Err(crate::exc::RunError::memory_limit());
                    }
                    // A '0' before the width only sets the fill for str: the '=' that
                    // parse_spec implies for numbers does not apply unless written.
                    let mut it = spec.chars();
                    let is_align = |c: Option<char>| matches!(c, Some('<' | '>' | '=' | '^'));
                    let first = it.next();
                    if s.zero && !is_align(first) && !is_align(it.next()) {
                        s.align = None;
                    }
                    if spec_has_z(spec)
                        && s.sign.is_none()
                        && s.grouping.is_none()
                        && s.ty.is_none_or(|t| t == 's')
                    {
                        return Err(exc::value_error(
                            "Negative zero coercion (z) not allowed in string format specifier",
                        ));
                    }
                    format_str(self.str_of(v).unwrap_or(""), &s)
                }
                _ => {
                    return Err(exc::type_error(format!(
                        "unsupported format string passed to {tname}.__format__"
                    )));
                }
            },
        };
        r.map_err(exc::value_error)
    }
}

/// Whether a spec has the `z` (negative-zero coercion) flag, which `Spec` does not keep.
fn spec_has_z(spec: &str) -> bool {
    let chars: Vec<char> = spec.chars().collect();
    let is_align = |c: Option<&char>| matches!(c, Some('<' | '>' | '=' | '^'));
    let mut i = if is_align(chars.get(1)) {
        2
    } else {
        usize::from(is_align(chars.first()))
    };
    if matches!(chars.get(i), Some('+' | '-' | ' ')) {
        i += 1;
    }
    chars.get(i) == Some(&'z')
}
