# Exact messages of TypeErrors and OverflowErrors raised by builtin calls and operators.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


class Plain:
    pass


class PassesArgsUp:
    def __init__(self, x):
        super().__init__(x)


class OwnNew:
    def __new__(cls, *a):
        return super().__new__(cls)


class Mixin:
    def __init__(self, **kw):
        super().__init__(**kw)


attempt("object(1)", lambda: object(1))
attempt("object(a=1)", lambda: object(a=1))
attempt("Plain(1)", lambda: Plain(1))
attempt("Plain().__init__(1)", lambda: Plain().__init__(1))
attempt("super().__init__(x)", lambda: PassesArgsUp(1))
attempt("own __new__", lambda: type(OwnNew(1)).__name__)
attempt("empty kwargs up", lambda: type(Mixin()).__name__)
attempt("kwargs up", lambda: Mixin(a=1))
attempt("sorted kw", lambda: sorted([], foo=1))
attempt("issubclass arg 2", lambda: issubclass(int, 1))
attempt("isinstance arg 2", lambda: isinstance(1, 1))
attempt("zip int", lambda: list(zip(1)))
attempt("zip second", lambda: list(zip([1], 2)))
attempt("str(int, enc)", lambda: str(1, "ascii"))
attempt("str(str, enc)", lambda: str("a", "ascii"))
attempt("str(bytes, enc)", lambda: str(b"ab", "ascii"))
attempt("sum bytes", lambda: sum([b"a"], b""))
attempt("sum bytearray", lambda: sum([b"a"], bytearray()))
attempt("list * huge", lambda: [0] * (10**20))
attempt("str * huge", lambda: "a" * (10**20))
attempt("list * -huge", lambda: [1] * -(10**20))
attempt("huge * tuple", lambda: 10**20 * (1,))
attempt("bytes * huge", lambda: b"a" * 10**30)
attempt("list * 0", lambda: [1] * 0)
