"""inspect: the type predicates of CPython 3.11's inspect module (no frames or source)."""

import _sandbox

CO_VARARGS = 0x04
CO_VARKEYWORDS = 0x08
CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200


def _unwrap_partial(func):
    while hasattr(func, 'func') and hasattr(func, 'args') and hasattr(func, 'keywords'):
        func = func.func
    return func


def _has_code_flag(f, flag):
    """Whether f is a function (or a method or partial of one) whose code has flag."""
    f = _unwrap_partial(f)
    return bool(_sandbox.code_flags(f) & flag)


def isgeneratorfunction(obj):
    """Return true if the object is a user-defined generator function."""
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    """Return true if the object is a coroutine function (`async def`)."""
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    """Return true if the object is an asynchronous generator function."""
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def _gen():
    yield


async def _coro():
    pass


async def _agen():
    yield


_c = _coro()
_GeneratorType = type(_gen())
_CoroutineType = type(_c)
_AsyncGeneratorType = type(_agen())
_c.close()
del _c
_FunctionType = type(_gen)


def isgenerator(obj):
    return type(obj) is _GeneratorType


def iscoroutine(obj):
    return type(obj) is _CoroutineType


def isasyncgen(obj):
    return type(obj) is _AsyncGeneratorType


def isawaitable(obj):
    """Return true if object can be passed to an ``await`` expression."""
    return type(obj) is _CoroutineType or hasattr(obj, '__await__')


def isfunction(obj):
    return type(obj) is _FunctionType


def isclass(obj):
    return isinstance(obj, type)


def ismethod(obj):
    return type(obj).__name__ == 'method'


def isbuiltin(obj):
    return type(obj).__name__ == 'builtin_function_or_method'


def isroutine(obj):
    return isbuiltin(obj) or isfunction(obj) or ismethod(obj)
