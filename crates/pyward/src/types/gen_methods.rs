//! Methods of generator and coroutine objects: send, throw, close.

use crate::exc::{self, PyResult, RunError};
use crate::natives;
use crate::types::generator::GenState;
use crate::types::object::Object;
use crate::value::{ObjId, Value};
use crate::vm::{Args, Vm};

natives! {
    /// Generator methods.
    GenMethod {
        Send => "send" => send,
        Throw => "throw" => throw,
        Close => "close" => close,
    }
}

fn recv(vm: &Vm, args: &Args) -> PyResult<ObjId> {
    match args.get(0) {
        Some(Value::Obj(id)) if matches!(vm.heap.get(id), Object::Generator(_)) => Ok(id),
        _ => Err(exc::type_error("descriptor requires a 'generator' object")),
    }
}

/// StopIteration carrying the generator's return value.
fn stopped(vm: &mut Vm, gid: ObjId) -> RunError {
    let v = vm.take_return_value(Value::Obj(gid));
    exc::stop_iteration(v)
}

fn send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let gid = recv(vm, &args)?;
    args.arity("send", 2, 2)?;
    match vm.gen_send(gid, args.pos[1])? {
        Some(v) => Ok(v),
        None => Err(stopped(vm, gid)),
    }
}

fn throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let gid = recv(vm, &args)?;
    args.arity("throw", 2, 4)?;
    let e = throw_error(vm, args.pos[1], args.get(2));
    let r = if vm.gen_state(gid) == GenState::Suspended && vm.throws_to_foreign_delegate(gid) {
        // The delegate's own `throw` judges the arguments, even ones `throw_error` refuses.
        let raw = args.pos.get(1..).unwrap_or_default();
        let e = e.unwrap_or_else(|refused| refused);
        vm.gen_throw_raw(gid, e, true, raw)?
    } else {
        vm.gen_throw(gid, e?)?
    };
    match r {
        Some(v) => Ok(v),
        None => Err(stopped(vm, gid)),
    }
}

/// The exception `throw(typ[, val])` raises, as CPython's `_gen_throw` and
/// `PyErr_NormalizeException` make it: an instance as is (with no separate value); a class
/// with no value called bare, with an instance of itself taking that instance, with a tuple
/// called with its items, else called with the value.
pub(crate) fn throw_error(vm: &mut Vm, typ: Value, val: Option<Value>) -> PyResult<RunError> {
    let val = val.filter(|v| !matches!(v, Value::None));
    let exc_value = if vm.is_exception_class(typ) {
        match val {
            None => vm.call(typ, &[])?,
            Some(v) if is_instance_of(vm, v, typ) => v,
            Some(v) => match vm.heap.get_obj(v) {
                Some(Object::Tuple(items)) => {
                    let items = items.clone();
                    vm.call(typ, &items)?
                }
                _ => vm.call(typ, &[v])?,
            },
        }
    } else {
        if val.is_some() && !matches!(vm.exception_class(typ), Value::None) {
            return Err(exc::type_error(
                "instance exception may not have a separate value",
            ));
        }
        typ
    };
    let Some(id) = exc_value
        .obj()
        .filter(|id| matches!(vm.heap.get(*id), Object::Exception(_)))
    else {
        return Err(exc::type_error(
            "exceptions must be classes or instances deriving from BaseException, not ".to_string()
                + &vm.type_name(exc_value),
        ));
    };
    Ok(RunError::Exc(Box::new(exc::Exc::Obj(id))))
}

/// Whether `v` is an exception whose class is `cls` or a subclass of it.
fn is_instance_of(vm: &Vm, v: Value, cls: Value) -> bool {
    let c = vm.exception_class(v);
    !matches!(c, Value::None) && vm.is_subclass(c, cls)
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let gid = recv(vm, &args)?;
    vm.gen_close(gid)?;
    Ok(Value::None)
}
