# User subclasses of the group classes: the class is kept (no switch to ExceptionGroup),
# BaseExceptions are refused in subclasses of Exception, derive is what split and subgroup
# call (the default builds a plain group), __new__/__init__ with extra arguments.


def attempt(label, f):
    try:
        print(label, "->", f())
    except BaseException as e:
        print(label, "!!", type(e).__name__, e)


class MyEG(ExceptionGroup):
    pass


class MyBEG(BaseExceptionGroup):
    pass


m = MyEG("x", [ValueError(1), TypeError(2)])
print(type(m).__name__, repr(m), str(m), m.message, m.exceptions)
print(m.split(ValueError), repr(m.derive([KeyError()])))
print(type(MyBEG("x", [ValueError(1)])).__name__, repr(MyBEG("x", [KeyboardInterrupt()])))
attempt("MyEG base", lambda: MyEG("x", [KeyboardInterrupt()]))
attempt("MyEG empty", lambda: MyEG("x", []))
attempt("MyEG arity", lambda: MyEG("x"))
print(MyEG.__mro__)
print(isinstance(m, ExceptionGroup), isinstance(m, Exception), issubclass(MyBEG, Exception))


class Der(ExceptionGroup):
    def derive(self, excs):
        print("  derive", excs)
        return Der(self.message + "!", excs)


d = Der("d", [ValueError(1), TypeError(2), ExceptionGroup("in", [ValueError(3), KeyError(4)])])
attempt("Der split", lambda: d.split(ValueError))
attempt("Der subgroup", lambda: d.subgroup(KeyError))
attempt("Der full", lambda: d.subgroup(Exception) is d)


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 5


class RaisingDerive(ExceptionGroup):
    def derive(self, excs):
        raise RuntimeError("derive failed")


attempt("bad derive", lambda: BadDerive("b", [ValueError(1), TypeError(2)]).split(ValueError))
attempt("raising derive", lambda: RaisingDerive("b", [ValueError(1), TypeError(2)]).split(ValueError))
attempt("bad derive full", lambda: BadDerive("b", [ValueError(1)]).split(ValueError))


class WithExtra(ExceptionGroup):
    def __new__(cls, message, excs, extra):
        self = super().__new__(cls, message, excs)
        self.extra = extra
        return self

    def __init__(self, message, excs, extra):
        super().__init__(message, excs)

    def derive(self, excs):
        return WithExtra(self.message, excs, self.extra)


g = WithExtra("g", [ValueError(1), TypeError(2)], 42)
print(repr(g), g.args, g.extra, g.message)
a, b = g.split(ValueError)
print(repr(a), a.extra, repr(b), b.extra, type(b).__name__)


class InitOnly(ExceptionGroup):
    def __init__(self, *args):
        super().__init__(*args)
        self.z = 1


i = InitOnly("q", [ValueError()])
print(repr(i), i.z, i.__dict__)


class Both(Exception, BaseExceptionGroup):
    pass


b = Both("both", [ValueError(1), TypeError(2)])
print(type(b).__name__, b, b.exceptions, b.split(TypeError))
attempt("Both base", lambda: Both("x", [KeyboardInterrupt()]))


class Str(ExceptionGroup):
    def __str__(self):
        return "custom " + super().__str__()


print(Str("s", [ValueError()]))


class NewOnly(ExceptionGroup):
    def __new__(cls, message, excs, extra):
        self = super().__new__(cls, message, excs)
        self.extra = extra
        return self


n = NewOnly("n", [ValueError(1)], 7)
print(repr(n), n.args, n.extra, n, n.message)
attempt("kwargs to subclass", lambda: MyEG("k", [ValueError()], x=1))
attempt("kwargs to new-only", lambda: NewOnly("n", [ValueError(1)], 7, x=1))
