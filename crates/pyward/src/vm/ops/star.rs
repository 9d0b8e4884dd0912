//! The operands of `*` and `**` in calls and displays (`f(*a, **k)`, `[*a]`, `{**m}`), with
//! the errors CPython words for them in ceval.c (LIST_EXTEND, DICT_UPDATE, DICT_MERGE,
//! CALL_FUNCTION_EX's check_args_iterable) rather than the plain iteration errors.

use crate::exc::{self, Exc, ExcArgs, PyResult, RunError, messages};
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The items of `*v`: in a call to `callee` (`f(*v)` alone, CALL_FUNCTION_EX) or in a
    /// display or longer argument list (`[*v]`, `f(a, *v)`: LIST_EXTEND). A value whose type
    /// cannot be iterated at all gets the "must be an iterable" wording; an error raised while
    /// iterating (a failing `__iter__`) passes through unchanged.
    pub(crate) fn star_items(&mut self, v: Value, callee: Option<Value>) -> PyResult<Vec<Value>> {
        match self.collect_iterable(v) {
            Err(e) if e.is_new(BuiltinType::TypeError) && !self.has_iter_protocol(v)? => {
                let t = self.type_name(v);
                Err(exc::type_error(match callee {
                    Some(f) => messages::star_arg_not_iterable(&self.function_str(f)?, &t),
                    None => messages::star_value_not_iterable(&t),
                }))
            }
            r => r,
        }
    }

    /// Whether `v`'s type can be iterated (CPython: `tp_iter` or the sequence protocol).
    fn has_iter_protocol(&mut self, v: Value) -> PyResult<bool> {
        if self.is_user_instance(v) {
            return Ok(self.user_dunder(v, "__iter__")?.is_some()
                || self.user_dunder(v, "__getitem__")?.is_some()
                || !self.builtin_view(v).is(v));
        }
        Ok(self.get_iter(v).is_ok())
    }

    /// `{**m}` (DICT_UPDATE): unlike `dict.update`, `m` must be a mapping.
    pub(crate) fn dict_display_update(&mut self, target: Value, m: Value) -> PyResult<()> {
        let view = self.builtin_view(m);
        let mapping = matches!(self.heap.get_obj(view), Some(Object::Dict(_)))
            || (self.is_user_instance(m) && self.user_dunder(m, "keys")?.is_some());
        if !mapping {
            return Err(exc::type_error(messages::not_a_mapping(&self.type_name(m))));
        }
        self.dict_update(target, m, false)
    }

    /// `f(..., **m)`: merge `m` into the call's keyword dict `target`. Errors are CPython's
    /// DICT_MERGE ones, prefixed with the callee as `_PyObject_FunctionStr` spells it.
    pub(crate) fn merge_call_kwargs(
        &mut self,
        func: Value,
        target: Value,
        m: Value,
    ) -> PyResult<()> {
        match self.dict_update(target, m, true) {
            Err(e) if e.is_new(BuiltinType::TypeError) => {
                let msg = match &e {
                    RunError::Exc(x) => match &**x {
                        Exc::New {
                            args: ExcArgs::Msg(m),
                            ..
                        } => m.clone(),
                        _ => return Err(e),
                    },
                    _ => return Err(e),
                };
                let ours = ["got multiple values", "argument after **"];
                if !ours.iter().any(|p| msg.starts_with(p)) {
                    return Err(e);
                }
                let name = self.function_str(func)?;
                Err(exc::type_error(format!("{name} {msg}")))
            }
            r => r,
        }
    }

    /// A callable as CPython's `_PyObject_FunctionStr` names it: `module.qualname()`,
    /// without the module for builtins.
    pub(crate) fn function_str(&mut self, f: Value) -> PyResult<String> {
        let Some(qual) = self.getattr_opt(f, "__qualname__")? else {
            return self.str(f);
        };
        let qual = self.str(qual)?;
        let module = match self.getattr_opt(f, "__module__")? {
            Some(m) => self.str_of(m).map(str::to_string),
            None => None,
        };
        Ok(match module {
            Some(m) if m != "builtins" => format!("{m}.{qual}()"),
            _ => format!("{qual}()"),
        })
    }
}
