# gen.throw(type, value): the value is normalised as CPython does (an instance of the type
# is raised as is, a tuple becomes the arguments, anything else the single argument).
def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print(type(e).__name__, e.args)


class Custom(ValueError):
    pass


g = catcher()
next(g)
g.throw(ValueError)
g.throw(ValueError, None)
g.throw(ValueError, 7)
g.throw(ValueError, ("a", 2))
g.throw(ValueError, ValueError("same"))
g.throw(ValueError, Custom("subclass kept"))
g.throw(ValueError, KeyError("wrapped"))
g.throw(KeyError("instance"))
g.throw(KeyError("instance"), None)

for bad in [(KeyError("x"), 1), (42,), ("text", None), (int,)]:
    try:
        g.throw(*bad)
    except TypeError as e:
        print("TypeError:", e)


# Through a delegating generator the normalised exception reaches the inner one.
def outer():
    yield from catcher()


o = outer()
next(o)
o.throw(LookupError, ("k", "v"))
o.throw(LookupError, IndexError(3))
