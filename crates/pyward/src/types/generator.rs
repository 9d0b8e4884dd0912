//! Generators: a suspended frame saved as plain data.
//!
//! A generator's frame lives here while it is suspended (locals, cells and operand stack
//! copied out of the VM stack) and on the VM's frame stack while it runs. The dispatch loop
//! resumes generators without Rust recursion when driven by `for` or `yield from`; native
//! callers (`list(gen)`, `next(gen)`) resume them through a nested loop.

use crate::value::Value;

/// Lifecycle of a generator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum GenState {
    /// Created, not yet started.
    Created,
    /// Suspended at a `yield`.
    Suspended,
    /// Currently executing.
    Running,
    /// Returned or raised.
    Done,
}

/// A frame's state while its generator is suspended.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct SavedFrame {
    /// The code's runtime form (`CodeRt`).
    pub rt: Value,
    /// Where the code's instructions start in `Vm::code_ops`.
    pub ops_base: u32,
    /// The code's local slot count.
    pub nlocals: u32,
    /// Globals dict.
    pub globals: Value,
    /// Next instruction.
    pub ip: usize,
    /// Locals, cells and operand stack, in VM stack order.
    pub stack: Vec<Value>,
    /// Offset of the operand stack within `stack`.
    pub stack_base: usize,
}

/// A generator object.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Generator {
    /// The saved frame (None while running or after finishing).
    pub frame: Option<SavedFrame>,
    /// State.
    pub state: GenState,
    /// `__name__`.
    pub name: String,
    /// `__qualname__`.
    pub qualname: String,
    /// The value of the finishing `return` (for `StopIteration.value`).
    pub return_value: Value,
}

impl Generator {
    /// Bytes held beyond the header.
    pub fn size_bytes(&self) -> usize {
        self.frame.as_ref().map_or(0, |f| f.stack.capacity() * 16)
            + self.name.len()
            + self.qualname.len()
    }

    /// Values kept alive.
    pub fn trace(&self, out: &mut Vec<Value>) {
        if let Some(f) = &self.frame {
            out.push(f.rt);
            out.push(f.globals);
            out.extend_from_slice(&f.stack);
        }
        out.push(self.return_value);
    }
}
