//! A Python frame: which code runs, where its locals and operand stack sit in the VM's value
//! stack, and where execution resumes.
//!
//! Layout in `Vm::stack`: `[base .. base+nlocals)` locals, then `ncells` cell objects, then
//! the operand stack from `stack_base`. `ret_to` is the stack length to restore on return
//! (it also drops the callee and any method slot below the arguments).
//!
//! A frame names its code by the `CodeRt` object (`rt`, which owns the `Arc<Code>`) and by
//! `ops_base`, where the code's instructions start in `Vm::code_ops`: pushing and popping a
//! frame copies plain integers and never touches a reference count.

use crate::value::Value;

/// What happens when a frame yields or returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ExitAction {
    /// An ordinary call: the return value lands on the caller's stack.
    Return,
    /// A generator resumed by `ForIter`: a yielded value lands on the caller's stack; a
    /// return pops the caller's iterator and jumps to the loop exit.
    ForIter(u32),
    /// A generator resumed by `Send` (`yield from`): a yielded value lands on the caller's
    /// stack; a return replaces the receiver with the value and jumps to the target.
    Send(u32),
    /// A generator resumed by native code: yield and return both end `run_until`.
    Native,
}

/// One activation of a code object.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Frame {
    /// The code's runtime form (`CodeRt`: the code, its constants and names).
    pub rt: Value,
    /// Where the code's instructions start in `Vm::code_ops`.
    pub ops_base: u32,
    /// The code's local slot count (cells follow the locals).
    pub nlocals: u32,
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
    /// The generator this frame belongs to, if any.
    pub generator: Option<crate::value::ObjId>,
    /// What yield and return do.
    pub exit: ExitAction,
}

impl Frame {
    /// Values the frame keeps alive beyond the stack.
    pub fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.rt);
        out.push(self.globals);
        out.push(self.namespace);
    }
}
