# BaseException.__init__ behind user exception classes without their own __init__: the
# call's arguments become args even when a user __new__ passed fewer to super().__new__,
# and keyword arguments are refused with the class's name.


class E(Exception):
    def __new__(cls, a, b):
        return super().__new__(cls, a)


e = E(1, 2)
print(repr(e), e.args, str(e))


class V(ValueError):
    pass


class K(KeyError):
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls, *args)


for make in (lambda: ValueError(x=1), lambda: V(1, x=1), lambda: V(x=1), lambda: K("k", y=2)):
    try:
        make()
    except TypeError as t:
        print(t)


class WithInit(Exception):
    def __init__(self, a, *, flag=False):
        super().__init__(a)
        self.flag = flag


w = WithInit("m", flag=True)
print(repr(w), w.args, w.flag)
