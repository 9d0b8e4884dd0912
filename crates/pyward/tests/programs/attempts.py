def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", type(r).__name__)
    except BaseException as e:
        print(label, "!!", type(e).__name__)

def g():
    yield 1
gen = g()
def f(): pass
attempt("subclasses", lambda: ().__class__.__bases__[0].__subclasses__())
attempt("mro", lambda: ().__class__.__mro__[-1].__subclasses__())
attempt("globals builtins", lambda: f.__globals__['__builtins__'])
attempt("globals import", lambda: f.__globals__['__builtins__'].__import__('os'))
attempt("gi_frame", lambda: gen.gi_frame.f_back)
attempt("gi_code", lambda: gen.gi_code)
async def _co():
    pass
co = _co()
async def _ag():
    yield
ag = _ag()
attempt("cr_frame", lambda: co.cr_frame.f_back)
attempt("cr_code", lambda: co.cr_code)
attempt("ag_frame", lambda: ag.ag_frame)
attempt("await wrapper frame", lambda: co.__await__().gi_frame)
attempt("asend frame", lambda: ag.asend(None).gi_frame)
attempt("coroutine globals", lambda: co.__init__.__globals__)
attempt("format attr", lambda: '{0.__class__}'.format(1))
attempt("format globals", lambda: '{0.__globals__}'.format(f))
attempt("format deep", lambda: '{0.__init__.__globals__[__builtins__]}'.format(gen))
attempt("print module", lambda: type(print).__module__)
attempt("builtins name", lambda: __builtins__)
attempt("import os", lambda: __import__('os'))
attempt("import sys", lambda: __import__('sys').modules)
attempt("importlib", lambda: __import__('importlib'))
attempt("open", lambda: open('/etc/passwd'))
attempt("code", lambda: f.__code__)
attempt("code replace", lambda: f.__code__.replace(co_code=b''))
attempt("func type", lambda: type(f)(f.__code__, {}))
attempt("closure", lambda: f.__closure__)
attempt("type call", lambda: type.__subclasses__(object))
attempt("object subclasses", lambda: object.__subclasses__())
attempt("getattr dunder", lambda: getattr(getattr(f, '__glo' + 'bals__'), 'get')('__builtins__'))
attempt("sys frame", lambda: __import__('sys')._getframe())
attempt("exc tb frame", lambda: (lambda: 1/0)())
try:
    1/0
except Exception as e:
    attempt("tb_frame", lambda: e.__traceback__.tb_frame.f_globals)
attempt("vars builtins", lambda: vars(__builtins__) if not isinstance(__builtins__, dict) else __builtins__)
attempt("breakpoint", lambda: breakpoint())
attempt("globals()", lambda: globals()['__builtins__'])
attempt("eval import", lambda: eval("__import__('os').system('id')"))
attempt("exec compile", lambda: exec(compile("import os", "x", "exec")))
attempt("class getattribute", lambda: object.__getattribute__(f, '__globals__'))
attempt("type dict", lambda: type.__dict__['__subclasses__'])
attempt("str format_map", lambda: '{x.__class__.__base__.__subclasses__}'.format_map({'x': 1}))
attempt("memoryview", lambda: memoryview(b'a'))
attempt("input", lambda: input())
attempt("help", lambda: help())
attempt("license", lambda: license)
attempt("types function", lambda: __import__('types').FunctionType(f.__code__, {}))
attempt("types code", lambda: __import__('types').CodeType)
for stmt in ["import os", "import sys", "import subprocess", "import socket", "import ctypes",
             "import importlib", "from os import system", "import posix", "import builtins",
             "import io", "import pathlib", "import shutil", "import signal", "import gc",
             "import inspect", "import types", "import threading", "import _thread",
             "import marshal", "import pickle", "import urllib.request"]:
    attempt(stmt, lambda: exec(stmt))
