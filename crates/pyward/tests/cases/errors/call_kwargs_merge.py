# Merging ** arguments into a call: duplicates and non-mappings name the callee.
def kw(**k): return k
class C:
    def m(self, **k): pass
for f in [lambda: kw(**{"a": 1}, **{"a": 2}), lambda: kw(a=1, **{"a": 2}), lambda: kw(**{"a": 1}, a=2), lambda: print(**{"sep": 1}, sep=2), lambda: C().m(**{"a": 1}, a=2), lambda: kw(*[1], **{"a": 1}, a=3)]:
    try: f()
    except TypeError as x: print(x)

def kw(**k): return k
class C:
    def __init__(self, **k): pass
    def m(self, **k): pass
cases = [lambda: kw(**1), lambda: kw(**{1: 2}), lambda: C(**{"a": 1}, a=2), lambda: C.m(C(), **[]),
         lambda: dict(**{"a": 1}, a=2), lambda: len(**{"a": 1}, a=2), lambda: kw(a=1, **{"b": 2}, c=3),
         lambda: (lambda **k: k)(**{"x": 1}, x=2), lambda: kw(**{"a": 1}, b=2, **{"c": 3})]
for f in cases:
    try: print(f())
    except TypeError as x: print(x)
