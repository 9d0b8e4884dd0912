//! CPython's exact messages for coroutines, async generators and the await protocol
//! (Objects/genobject.c, Python/ceval.c GET_AWAITABLE/GET_AITER/GET_ANEXT/BEFORE_ASYNC_WITH).

use crate::types::generator::{AwaitKind, GenKind};

/// `generator already executing` / `coroutine ...` / `async generator ...` (gen_send_ex2).
pub fn already_executing(kind: GenKind) -> &'static str {
    match kind {
        GenKind::Generator => "generator already executing",
        GenKind::Coroutine => "coroutine already executing",
        GenKind::AsyncGenerator => "async generator already executing",
    }
}

/// `can't send non-None value to a just-started generator` (gen_send_ex2).
pub fn send_to_just_started(kind: GenKind) -> &'static str {
    match kind {
        GenKind::Generator => "can't send non-None value to a just-started generator",
        GenKind::Coroutine => "can't send non-None value to a just-started coroutine",
        GenKind::AsyncGenerator => "can't send non-None value to a just-started async generator",
    }
}

/// `cannot reuse already awaited coroutine` (gen_send_ex2 on an exhausted coroutine).
pub fn coroutine_reused() -> &'static str {
    "cannot reuse already awaited coroutine"
}

/// `coroutine is being awaited already` (_PyCoro_GetAwaitableIter's caller, GET_AWAITABLE).
pub fn being_awaited() -> &'static str {
    "coroutine is being awaited already"
}

/// `generator raised StopIteration` and its coroutine and async generator forms, or
/// `async generator raised StopAsyncIteration` (_PyGen_SetStopIterationValue's PEP 479 check
/// in gen_send_ex2).
pub fn raised_stop(kind: GenKind, async_stop: bool) -> &'static str {
    match (kind, async_stop) {
        (GenKind::AsyncGenerator, true) => "async generator raised StopAsyncIteration",
        (GenKind::AsyncGenerator, false) => "async generator raised StopIteration",
        (GenKind::Coroutine, _) => "coroutine raised StopIteration",
        (GenKind::Generator, _) => "generator raised StopIteration",
    }
}

/// `object int can't be used in 'await' expression` (_PyCoro_GetAwaitableIter), or for
/// `async with` the text of format_awaitable_error (site 1 `__aenter__`, 2 `__aexit__`).
pub fn not_awaitable(site: u32, t: &str) -> String {
    match site {
        1 => format!(
            "'async with' received an object from __aenter__ that does not implement __await__: {t}"
        ),
        2 => format!(
            "'async with' received an object from __aexit__ that does not implement __await__: {t}"
        ),
        _ => format!("object {t} can't be used in 'await' expression"),
    }
}

/// `__await__() returned a coroutine` (_PyCoro_GetAwaitableIter).
pub fn await_returned_coroutine() -> &'static str {
    "__await__() returned a coroutine"
}

/// `__await__() returned non-iterator of type 'int'` (_PyCoro_GetAwaitableIter).
pub fn await_returned_non_iterator(t: &str) -> String {
    format!("__await__() returned non-iterator of type '{t}'")
}

/// `'async for' requires an object with __aiter__ method, got int` (GET_AITER).
pub fn no_aiter(t: &str) -> String {
    format!("'async for' requires an object with __aiter__ method, got {t}")
}

/// `'async for' received an object from __aiter__ that does not implement __anext__: X`
/// (GET_AITER).
pub fn aiter_without_anext(t: &str) -> String {
    format!("'async for' received an object from __aiter__ that does not implement __anext__: {t}")
}

/// `'async for' requires an iterator with __anext__ method, got X` (GET_ANEXT).
pub fn no_anext(t: &str) -> String {
    format!("'async for' requires an iterator with __anext__ method, got {t}")
}

/// `'async for' received an invalid object from __anext__: int` (GET_ANEXT).
pub fn invalid_anext(t: &str) -> String {
    format!("'async for' received an invalid object from __anext__: {t}")
}

/// `'int' object does not support the asynchronous context manager protocol`, with
/// ` (missed __aexit__ method)` when only `__aexit__` is missing (BEFORE_ASYNC_WITH).
pub fn no_async_context_manager(t: &str, missed_exit: bool) -> String {
    let tail = if missed_exit {
        " (missed __aexit__ method)"
    } else {
        ""
    };
    format!("'{t}' object does not support the asynchronous context manager protocol{tail}")
}

/// `cannot reuse already awaited __anext__()/asend()` and the `aclose()/athrow()` form
/// (async_gen_asend_send, async_gen_athrow_send).
pub fn await_op_reused(kind: AwaitKind) -> &'static str {
    match kind {
        AwaitKind::AThrow | AwaitKind::AClose => "cannot reuse already awaited aclose()/athrow()",
        AwaitKind::ASend | AwaitKind::CoroWrapper => {
            "cannot reuse already awaited __anext__()/asend()"
        }
    }
}

/// `anext(): asynchronous generator is already running` and the `athrow()`/`aclose()` forms.
pub fn agen_running(kind: AwaitKind) -> &'static str {
    match kind {
        AwaitKind::AThrow => "athrow(): asynchronous generator is already running",
        AwaitKind::AClose => "aclose(): asynchronous generator is already running",
        AwaitKind::ASend | AwaitKind::CoroWrapper => {
            "anext(): asynchronous generator is already running"
        }
    }
}

/// `async generator ignored GeneratorExit` (async_gen_athrow_send, ASYNC_GEN_IGNORED_EXIT_MSG).
pub fn agen_ignored_exit() -> &'static str {
    "async generator ignored GeneratorExit"
}

/// `can't send non-None value to a just-started coroutine` (async_gen_athrow_send).
pub fn athrow_send_non_none() -> &'static str {
    "can't send non-None value to a just-started coroutine"
}
