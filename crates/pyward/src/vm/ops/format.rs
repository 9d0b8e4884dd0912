//! `format()`, f-string fields and `%`-formatting of builtin values.

use crate::exc::{self, PyResult};
use crate::types::format::{
    format_float, format_int, format_str, parse_number_spec, parse_spec, spec_too_wide,
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
        if spec_text.is_empty() && self.str_of(v).is_some() {
            return Ok(v);
        }
        let out = self.format(v, &spec_text)?;
        self.new_str(out)
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: &str) -> PyResult<String> {
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
                Some(Object::Str(st)) => {
                    let text = st.s.clone();
                    let s = parse_spec(spec, &tname).map_err(exc::value_error)?;
                    if spec_too_wide(&s, limit) {
                        return Err(crate::exc::RunError::memory_limit());
                    }
                    format_str(&text, &s)
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

    /// `fmt % args` for str.
    pub(crate) fn percent_format(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        let f = self.str_of(fmt).unwrap_or("").to_string();
        let (items, mapping) = match self.heap.get_obj(args) {
            Some(Object::Tuple(t)) => (t.clone(), None),
            Some(Object::Dict(_)) => (vec![args], Some(args)),
            _ => (vec![args], None),
        };
        let mut out = String::with_capacity(f.len());
        let chars: Vec<char> = f.chars().collect();
        let mut i = 0;
        let mut next_arg = 0usize;
        let mut used_mapping = false;
        while i < chars.len() {
            let c = chars[i];
            if c != '%' {
                out.push(c);
                i += 1;
                continue;
            }
            i += 1;
            let Some(&c2) = chars.get(i) else {
                return Err(exc::value_error("incomplete format"));
            };
            if c2 == '%' {
                out.push('%');
                i += 1;
                continue;
            }
            // %(key)
            let mut value: Option<Value> = None;
            if c2 == '(' {
                let start = i + 1;
                let mut depth = 1;
                let mut j = start;
                while j < chars.len() && depth > 0 {
                    if chars[j] == '(' {
                        depth += 1;
                    } else if chars[j] == ')' {
                        depth -= 1;
                    }
                    j += 1;
                }
                if depth > 0 {
                    return Err(exc::value_error("incomplete format key"));
                }
                let key: String = chars[start..j - 1].iter().collect();
                let Some(m) = mapping else {
                    return Err(exc::type_error("format requires a mapping"));
                };
                let k = self.new_str(key)?;
                value = Some(self.getitem(m, k)?);
                used_mapping = true;
                i = j;
            }
            let mut flags = String::new();
            while let Some(&fc) = chars.get(i) {
                if matches!(fc, '-' | '+' | ' ' | '#' | '0') {
                    flags.push(fc);
                    i += 1;
                } else {
                    break;
                }
            }
            let mut width = String::new();
            if chars.get(i) == Some(&'*') {
                let w = items.get(next_arg).copied().unwrap_or(Value::Int(0));
                next_arg += 1;
                width = self.to_index(w).unwrap_or(0).to_string();
                i += 1;
            }
            while let Some(&d) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                width.push(d);
                i += 1;
            }
            let mut prec: Option<String> = None;
            if chars.get(i) == Some(&'.') {
                i += 1;
                let mut p = String::new();
                while let Some(&d) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                    p.push(d);
                    i += 1;
                }
                prec = Some(p);
            }
            while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
                i += 1;
            }
            let Some(&conv) = chars.get(i) else {
                return Err(exc::value_error("incomplete format"));
            };
            i += 1;
            let v = match value {
                Some(v) => v,
                None => {
                    let Some(v) = items.get(next_arg).copied() else {
                        return Err(exc::type_error("not enough arguments for format string"));
                    };
                    next_arg += 1;
                    v
                }
            };
            let left = flags.contains('-');
            let mut spec = String::new();
            if left {
                spec.push('<');
            }
            if flags.contains('+') {
                spec.push('+');
            } else if flags.contains(' ') {
                spec.push(' ');
            }
            if flags.contains('#') {
                spec.push('#');
            }
            if flags.contains('0') && !left {
                spec.push('0');
            }
            spec.push_str(&width);
            let piece = match conv {
                's' | 'r' | 'a' => {
                    let s = match conv {
                        's' => self.str(v)?,
                        'r' => self.repr(v)?,
                        _ => self.ascii(v)?,
                    };
                    let s: String = match &prec {
                        Some(p) => s.chars().take(p.parse().unwrap_or(0)).collect(),
                        None => s,
                    };
                    let w: usize = width.parse().unwrap_or(0);
                    let n = s.chars().count();
                    if n >= w {
                        s
                    } else if left {
                        format!("{s}{}", " ".repeat(w - n))
                    } else {
                        format!("{}{s}", " ".repeat(w - n))
                    }
                }
                'd' | 'i' | 'u' => {
                    let n = self.percent_number(v, conv, true)?;
                    self.format(n, &spec)?
                }
                'x' | 'X' | 'o' => {
                    let n = self.percent_number(v, conv, true)?;
                    let mut sp = spec.clone();
                    sp.push(conv);
                    self.format(n, &sp)?
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let n = self.percent_number(v, conv, false)?;
                    let mut sp = spec.clone();
                    sp.push('.');
                    sp.push_str(
                        prec.as_deref()
                            .filter(|p| !p.is_empty())
                            .unwrap_or(if prec.is_some() { "0" } else { "6" }),
                    );
                    sp.push(conv);
                    self.format(n, &sp)?
                }
                'c' => match self.str_of(v) {
                    Some(s) if s.chars().count() == 1 => s.to_string(),
                    Some(_) => return Err(exc::type_error("%c requires int or char")),
                    None => match self
                        .to_index(v)
                        .and_then(|i| u32::try_from(i).ok())
                        .and_then(char::from_u32)
                    {
                        Some(c) => c.to_string(),
                        None => return Err(exc::type_error("%c requires int or char")),
                    },
                },
                other => {
                    return Err(exc::value_error(format!(
                        "unsupported format character '{other}' (0x{:x}) at index {}",
                        other as u32,
                        i - 1
                    )));
                }
            };
            out.push_str(&piece);
        }
        if mapping.is_none() && next_arg < items.len() {
            return Err(exc::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        let _ = used_mapping;
        self.new_str(out)
    }

    fn percent_number(&mut self, v: Value, conv: char, integer: bool) -> PyResult<Value> {
        match v {
            Value::Float(f) if integer => {
                if matches!(conv, 'x' | 'X' | 'o') {
                    return Err(exc::type_error(format!(
                        "%{conv} format: an integer is required, not float"
                    )));
                }
                if f.is_nan() {
                    return Err(exc::value_error("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(exc::overflow_error(
                        "cannot convert float infinity to integer",
                    ));
                }
                super::int::from_big(self, crate::types::float::float_to_big(f.trunc()))
            }
            Value::Float(_) => Ok(v),
            _ if to_big(self, v).is_some() => {
                if integer {
                    Ok(match v {
                        Value::Bool(b) => Value::Int(i64::from(b)),
                        _ => v,
                    })
                } else {
                    let b = to_big(self, v).unwrap_or_default();
                    Ok(Value::Float(super::arith::int_to_f64(&b)?))
                }
            }
            _ => {
                let what = if matches!(conv, 'x' | 'X' | 'o') {
                    "an integer is required"
                } else {
                    "a real number is required"
                };
                Err(exc::type_error(format!(
                    "%{conv} format: {what}, not {}",
                    self.type_name(v)
                )))
            }
        }
    }
}
