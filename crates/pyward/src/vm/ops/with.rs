//! The context-manager protocol for `with`.

use crate::exc::{self, PyResult};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Enter a context manager: returns (bound `__exit__`, result of `__enter__()`).
    pub(crate) fn before_with(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let enter = self.getattr_opt(mgr, "__enter__")?;
        let exit = self.getattr_opt(mgr, "__exit__")?;
        let (Some(enter), Some(exit)) = (enter, exit) else {
            return Err(exc::type_error(format!(
                "'{}' object does not support the context manager protocol",
                self.type_name(mgr)
            )));
        };
        let entered = self.call(enter, &[])?;
        Ok((exit, entered))
    }

    /// Call `exit(type, exc, tb)` for a block left by `exc`; returns its result, whose truth
    /// says whether to suppress it (`async with` awaits it first).
    pub(crate) fn with_exit_exc(&mut self, exit: Value, e: Value) -> PyResult<Value> {
        let cls = self.exception_class(e);
        let tb = match self.heap.get_obj(e) {
            Some(crate::types::object::Object::Exception(x)) if !x.traceback.is_empty() => {
                self.alloc(crate::types::object::Object::Traceback(e))?
            }
            _ => Value::None,
        };
        self.call(exit, &[cls, e, tb])
    }
}
