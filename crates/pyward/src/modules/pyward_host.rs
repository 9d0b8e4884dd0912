//! `_pyward_host`: the seam between the sandbox's event loop (bundled `asyncio`) and the
//! embedder's async host functions.
//!
//! Calling an async host function makes a coroutine (its stub, see `host::function`) whose
//! first step records the call as pending (`HostCall(AsyncFunction)`) and awaits a Future
//! the loop keeps by call id. When no task is ready but calls are pending, the loop calls
//! `wait()`, itself a stub whose body is `HostCall(WaitAsync)`: it hands every pending call
//! to the embedder at once and returns `[(id, ok, value_or_exception), ...]` for the calls
//! the embedder answered. The loop is plain Python in the outermost dispatch loop when it
//! calls `wait`, so the run can pause there and be snapshotted.

use crate::bytecode::HostCallKind;
use crate::exc::{PyResult, RunError};
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

/// Build the module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_pyward_host")?;
    let dict = match vm.heap.get_obj(m) {
        Some(Object::Module(module)) => module.dict,
        _ => return Err(RunError::Internal("_pyward_host is not a module")),
    };
    crate::host::function::internal_stub(vm, "wait", HostCallKind::WaitAsync, dict)?;
    Ok(m)
}
