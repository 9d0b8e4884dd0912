# `*` and `**` operands that cannot be iterated or are not mappings: CPython words the error
# by where the operand is (a lone `f(*x)` names the callee; displays and longer argument
# lists say "Value after *"; `{**x}` wants a mapping), while an error raised inside
# `__iter__` passes through unchanged.
def f(*a, **k): return a, k
class K:
    def m(self, *a): return a
class BadIter:
    def __iter__(self): raise TypeError("inner")
class Seq:
    def __getitem__(self, i):
        if i < 3: return i * 10
        raise IndexError(i)
cases = [
    lambda: f(*5), lambda: f(*None), lambda: print(*5), lambda: K().m(*3.5),
    lambda: len(*5), lambda: "".join(*5), lambda: [].append(*1),
    lambda: f(1, *5), lambda: f(*[1], *5), lambda: f(*5, 1), lambda: [1, *5], lambda: (*5,),
    lambda: {*5}, lambda: {**5}, lambda: {1: 2, **[]}, lambda: {**[("a", 1)]}, lambda: {"x": 1, **"ab"},
    lambda: f(*BadIter()), lambda: [*BadIter()],
    lambda: f(*Seq()), lambda: [*Seq()], lambda: f(*"ab", *range(2)), lambda: f(*{1: 2}),
    lambda: f(*iter([4]), k=1), lambda: {**{"a": 1}, **dict(b=2)},
]
for c in cases:
    try:
        print(c())
    except TypeError as e:
        print("TypeError:", e)
print("a".join.__qualname__, [].append.__qualname__, {}.get.__qualname__)
