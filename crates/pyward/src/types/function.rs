//! Python functions, bound methods and the per-VM runtime form of a code object.

use std::sync::Arc;

use crate::bytecode::Code;
use crate::value::Value;

/// A code object loaded into a VM: its constants and names as heap values.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct CodeRt {
    /// The compiled code.
    #[serde(with = "crate::snapshot::code_ref")]
    pub code: Arc<Code>,
    /// `code.consts` as values.
    pub consts: Vec<Value>,
    /// `code.names` as interned str values.
    pub names: Vec<Value>,
    /// Where `code.ops` starts in `Vm::code_ops` (plain data: the arena is rebuilt in load
    /// order, so offsets are stable).
    pub ops_base: u32,
}

/// A Python function object.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Function {
    /// The code.
    #[serde(with = "crate::snapshot::code_ref")]
    pub code: Arc<Code>,
    /// The `CodeRt` object with its constants.
    pub rt: Value,
    /// A copy of the `CodeRt`'s `ops_base`, so a call needs no second heap lookup.
    pub ops_base: u32,
    /// The globals dict.
    pub globals: Value,
    /// Positional defaults (for the last parameters).
    pub defaults: Vec<Value>,
    /// Keyword-only defaults: (name, value).
    pub kwdefaults: Vec<(String, Value)>,
    /// Closure cells, one per free variable.
    pub closure: Vec<Value>,
    /// `__name__`.
    pub name: String,
    /// `__qualname__`.
    pub qualname: String,
    /// `__dict__` (a dict object or None until first assignment).
    pub dict: Value,
    /// `__doc__` when assigned (Unbound: the code's docstring).
    pub doc: Value,
    /// `__annotations__` (a dict, or None until read or assigned).
    pub annotations: Value,
}

impl Function {
    /// Bytes held beyond the object header.
    pub fn size_bytes(&self) -> usize {
        (self.defaults.len() + self.closure.len() + self.kwdefaults.len() * 4) * 16
            + self.name.len()
            + self.qualname.len()
    }

    /// Values this function keeps alive.
    pub fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.rt);
        out.push(self.globals);
        out.push(self.dict);
        out.push(self.doc);
        out.push(self.annotations);
        out.extend_from_slice(&self.defaults);
        out.extend(self.kwdefaults.iter().map(|(_, v)| *v));
        out.extend_from_slice(&self.closure);
    }
}

/// A callable bound to a receiver (`obj.method`).
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct BoundMethod {
    /// The receiver, passed as the first argument.
    pub recv: Value,
    /// The function.
    pub func: Value,
}
