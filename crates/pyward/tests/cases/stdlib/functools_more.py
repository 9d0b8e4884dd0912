import functools
from functools import partial, reduce, lru_cache, wraps, total_ordering, cmp_to_key, cached_property, singledispatch
p = partial(max, 3)
print(p(1), p(5, 7), p.args, p.keywords)
pp = partial(p, 10)
print(pp.args, pp(), pp.func is max)
print(repr(partial(max, 1, key=abs)).startswith("functools.partial(<built-in function max>, 1, key="))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print(type(e).__name__, e)
print(reduce(lambda a, b: a + b, [], 7), reduce(lambda a, b: a + [b], "abc", []))
@lru_cache
def sq(x):
    return x * x
print(sq(3), sq(3), sq.cache_info(), sq.cache_info().hits)
@lru_cache(maxsize=0)
def z(x):
    return x
z(1); z(1)
print(z.cache_info())
@lru_cache(maxsize=2, typed=True)
def t(x):
    return type(x).__name__
print(t(1), t(1.0), t(1), t.cache_info())
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
@deco
def hello():
    """doc"""
    return "hi"
print(hello(), hello.__wrapped__.__name__)
@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __gt__(self, o):
        return self.v > o.v
print(V(1) < V(2), V(1) <= V(1), V(3) >= V(4), sorted([V(3), V(1)], key=lambda v: v)[0].v)
try:
    @total_ordering
    class W:
        pass
except ValueError as e:
    print(type(e).__name__, e)
print(sorted(["b", "A", "c"], key=cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
class C:
    calls = 0
    @cached_property
    def val(self):
        C.calls += 1
        return 42
c = C()
print(c.val, c.val, C.calls)
@singledispatch
def show(x):
    return "obj"
@show.register(int)
def _(x):
    return "int"
@show.register(list)
def _(x):
    return "list"
print(show(1), show([]), show("s"), show(True))
