def inner(n):
    try:
        for i in range(n):
            got = yield i
            if got:
                print("inner got", got)
    finally:
        print("inner finally")
    return "inner done"

def outer():
    r = yield from inner(3)
    print("outer saw", r)
    yield "last"

def in_handler():
    try:
        raise KeyError("k")
    except KeyError as e:
        yield "in handler"
        import sys
        print("still handling", repr(sys.exc_info()[1]))
        yield "after"
    yield "outside"

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

o = outer()
print(next(o), o.send("hello"))
h = in_handler()
print(next(h))
inc = counter()
inc(); inc()
squares = (x * x for x in range(10))
print(next(squares), next(squares))
fb = fib()
first_fibs = [next(fb) for _ in range(10)]
lc = [i for i in range(5)]
pending = {k: v for k, v in zip("abc", range(3))}
