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
    /// A generator or coroutine resumed by its `send`/`throw` method called from Python: a
    /// yielded value is the call's result; a return raises StopIteration(value) in the
    /// caller.
    Call,
    /// An async generator resumed by awaiting `__anext__()`/`asend()`: its own yield
    /// (`YieldAsyncGen`) finishes the await like `Send`'s return (receiver replaced, jump to
    /// the target); an inner await's yield passes through like `Send`; a return raises
    /// StopAsyncIteration in the awaiting frame.
    AsyncSend(u32),
    /// `__init__` of a class call made from bytecode: the return value must be None and the
    /// new instance (this id, kept alive by the frame) lands on the caller's stack instead.
    Init(crate::value::ObjId),
    /// `a.__op__(b)` of a binary operator from bytecode: `[a, b]` wait on the caller's stack;
    /// a NotImplemented result goes on to `b.__rop__(a)` (`Vm::binop_forward_returned`).
    Binop(crate::bytecode::BinOp),
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
        if let ExitAction::Init(id) = self.exit {
            out.push(Value::Obj(id));
        }
    }
}
