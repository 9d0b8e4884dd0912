# Flag boundaries as in 3.11: a Flag refuses unknown bits (STRICT, with the given/allowed
# bit pattern), an IntFlag keeps them in its value and name (KEEP); negative values count
# from the top bit; len() counts bits; a flag class's repr is <flag 'Name'>.
from enum import Flag, IntFlag
class Perm(Flag):
    R = 4
    W = 2
    X = 1
class Num(IntFlag):
    A = 1
    B = 2
for v in [lambda: Num.A | 4, lambda: Num(8), lambda: Num(5), lambda: Num(-1), lambda: ~Num.A, lambda: Num.A ^ 12, lambda: Num.A & 3]:
    r = v()
    print(repr(r), str(r), r.name, r.value, list(r), format(r), len(r))
try:
    Perm(8)
except ValueError as e:
    print(repr(str(e)))
print(repr(Perm(7)), repr(~Perm.R), Perm.R.name, (Perm.R | Perm.W).name, Perm(0).name, repr(Perm(0)), str(Perm.R|Perm.X))
from enum import auto
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
print(Perm.RW, repr(Perm(3)), repr(Perm(7)), Perm(-1), Perm(-2), list(Perm.RW), len(Perm(7)), Perm.R | Perm.X in Perm(7))
for bad in [8, 9, -9, 100]:
    try:
        Perm(bad)
    except ValueError as e:
        print(e)
class Color(IntFlag):
    RED = 1
    GREEN = 2
print(repr(Color(7)), Color(7).name, Color(12), repr(Color(-5)), repr(Color.RED | 8), Color.RED | 8 == 9, repr(~Color.RED), repr(Perm), repr(Color))
