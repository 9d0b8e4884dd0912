# split and subgroup: by an exception type, a tuple of types or a Python function; nested
# groups keep their structure, a full match returns the group itself, the parts carry the
# original's traceback, cause, context and a copy of its notes.


def attempt(label, f):
    try:
        print(label, "->", f())
    except BaseException as e:
        print(label, "!!", type(e).__name__, e)


eg = ExceptionGroup("msg", [ValueError(1), TypeError("x"), KeyError("k")])
attempt("type", lambda: eg.split(ValueError))
attempt("base type", lambda: eg.split(LookupError))
attempt("tuple", lambda: eg.split((ValueError, TypeError)))
attempt("no match", lambda: eg.split(OSError))
attempt("all", lambda: eg.split(Exception))
attempt("group type", lambda: eg.split(ExceptionGroup))
attempt("base group type", lambda: eg.split(BaseExceptionGroup))
attempt("predicate", lambda: eg.split(lambda e: isinstance(e, TypeError)))
attempt("predicate truthy", lambda: eg.split(lambda e: 1))
attempt("predicate falsy", lambda: eg.split(lambda e: []))
attempt("subgroup", lambda: eg.subgroup(ValueError))
attempt("subgroup none", lambda: eg.subgroup(OSError))
print("full split is self:", eg.split(Exception)[0] is eg, eg.subgroup(Exception) is eg)
print("partial is new:", eg.split(ValueError)[0] is eg)
print("subgroup leaf kept:", eg.subgroup(ValueError).exceptions[0] is eg.exceptions[0])


def is_value(e):
    return isinstance(e, ValueError)


attempt("def predicate", lambda: eg.subgroup(is_value))

nested = ExceptionGroup(
    "outer",
    [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)],
)
attempt("nested V", lambda: nested.split(ValueError))
attempt("nested T", lambda: nested.split(TypeError))
attempt("nested sub", lambda: nested.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner"))
seen = []
nested.subgroup(lambda e: seen.append(repr(e)))
print("visited:", seen)
deep = ValueError(0)
for i in range(30):
    deep = ExceptionGroup(f"d{i}", [deep, TypeError(i)])
m, r = deep.split(ValueError)
while isinstance(m, BaseExceptionGroup):
    m = m.exceptions[0]
print("deep leaf:", repr(m), repr(r.message), len(r.exceptions))

attempt("no arg", lambda: eg.split())
attempt("two args", lambda: eg.split(ValueError, TypeError))
attempt("sub no arg", lambda: eg.subgroup())
attempt("int matcher", lambda: eg.split(5))
attempt("builtin fn", lambda: eg.split(print))
attempt("bound method", lambda: eg.split([].append))
attempt("bad tuple", lambda: eg.split((ValueError, 5)))
attempt("list", lambda: eg.split([ValueError]))
attempt("class not exc", lambda: eg.subgroup(int))
attempt("predicate raises", lambda: eg.split(lambda e: 1 / 0))
attempt("derive no arg", lambda: eg.derive())
attempt("derive int", lambda: eg.derive(5))
attempt("derive", lambda: repr(eg.derive([KeyError()])))
attempt("derive base", lambda: repr(eg.derive([KeyboardInterrupt()])))
attempt("derive keeps nothing", lambda: eg.derive([OSError()]).__traceback__)
attempt("unbound derive", lambda: ExceptionGroup.derive(ValueError(), []))
attempt("unbound split", lambda: BaseExceptionGroup.split(1, ValueError))


def raiser():
    try:
        raise KeyError("ctx")
    except KeyError:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)]) from OSError("cause")


try:
    raiser()
except ExceptionGroup as e:
    e.add_note("note1")
    m, r = e.split(ValueError)
    for part in (m, r):
        print(
            repr(part),
            repr(part.__cause__),
            repr(part.__context__),
            part.__suppress_context__,
            part.__notes__,
            part.__notes__ is e.__notes__,
            part.__traceback__ is not None,
        )
    m.__notes__.append("only m")
    print(e.__notes__, r.__notes__)

try:
    raise ExceptionGroup("plain", [ValueError(1), TypeError(2)])
except ExceptionGroup as e:
    m, r = e.split(ValueError)
    print(repr(m.__cause__), repr(m.__context__), m.__suppress_context__, hasattr(m, "__notes__"))
    e.__notes__ = "abc"
    print(e.split(ValueError)[0].__notes__)
    e.__notes__ = ("t",)
    print(e.split(ValueError)[0].__notes__)
    e.__notes__ = 5
    print(hasattr(e.split(ValueError)[0], "__notes__"))
