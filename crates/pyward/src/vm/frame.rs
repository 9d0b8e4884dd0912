//! A Python frame: which code runs, where its locals and operand stack sit in the VM's value
//! stack, and where execution resumes.
//!
//! Layout in `Vm::stack`: `[base .. base+nlocals)` locals, then `ncells` cell objects, then
//! the operand stack from `stack_base`. `ret_to` is the stack length to restore on return
//! (it also drops the callee and any method slot below the arguments).

use std::sync::Arc;

use crate::bytecode::Code;
use crate::value::Value;

/// One activation of a code object.
#[derive(Clone, Debug)]
pub struct Frame {
    /// The code being run.
    pub code: Arc<Code>,
    /// The code's runtime constants (`CodeRt`).
    pub rt: Value,
    /// Globals dict.
    pub globals: Value,
    /// Class-body namespace dict, or None.
    pub namespace: Value,
    /// Next instruction.
    pub ip: usize,
    /// First local slot.
    pub base: usize,
    /// First operand-stack slot.
    pub stack_base: usize,
    /// Stack length to restore when the frame returns.
    pub ret_to: usize,
}

impl Frame {
    /// Values the frame keeps alive beyond the stack.
    pub fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.rt);
        out.push(self.globals);
        out.push(self.namespace);
    }
}
