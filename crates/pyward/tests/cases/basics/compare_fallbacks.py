# Comparison fallbacks: NotImplemented from both sides, object.__ne__ inverting __eq__,
# identity in containers, total_ordering, and the TypeError naming the subclass.
class S(str):
    pass
class T(str):
    def __eq__(self, o): return NotImplemented
    __hash__ = str.__hash__
for expr in ["S('a') < 1", "1 < S('a')", "S('a') == 1", "S('a') != 'a'", "T('a') == 'a'", "'a' == T('a')", "T('a') != 'a'", "S('b') > S('a')", "[S('a')] < [S('b')]", "S('a') in {'a': 1}", "T('a') in {'a': 1}", "sorted([S('b'), 'a', S('c')])"]:
    try:
        print(expr, "->", eval(expr))
    except TypeError as e:
        print(expr, "!!", e)
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, V) and self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"V({self.v})"
print(V(1) != V(1), V(1) != V(2), V(2) > V(1), sorted([V(3), V(1), V(2)]), max([V(3), V(5)]))
try:
    print(V(1) <= V(2))
except TypeError as e:
    print(e)
import functools
@functools.total_ordering
class W:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(W(1) <= W(2), W(3) >= W(2), W(1) > W(2))
class N:
    def __eq__(self, o): return NotImplemented
print(N() == N(), N() != N(), N() == 1)
n = N(); print(n == n, n != n, [n] == [n], n in [n])
class Z(int):
    def __eq__(self, o): return "Z.eq"
    __hash__ = int.__hash__
print(Z(1) == 1, 1 == Z(1), Z(1) != 1, {Z(1): 'a'}[1])
class Ex(Exception):
    def __eq__(self, o): return "ex-eq"
print(Ex() == 1, Ex("a") != Ex("a"))
a = V(1)
print(a < V(2) < V(3))
class R:
    def __lt__(self, o): return NotImplemented
    def __gt__(self, o): return "R.gt"
print(R() < R(), R() > R())
try:
    R() <= R()
except TypeError as e:
    print(e)
