//! Bytecode: the contract between the compiler and the VM.
//!
//! Compiled code holds no heap references: constants are plain Rust data that the VM turns into
//! objects when a code object is first loaded, so a `Code` is `Send + Sync`, shareable between
//! runs and threads, and checkable by `verify` before it runs.

pub mod code;
pub mod dis;
pub mod opcode;
pub mod stack;
pub mod verify;

pub use code::{Code, CodeFlags, Const, ExcEntry, Span};
pub use opcode::{BinOp, CmpOp, HostCallKind, Op, UnaryOp};
