from dataclasses import dataclass, field, fields, asdict, replace, is_dataclass, FrozenInstanceError
from enum import Enum, IntEnum, Flag, auto, unique
from typing import List, Optional, NamedTuple, ClassVar
@dataclass
class P:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    hidden: int = field(default=7, repr=False, compare=False)
    count: ClassVar[int] = 0
print(P(1), P(1, 2) == P(1, 2, hidden=3), P(1) != P(2), [f.name for f in fields(P)], is_dataclass(P), is_dataclass(1))
for bad in [lambda: P(), lambda: P(1, 2, [], 3, 4), lambda: P(1, z=2), lambda: P(1, x=1)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print(type(e).__name__, e)
@dataclass
class Child(P):
    z: int = 5
print(Child(1, z=3), asdict(Child(2)))
@dataclass(frozen=True, order=True)
class F:
    a: int
    b: str = "s"
f = F(1)
try:
    f.a = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
print(F(1) < F(2), F(1, "a") < F(1, "b"), hash(F(1)) == hash(F(1)), replace(f, b="t"))
@dataclass
class N:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(N(3))
try:
    replace(N(1), b=2)
except ValueError as e:
    print(type(e).__name__, e)
class Color(Enum):
    RED = 1
    GREEN = 2
    ALIAS = 1
    def describe(self):
        return self.name.lower()
print(Color.RED, repr(Color.ALIAS), Color(1) is Color.RED, Color.GREEN.describe(), Color.RED.value)
print(list(Color.__members__), Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1)
try:
    Color(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    unique(Color)
except ValueError as e:
    print(type(e).__name__, e)
class Lvl(IntEnum):
    LOW = auto()
    HIGH = auto()
print(Lvl.HIGH, repr(Lvl.LOW), Lvl.HIGH + 1, Lvl(2) is Lvl.HIGH, Lvl.LOW < Lvl.HIGH, f"{Lvl.LOW}")
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(repr(rw), str(rw), Perm.W in rw, Perm.X in rw, rw.value, bool(Perm.R & Perm.X))
class Pt(NamedTuple):
    x: int
    y: int = 0
    def norm(self):
        return self.x + self.y
p = Pt(3)
print(p, p.norm(), p._fields, p == (3, 0), Pt(1, 2)._asdict())
print(Optional[int] is not None, List[int] is not None)
