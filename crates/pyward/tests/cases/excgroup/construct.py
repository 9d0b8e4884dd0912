# BaseExceptionGroup/ExceptionGroup construction: CPython's argument checks and messages,
# the class choice (BaseExceptionGroup of Exceptions is an ExceptionGroup), message,
# exceptions as a tuple, args as given, str and repr, and the class hierarchy.
import collections


def attempt(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, repr(r))
    except BaseException as e:
        print(label, "!!", type(e).__name__, e)


attempt("ok list", lambda: ExceptionGroup("m", [ValueError(1)]))
attempt("ok tuple", lambda: ExceptionGroup("m", (ValueError(1), TypeError(2))))
attempt("one arg", lambda: ExceptionGroup("m"))
attempt("no args", lambda: ExceptionGroup())
attempt("three args", lambda: ExceptionGroup("m", [ValueError(1)], 3))
attempt("int message", lambda: ExceptionGroup(1, [ValueError(1)]))
attempt("None message", lambda: ExceptionGroup(None, [ValueError(1)]))
attempt("bytes message", lambda: ExceptionGroup(b"m", [ValueError(1)]))
attempt("int excs", lambda: ExceptionGroup("m", 5))
attempt("empty", lambda: ExceptionGroup("m", []))
attempt("empty tuple", lambda: BaseExceptionGroup("m", ()))
attempt("set", lambda: ExceptionGroup("m", {ValueError(1)}))
attempt("dict", lambda: ExceptionGroup("m", {"a": ValueError(1)}))
attempt("generator", lambda: ExceptionGroup("m", (e for e in [ValueError(1)])))
attempt("str excs", lambda: ExceptionGroup("m", "ab"))
attempt("range", lambda: ExceptionGroup("m", range(2)))
attempt("item 1", lambda: ExceptionGroup("m", [ValueError(1), 2]))
attempt("class item", lambda: ExceptionGroup("m", [ValueError]))
attempt("base in EG", lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
attempt("mixed in EG", lambda: ExceptionGroup("m", [ValueError(), SystemExit(1)]))
attempt("base in BEG", lambda: BaseExceptionGroup("m", [KeyboardInterrupt()]))
attempt("BEG of Exceptions", lambda: BaseExceptionGroup("m", [ValueError(), OSError()]))
attempt("nested", lambda: BaseExceptionGroup("m", [ExceptionGroup("i", [ValueError()])]))
attempt("kwargs", lambda: ExceptionGroup("m", [ValueError(1)], x=1))
attempt("BEG kwargs", lambda: BaseExceptionGroup("m", [ValueError(1)], x=1))
attempt("only kwargs", lambda: ExceptionGroup(message="m", exceptions=[ValueError(1)]))
attempt("deque", lambda: ExceptionGroup("m", collections.deque([KeyError("k")])))


class Seq:
    def __getitem__(self, i):
        if i < 2:
            return ValueError(i)
        raise IndexError(i)


class Msg(str):
    pass


attempt("__getitem__ seq", lambda: ExceptionGroup("m", Seq()).exceptions)
m = ExceptionGroup(Msg("sub"), [ValueError()])
print(type(m.message).__name__, m.message, m)

eg = ExceptionGroup("msg", [ValueError(1), TypeError("x")])
print(str(eg), "|", repr(eg))
print(eg.message, eg.exceptions, eg.args)
print(type(eg.exceptions).__name__, type(eg.args[1]).__name__)
one = ExceptionGroup("solo", [ValueError(1)])
print(str(one), "|", repr(one))
print(str(ExceptionGroup("", [ValueError()])), "|", repr(ExceptionGroup("", [ValueError()])))
print(repr(str(ExceptionGroup("a\nb", [ValueError()] * 3))))
print(f"{eg}", "%s" % eg, format(one))

for attr in ("message", "exceptions"):
    try:
        setattr(eg, attr, "x")
    except AttributeError as e:
        print(attr, e)
print(eg.__dict__)
eg.args = ("changed",)
print(repr(eg), "|", eg, "|", eg.message)
eg.__init__("again", [], 7)
print(repr(eg), "|", eg, "|", eg.args)

print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, ExceptionGroup.__base__, BaseExceptionGroup.__bases__)
print(ExceptionGroup.__name__, ExceptionGroup.__qualname__, ExceptionGroup.__module__)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), isinstance(eg, BaseException))
print(issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(BaseExceptionGroup, Exception))
print(issubclass(ExceptionGroup, (KeyError, Exception)), issubclass(BaseExceptionGroup, BaseException))
print([n for n in dir(eg) if not n.startswith("_")])
print(callable(eg.split), callable(eg.subgroup), callable(eg.derive))
try:
    raise eg
except Exception as e:
    print("caught as Exception:", type(e).__name__)
try:
    raise BaseExceptionGroup("b", [KeyboardInterrupt()])
except Exception:
    print("wrong")
except BaseExceptionGroup as e:
    print("caught as BaseExceptionGroup:", repr(e))
