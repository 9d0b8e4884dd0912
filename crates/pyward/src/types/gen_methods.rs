//! Methods of generator and coroutine objects: send, throw, close.

use crate::exc::{self, PyResult, RunError};
use crate::natives;
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
    let e = throw_error(vm, args.pos[1], args.get(2))?;
    match vm.gen_throw(gid, e)? {
        Some(v) => Ok(v),
        None => Err(stopped(vm, gid)),
    }
}

/// The exception `throw(typ[, val])` raises: an instance as is, a class called with `val`.
pub(crate) fn throw_error(vm: &mut Vm, typ: Value, val: Option<Value>) -> PyResult<RunError> {
    let exc_value = if vm.is_exception_class(typ) {
        let call_args: Vec<Value> = val
            .filter(|v| !matches!(v, Value::None))
            .into_iter()
            .collect();
        vm.call(typ, &call_args)?
    } else {
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

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let gid = recv(vm, &args)?;
    vm.gen_close(gid)?;
    Ok(Value::None)
}
