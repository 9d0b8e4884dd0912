class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
    def __iter__(cls):
        return iter(["a", "b"])
    def __len__(cls):
        return 2
    def __getitem__(cls, k):
        return k * 3
    def describe(cls):
        return f"class {cls.__name__}"
class A(metaclass=Meta):
    pass
class B(A):
    pass
print(A.tag, B.tag, list(A), len(B), A["x"], A.describe(), type(A).__name__, isinstance(A, Meta), isinstance(A, type))
class Single(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Single):
    def __init__(self, v): self.v = v
print(S(1) is S(2), S(3).v, repr(A).startswith("<class"))
class Plug:
    registry = []
    def __init_subclass__(cls, key=None, **kw):
        Plug.registry.append((cls.__name__, key))
class P1(Plug, key="one"): pass
print(Plug.registry)
