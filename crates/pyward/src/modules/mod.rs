//! Standard-library modules written in Rust. `create` builds a module object by name, or
//! returns None so the import fails with ModuleNotFoundError.

use crate::exc::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// Build the module `name`, if pyward has it.
pub fn create(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let _ = vm;
    let _ = name;
    Ok(None)
}
