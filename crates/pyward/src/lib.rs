//! pyward: a secure, embeddable Python interpreter for running untrusted code.
//!
//! Source is parsed (ruff), compiled to bytecode and run on a VM whose Python frames live on
//! the heap. The library touches nothing on the host: output, clock and limits come from the
//! embedder through `host`.
#![forbid(unsafe_code)]

pub mod builtins;
pub mod bytecode;
pub mod compile;
pub mod exc;
pub mod heap;
pub mod host;
pub mod modules;
pub mod snapshot;
pub mod syntax;
pub mod types;
pub mod value;
pub mod vm;

pub use heap::LimitKind;
pub use host::{
    ClockPolicy, Data, Error, HostCall, HostError, HostFunction, Limits, OsPolicy, Outcome, Paused,
    Program, RandomPolicy, RunOptions, RunStats, Session, SessionStep, Step, no_host,
};
pub use num_bigint::BigInt;
