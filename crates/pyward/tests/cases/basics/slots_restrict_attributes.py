# A class whose whole MRO declares __slots__ refuses other instance attributes and has no
# __dict__ (vars() fails); a subclass without __slots__, or "__dict__" in the slots, lifts it.
class P:
    __slots__ = ("x", "__y")
    def __init__(self): self.x = 1; self.__y = 2
    def gety(self): return self.__y
p = P()
print(p.x, p.gety(), P.__slots__)
for stmt in ["p.z = 3", "p.__dict__", "vars(p)", "P().x", "del p.x; p.x", "object.__setattr__(p, 'q', 1)", "setattr(p, 'w', 1)"]:
    try:
        exec(stmt)
        print(stmt, "ok")
    except Exception as e:
        print(stmt, type(e).__name__, e)
class Q(P):
    pass
q = Q(); q.z = 5; print(q.z, q.__dict__["z"])
class R(P):
    __slots__ = ["r"]
r = R(); r.r = 1; r.x = 2
try:
    r.other = 1
except AttributeError as e:
    print(e)
class S:
    __slots__ = "single"
s = S(); s.single = 1
try:
    s.two = 2
except AttributeError as e:
    print(e)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict(); w.b = 1; print(w.b)
from dataclasses import dataclass
@dataclass
class DC:
    __slots__ = ("a",)
    a: int
d = DC(1)
try:
    d.b = 2
except AttributeError as e:
    print(e)
