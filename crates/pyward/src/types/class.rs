//! User classes and their instances, and the descriptor objects classes hold (property,
//! staticmethod, classmethod, super).
//!
//! A class records its MRO (C3, most derived first, ending in builtin types) and the builtin
//! type whose layout its instances use (`base_type`): plain objects, exceptions (instances are
//! `Object::Exception` with this class), or builtins such as dict and list (the instance
//! carries a `payload` of that builtin type, and builtin behaviour applies to the payload).

use crate::types::BuiltinType;
use crate::value::Value;

/// A class created by a `class` statement.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Class {
    /// `__name__`.
    pub name: String,
    /// `__qualname__`.
    pub qualname: String,
    /// Direct bases.
    pub bases: Vec<Value>,
    /// Method resolution order, this class first.
    pub mro: Vec<Value>,
    /// The class namespace (a dict object).
    pub dict: Value,
    /// The builtin type whose layout instances use.
    pub base_type: BuiltinType,
    /// The metaclass: `type`, or a user subclass of it.
    pub metaclass: Value,
}

impl Class {
    /// Values kept alive.
    pub fn trace(&self, out: &mut Vec<Value>) {
        out.extend_from_slice(&self.bases);
        out.extend_from_slice(&self.mro);
        out.push(self.dict);
        out.push(self.metaclass);
    }
}

/// An instance of a user class.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Instance {
    /// The class.
    pub class: Value,
    /// `__dict__` (a dict object).
    pub dict: Value,
    /// For subclasses of builtins (dict, list, ...): the builtin value the instance wraps.
    pub payload: Value,
}

/// A `property`.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct Property {
    /// Getter.
    pub fget: Value,
    /// Setter.
    pub fset: Value,
    /// Deleter.
    pub fdel: Value,
}

/// C3 linearization of `cls` given its bases' MROs. None when no consistent order exists.
pub fn c3_merge(cls: Value, base_mros: Vec<Vec<Value>>, bases: &[Value]) -> Option<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = base_mros;
    seqs.push(bases.to_vec());
    let mut out = vec![cls];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut found = None;
        for s in &seqs {
            let head = s[0];
            let in_tail = seqs.iter().any(|t| t.iter().skip(1).any(|x| x.is(head)));
            if !in_tail {
                found = Some(head);
                break;
            }
        }
        let head = found?;
        out.push(head);
        for s in &mut seqs {
            if s.first().is_some_and(|x| x.is(head)) {
                s.remove(0);
            }
        }
    }
}
