//! Run-time tests of `match` patterns (CPython's MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS,
//! MATCH_CLASS).

use crate::exc::{self, PyResult};
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Whether `v` is a sequence for pattern matching (not str, bytes or bytearray).
    pub(crate) fn match_sequence(&mut self, v: Value, n: usize, star: bool) -> PyResult<bool> {
        let view = self.builtin_view(v);
        let is_seq = matches!(
            self.heap.get_obj(view),
            Some(Object::List(_) | Object::Tuple(_) | Object::Range(_) | Object::BigRange(_))
        );
        if !is_seq {
            return Ok(false);
        }
        let len = self.len_of(v)?;
        Ok(if star { len >= n } else { len == n })
    }

    /// Whether `v` is a mapping for pattern matching.
    pub(crate) fn match_mapping(&self, v: Value) -> bool {
        let view = self.builtin_view(v);
        matches!(self.heap.get_obj(view), Some(Object::Dict(_)))
    }

    /// The values of `keys` in mapping `subj`, or None when one is missing.
    pub(crate) fn match_keys(&mut self, subj: Value, keys: Value) -> PyResult<Value> {
        let keys = self.list_items(keys);
        let mut vals = Vec::with_capacity(keys.len());
        let view = self.builtin_view(subj);
        for (i, k) in keys.iter().enumerate() {
            if keys.iter().take(i).any(|p| p.is(*k)) {
                let r = self.repr(*k)?;
                return Err(exc::value_error(format!(
                    "mapping pattern checks duplicate key ({r})"
                )));
            }
            let got = if self.is_user_instance(subj) && self.user_dunder(subj, "get")?.is_some() {
                let marker = Value::Unbound;
                let get_name = self.intern_static("get")?;
                let g = self.getattr(subj, get_name)?;
                let r = self.call(g, &[*k, Value::Ellipsis])?;
                let _ = marker;
                if matches!(r, Value::Ellipsis) {
                    None
                } else {
                    Some(r)
                }
            } else {
                self.dict_get(view, *k)?
            };
            match got {
                Some(v) => vals.push(v),
                None => return Ok(Value::None),
            }
        }
        self.new_tuple(vals)
    }

    /// `{**rest}`: the subject's items whose keys are not in `keys`.
    pub(crate) fn dict_without_keys(&mut self, subj: Value, keys: Value) -> PyResult<Value> {
        let keys = self.list_items(keys);
        let view = self.builtin_view(subj);
        let d = self.new_dict()?;
        for (k, v) in self.dict_items(view)? {
            let mut skip = false;
            for x in &keys {
                if self.eq(*x, k)? {
                    skip = true;
                    break;
                }
            }
            if !skip {
                self.dict_set(d, k, v)?;
            }
        }
        Ok(d)
    }

    /// A class pattern: the matched attribute values in order, or None.
    pub(crate) fn match_class(
        &mut self,
        subj: Value,
        cls: Value,
        kwnames: Value,
        npos: usize,
    ) -> PyResult<Value> {
        if !matches!(cls, Value::Type(_)) && !self.is_user_class(cls) {
            return Err(exc::type_error("called match pattern must be a class"));
        }
        let t = self.type_of(subj);
        if !self.is_subclass(t, cls) {
            return Ok(Value::None);
        }
        let mut out = Vec::new();
        if npos > 0 {
            let self_match = matches!(
                cls,
                Value::Type(
                    BuiltinType::Bool
                        | BuiltinType::ByteArray
                        | BuiltinType::Bytes
                        | BuiltinType::Dict
                        | BuiltinType::Float
                        | BuiltinType::FrozenSet
                        | BuiltinType::Int
                        | BuiltinType::List
                        | BuiltinType::Set
                        | BuiltinType::Str
                        | BuiltinType::Tuple
                )
            );
            if self_match {
                if npos > 1 {
                    return Err(exc::type_error(format!(
                        "{}() accepts 1 positional sub-pattern ({npos} given)",
                        self.class_name(cls)
                    )));
                }
                out.push(subj);
            } else {
                let args = match self.getattr_opt(cls, "__match_args__")? {
                    Some(a) => self.list_items(a),
                    None => Vec::new(),
                };
                if npos > args.len() {
                    let cname = self.class_name(cls);
                    return Err(exc::type_error(format!(
                        "{cname}() accepts {} positional sub-pattern{} ({npos} given)",
                        args.len(),
                        if args.len() == 1 { "" } else { "s" }
                    )));
                }
                for a in args.into_iter().take(npos) {
                    let name = self.str_of(a).unwrap_or("").to_string();
                    match self.getattr_opt(subj, &name)? {
                        Some(v) => out.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        for k in self.list_items(kwnames) {
            let name = self.str_of(k).unwrap_or("").to_string();
            match self.getattr_opt(subj, &name)? {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        self.new_tuple(out)
    }
}
