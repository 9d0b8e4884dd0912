//! `_json`: the encoder and decoder behind the bundled `json.py` (which defines
//! JSONDecodeError, JSONEncoder and JSONDecoder). Both walk nested data with an explicit
//! depth bound tied to the recursion limit, so deep input ends in RecursionError, never in a
//! Rust stack overflow.

mod dump;
mod load;

use crate::exc::PyResult;
use crate::natives;
use crate::value::Value;
use crate::vm::Vm;

natives! {
    /// `_json` functions.
    JsonFn {
        Encode => "encode" => dump::encode,
        Scan => "scan" => load::scan,
    }
}

/// Build the module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_json")?;
    for f in [JsonFn::Encode, JsonFn::Scan] {
        super::set_attr(
            vm,
            m,
            f.name(),
            Value::Native(crate::builtins::Native::Json(f)),
        )?;
    }
    Ok(m)
}

/// How deep nested containers may go: what is left of the recursion limit.
fn max_depth(vm: &Vm) -> usize {
    vm.limits.max_recursion.saturating_sub(vm.frames.len())
}
