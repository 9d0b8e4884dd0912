class Base:
    pass
class Rec:
    def __getattr__(self, name):
        raise AttributeError(f"no field {name!r}")
r = Rec()
print(hasattr(r, "x"), getattr(r, "x", "dflt"))
def gen():
    yield 1
    return "finished"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
class A: pass
class B(A): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(e)
r.missing
