def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"
print(list(count(5)), sum(count(10)))
for x in count(3):
    print("x", x)
def deleg():
    r = yield from count(2)
    print("sub returned", r)
    yield "end"
print(list(deleg()))
g = (x * x for x in range(5) if x % 2 == 0)
print(g.__class__.__name__, list(g), list(g))
def echo():
    total = 0
    while True:
        v = yield total
        if v is None: break
        total += v
e = echo(); next(e); print(e.send(5), e.send(10))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])
def g2():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
gen = g2(); print(next(gen)); gen.close()
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as ex:
    print("RuntimeError", ex)
def tree(n):
    if n == 0:
        yield 0
        return
    yield from tree(n - 1)
    yield n
print(list(tree(5)), any(x > 3 for x in range(10)), max(x % 7 for x in range(20)))
print(dict(zip("abc", (i for i in range(3)))), sorted((x for x in [3,1,2]), reverse=True))
t = count(3); print(next(t), next(t), next(t), next(t, "stop"))
