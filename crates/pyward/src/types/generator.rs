//! Generators, coroutines and async generators: a suspended frame saved as plain data.
//!
//! A generator's frame lives here while it is suspended (locals, cells and operand stack
//! copied out of the VM stack) and on the VM's frame stack while it runs. The dispatch loop
//! resumes generators without Rust recursion when driven by `for`, `yield from`, `await` or
//! a `send`/`throw` call from Python; native callers (`list(gen)`, `next(gen)`) resume them
//! through a nested loop. Coroutines (`async def`) and async generators are the same object
//! with another `GenKind`; `AwaitOp` is the awaitable of an async generator operation
//! (`__anext__`, `asend`, `athrow`, `aclose`) or a coroutine's `__await__` wrapper.

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

/// What kind of function made the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum GenKind {
    /// A `def` with `yield`.
    Generator,
    /// An `async def` without `yield` (or an awaiting comprehension).
    Coroutine,
    /// An `async def` with `yield` (or an async generator expression).
    AsyncGenerator,
}

impl GenKind {
    /// The Python type name (`generator`, `coroutine`, `async_generator`).
    pub fn type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }
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
    /// Generator, coroutine or async generator.
    pub kind: GenKind,
    /// Whether the last suspension was the async generator's own `yield` (`YieldAsyncGen`)
    /// rather than an inner `await` passing a value through to the event loop.
    pub yielded_own: bool,
    /// An async generator operation (`asend`, `athrow`, `aclose`) is in progress; another
    /// one may not start (CPython's `ag_running_async`).
    pub running_async: bool,
    /// The exception its own handlers were handling when it last suspended (CPython's
    /// `gi_exc_state`): restored on resume, so one task's `except` block never leaks its
    /// exception into the code that runs while it is suspended.
    pub exc_state: Value,
    /// While running: the handled exception of whoever resumed it, restored when it
    /// suspends or finishes.
    pub outer_handled: Value,
}

/// Which operation an `AwaitOp` performs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AwaitKind {
    /// `coroutine.__await__()`: delegates to the coroutine.
    CoroWrapper,
    /// `agen.__anext__()` / `agen.asend(v)`.
    ASend,
    /// `agen.athrow(exc)`.
    AThrow,
    /// `agen.aclose()`.
    AClose,
}

impl AwaitKind {
    /// The Python type name.
    pub fn type_name(self) -> &'static str {
        match self {
            AwaitKind::CoroWrapper => "coroutine_wrapper",
            AwaitKind::ASend => "async_generator_asend",
            AwaitKind::AThrow | AwaitKind::AClose => "async_generator_athrow",
        }
    }
}

/// Progress of an `AwaitOp` (CPython's AWAITABLE_STATE_*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AwaitState {
    /// Not started: the first send uses `arg`.
    Init,
    /// Started.
    Iter,
    /// Finished (awaiting it again is an error).
    Closed,
}

/// An awaitable over a coroutine or async generator (see the module docs).
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct AwaitOp {
    /// The coroutine or async generator.
    pub target: Value,
    /// The operation.
    pub kind: AwaitKind,
    /// `asend`'s value, or `athrow`'s exception instance.
    pub arg: Value,
    /// Progress.
    pub state: AwaitState,
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
        out.extend_from_slice(&[self.return_value, self.exc_state, self.outer_handled]);
    }
}
