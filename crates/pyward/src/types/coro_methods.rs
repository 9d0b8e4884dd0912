//! Methods of coroutines (`__await__`; `send`/`throw`/`close` are the generator methods),
//! async generators (`__aiter__`, `__anext__`, `asend`, `athrow`, `aclose`) and their
//! awaitables (`send`, `throw`, `close`, `__next__`, `__iter__`, `__await__`).

use crate::exc::{self, PyResult};
use crate::natives;
use crate::types::generator::{AwaitKind, GenKind};
use crate::types::object::Object;
use crate::value::{ObjId, Value};
use crate::vm::{Args, Vm};

natives! {
    /// Coroutine methods beyond the generator ones.
    CoroMethod {
        Await => "__await__" => coro_await,
    }
}

natives! {
    /// Async generator methods.
    AsyncGenMethod {
        Aiter => "__aiter__" => aiter,
        Anext => "__anext__" => anext,
        Asend => "asend" => asend,
        Athrow => "athrow" => athrow,
        Aclose => "aclose" => aclose,
    }
}

natives! {
    /// Methods of `coroutine_wrapper`, `async_generator_asend` and `async_generator_athrow`.
    AwaitOpMethod {
        Send => "send" => op_send,
        Throw => "throw" => op_throw,
        Close => "close" => op_close,
        Next => "__next__" => op_next,
        Iter => "__iter__" => op_self,
        Await => "__await__" => op_self,
    }
}

fn gen_recv(vm: &Vm, args: &Args, kind: GenKind, what: &str) -> PyResult<Value> {
    match args.get(0) {
        Some(v @ Value::Obj(id)) if matches!(vm.heap.get(id), Object::Generator(g) if g.kind == kind) => {
            Ok(v)
        }
        _ => Err(exc::type_error(format!(
            "descriptor requires a '{what}' object"
        ))),
    }
}

fn coro_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = gen_recv(vm, &args, GenKind::Coroutine, "coroutine")?;
    args.method_arity("__await__", 0, 0)?;
    vm.new_await_op(c, AwaitKind::CoroWrapper, Value::None)
}

fn agen_recv(vm: &Vm, args: &Args) -> PyResult<Value> {
    gen_recv(vm, args, GenKind::AsyncGenerator, "async_generator")
}

fn aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = agen_recv(vm, &args)?;
    args.method_arity("__aiter__", 0, 0)?;
    Ok(g)
}

fn anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = agen_recv(vm, &args)?;
    args.method_arity("__anext__", 0, 0)?;
    vm.new_await_op(g, AwaitKind::ASend, Value::None)
}

fn asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = agen_recv(vm, &args)?;
    args.method_arity("asend", 1, 1)?;
    vm.new_await_op(g, AwaitKind::ASend, args.pos[1])
}

fn athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = agen_recv(vm, &args)?;
    args.method_arity("athrow", 1, 3)?;
    let e = crate::types::gen_methods::throw_error(vm, args.pos[1], args.get(2))?;
    let ev = match e {
        crate::exc::RunError::Exc(x) => Value::Obj(vm.materialize(*x)?),
        other => return Err(other),
    };
    vm.new_await_op(g, AwaitKind::AThrow, ev)
}

fn aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = agen_recv(vm, &args)?;
    args.method_arity("aclose", 0, 0)?;
    vm.new_await_op(g, AwaitKind::AClose, Value::None)
}

fn op_recv(vm: &Vm, args: &Args) -> PyResult<ObjId> {
    match args.get(0) {
        Some(Value::Obj(id)) if matches!(vm.heap.get(id), Object::AwaitOp(_)) => Ok(id),
        _ => Err(exc::type_error("descriptor requires an awaitable object")),
    }
}

fn op_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = op_recv(vm, &args)?;
    args.method_arity("send", 1, 1)?;
    vm.await_op_send(id, args.pos[1])
}

fn op_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = op_recv(vm, &args)?;
    args.method_arity("throw", 1, 3)?;
    let e = crate::types::gen_methods::throw_error(vm, args.pos[1], args.get(2))?;
    vm.await_op_throw(id, e)
}

fn op_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = op_recv(vm, &args)?;
    args.method_arity("close", 0, 0)?;
    vm.await_op_close(id)?;
    Ok(Value::None)
}

fn op_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = op_recv(vm, &args)?;
    args.method_arity("__next__", 0, 0)?;
    vm.await_op_send(id, Value::None)
}

fn op_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    op_recv(vm, &args)?;
    Ok(args.pos[0])
}
