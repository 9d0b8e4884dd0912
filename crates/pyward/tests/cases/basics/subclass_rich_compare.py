# Rich comparisons and arithmetic on subclasses of builtins and on user classes: a method's
# result is returned as is (not made a bool), the reflected method of a subclass goes first,
# NotImplemented falls through to the other side, and == falls back to identity.
class S(str):
    def __lt__(self, o): print("S.__lt__", self, o); return True
    def __gt__(self, o): print("S.__gt__", self, o); return "gt"
    def __eq__(self, o): print("S.__eq__"); return "eq"
    def __ne__(self, o): print("S.__ne__"); return "ne"
    def __le__(self, o): return "le"
    def __ge__(self, o): return "ge"
    def __add__(self, o): return "S.add"
    def __radd__(self, o): return "S.radd"
    def __mul__(self, o): return "S.mul"
    def __rmul__(self, o): return "S.rmul"
    def __mod__(self, o): return "S.mod"
    def __rmod__(self, o): return "S.rmod"
    def __contains__(self, o): return True
    def __len__(self): return 42
    def __getitem__(self, i): return "item"
    def __hash__(self): return 7
s = S("b")
print(s < "a", "a" < s, s > "a", "a" > s, s == "a", "a" == s, s != "a", "a" != s, s <= "a", "a" >= s)
print(s + "x", "x" + s, s * 2, 2 * s, s % 1, "x%s" % s)
print("z" in s, len(s), s[0], hash(s))
print(sorted([S("b"), S("a")]))
print(max(S("a"), S("b")))

class I(int):
    def __add__(self, o): return "I.add"
    def __radd__(self, o): return "I.radd"
    def __sub__(self, o): return "I.sub"
    def __rsub__(self, o): return "I.rsub"
    def __lt__(self, o): return "I.lt"
    def __gt__(self, o): return "I.gt"
    def __eq__(self, o): return "I.eq"
    def __mul__(self, o): return "I.mul"
    def __rmul__(self, o): return "I.rmul"
    def __truediv__(self, o): return "I.div"
    def __rtruediv__(self, o): return "I.rdiv"
    def __neg__(self): return "I.neg"
    def __bool__(self): return False
    def __index__(self): return 3
    __hash__ = int.__hash__
i = I(5)
print(i + 1, 1 + i, i - 1, 1 - i, i < 1, 1 < i, i > 1, 1 > i, i == 1, 1 == i, i * 2, 2 * i, i / 2, 2 / i, -i, bool(i))
print(i + i, i < i)

class F(float):
    def __add__(self, o): return "F.add"
    def __radd__(self, o): return "F.radd"
    def __lt__(self, o): return "F.lt"
    def __gt__(self, o): return "F.gt"
f = F(1.5)
print(f + 1, 1 + f, 1.0 + f, f < 1, 1 < f, 2.0 < f)

class L(list):
    def __add__(self, o): return "L.add"
    def __radd__(self, o): return "L.radd"
    def __lt__(self, o): return "L.lt"
    def __gt__(self, o): return "L.gt"
    def __eq__(self, o): return "L.eq"
    def __contains__(self, o): return "L.contains"
    def __iadd__(self, o): return "L.iadd"
    def __mul__(self, o): return "L.mul"
    def __rmul__(self, o): return "L.rmul"
l = L([1])
print(l + [2], [2] + l, l < [2], [2] < l, l == [1], [1] == l, 3 in l, l * 2, 2 * l)
l2 = l; l2 += [5]; print(l2)

class T(tuple):
    def __add__(self, o): return "T.add"
    def __radd__(self, o): return "T.radd"
    def __lt__(self, o): return "T.lt"
    def __gt__(self, o): return "T.gt"
t = T((1,))
print(t + (2,), (2,) + t, t < (2,), (2,) < t)

class D(dict):
    def __or__(self, o): return "D.or"
    def __ror__(self, o): return "D.ror"
    def __eq__(self, o): return "D.eq"
    def __contains__(self, o): return False
    def __getitem__(self, k): return "D.getitem"
d = D(a=1)
print(d | {}, {} | d, d == {}, {} == d, "a" in d, d["zz"])
