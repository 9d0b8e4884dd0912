# throw() into a generator delegating to an object that is not a generator passes the
# call's arguments to that object's throw() as given: a class stays a class, a value is
# kept, even a non-exception is handed over. Without such a delegate, a non-exception is
# refused and the generator is left as it was.
class Feed:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        return f"item{self.n}"

    def throw(self, *args):
        print("delegate throw", args)
        if args and args[0] == "finish":
            raise StopIteration("feed result")
        if args and args[0] is OverflowError:
            raise args[0]("from delegate")
        return "handled"


def relay():
    result = yield from Feed()
    print("relay got", result)
    yield "relay done"


def outer():
    try:
        yield from relay()
    except OverflowError as e:
        print("outer caught", repr(e))
        yield "outer recovered"


g = outer()
print(next(g))
print(g.throw(KeyError))
print(g.throw(KeyError, "detail"))
print(g.throw(LookupError("instance")))
print(g.throw(42))
print(g.throw("finish"))
g = outer()
next(g)
print(g.throw(OverflowError))


def plain():
    try:
        yield 1
    except Exception as e:
        print("plain caught", repr(e))
    yield 2


p = plain()
print(next(p))
for bad in (42, "text", None):
    try:
        p.throw(bad)
    except TypeError as e:
        print("TypeError:", e)
print(next(p))
