# Which side's method runs: a subclass's own reflected method first (an inherited one does
# not count for arithmetic), a builtin number's own operator before a foreign subclass's.
class A:
    def __add__(self, o): return "A.add"
    def __radd__(self, o): return "A.radd"
    def __lt__(self, o): return "A.lt"
    def __gt__(self, o): return "A.gt"
class B(A):
    def __radd__(self, o): return "B.radd"
    def __gt__(self, o): return "B.gt"
print(A() + B(), B() + A(), A() < B(), B() < A())
class C(A):
    pass
print(A() + C(), A() < C())
class N:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return "N.radd"
class M(N):
    def __radd__(self, o): return "M.radd"
print(N() + M())
class E(int):
    def __radd__(self, o): return "E.radd"
print(1 + E(2), 1.5 + E(2))
class G(float):
    def __rsub__(self, o): return "G.rsub"
    def __rpow__(self, o): return "G.rpow"
print(1.0 - G(2), 2 ** G(3), 2.0 ** G(3))
class H(str):
    def __rmod__(self, o): return "H.rmod"
print("%s" % H("x"))
class X:
    def __lt__(self, o): return "x-lt"
    def __eq__(self, o): return "x-eq"
    def __ne__(self, o): return 0
    def __gt__(self, o): return [1]
print(X() < 1, X() == 1, X() != 1, X() > 1, 1 > X(), 1 < X(), 1 == X())
print(X() < X(), X() == X())
x = X()
print([x] == [x], [X()] == [X()], x in [x], (x < 1) and 5)
if X() < 1: print("truthy")
print(not (X() == 1))
a = X() < 1 < 2
print(a)
