# An uncaught group prints boxed members; nested groups get their own boxes.
def f():
    raise ValueError("x")
def g():
    try:
        f()
    except ValueError as e:
        e1 = e
    raise ExceptionGroup("outer", [e1, TypeError("t"), ExceptionGroup("inner", [KeyError(1), OSError("o")])])
g()
