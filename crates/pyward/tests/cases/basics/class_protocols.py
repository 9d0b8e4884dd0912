class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1)
print(dict(d), d["a"], d["zz"], list(d), {**d})
class T(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
t = T(1, 2)
print(t, t[0], len(t), isinstance(t, tuple))
def f(): "doc"
f.__name__ = "g"; f.__doc__ = "new doc"
print(f.__name__, f.__doc__)
class Desc:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, owner): return f"get {self.name} {obj is None}"
class C:
    x = Desc()
print(C().x, C.x)
class G:
    def __class_getitem__(cls, k): return f"G[{k}]"
print(G[int], hasattr([], "__getitem__"), (5).__index__(), iter([1]).__next__())
print(eval("1 + 2 * 3"), eval("x + 1", {"x": 41}))
exec("y = 10\nprint('exec', y)")
print(sorted(dir(C()))[-1], type("K", (object,), {"a": 1})().a, object.__new__(C).__class__.__name__)
