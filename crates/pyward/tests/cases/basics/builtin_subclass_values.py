# Instances of int, float and str subclasses (IntEnum, StrEnum, IntFlag, user classes)
# are accepted wherever CPython takes an int, float or str: indices, conversions,
# math, str arguments, regex subjects; empty-spec formatting reaches their __str__/__repr__.
import math, re, json
from enum import IntEnum, StrEnum, IntFlag
class Meters(int):
    def __repr__(self):
        return f"Meters({int(self)})"
class Name(str):
    pass
class Score(float):
    pass
class Level(IntEnum):
    LOW = 1
    HIGH = 3
class Color(StrEnum):
    RED = "red"
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
m, n, s = Meters(5), Name("bob"), Score(2.5)
print(int(m), float(m), hex(m), bin(m), [0, 1, 2, 3, 4, 5, 6][m], range(m), "ab" * Meters(2), f"{m}", f"{m:>4}")
print(round(m), abs(Meters(-3)), divmod(m, 2), chr(Meters(65)), m.real, m.numerator, math.factorial(m), math.gcd(m, 10))
print("abcdef"[m], (1, 2, 3, 4, 5, 6)[m], list(range(10))[m:], "x".center(m, "*"), [1, 2, 3].pop(Meters(0)), "%d %x" % (m, m))
print(int(s), float(s), round(s), round(s, 1), abs(Score(-1.5)), divmod(s, 1), math.floor(s), math.sqrt(s), math.isclose(s, 2.5))
print(n in "xbobx", "-".join([n, n]), int(Name("42")), float(Name("1.5")), "bobby".startswith(n), "x,y".split(Name(",")))
print("abc".replace(Name("a"), Name("z")), re.sub("o", Name("0"), n), ord(Name("a")), "abc".find(Name("c")), getattr(n, Name("upper"))())
print(json.loads(Name("[1]")), json.dumps({n: m}), str(m), str(n), type(str(n)).__name__)
print([10, 20, 30, 40][Level.HIGH], int(Level.LOW), hex(Level.HIGH), Level.HIGH + 1, range(Level.HIGH), f"{Level.HIGH}", f"{Level.HIGH:>3}")
print(Color.RED.upper(), "red".startswith(Color.RED), re.match(Color.RED, "redder") is not None, f"{Color.RED}", str(Color.RED))
p = Perm.R | Perm.W
print(repr(p), p, int(p), Perm.R in p, Perm.X in p, p & Perm.W, repr(p | 1), repr(Perm.R ^ Perm.R), list(p), len(p))
