# Enums with a data-type mixin (str, int), flags with aliases, the functional API,
# member reassignment, and metaclass __setattr__ in general.
import json
from enum import Enum, Flag, IntEnum, IntFlag, StrEnum, auto


class Status(str, Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"


print(repr(Status.ACTIVE), str(Status.ACTIVE), f"{Status.ACTIVE}", "%s" % Status.ACTIVE)
print(Status("active") is Status.ACTIVE, Status.ACTIVE == "active", Status.ACTIVE.upper())
print(json.dumps({"s": Status.ACTIVE}), [s.value for s in Status], Status.ACTIVE in Status)
print({Status.ACTIVE: 1}["active"], "x" + Status.ACTIVE, isinstance(Status.ACTIVE, str))


class Level(StrEnum):
    LOW = auto()
    HIGH = "high"


print(repr(Level.LOW), str(Level.LOW), f"{Level.HIGH}", Level.LOW == "low")


class Num(IntEnum):
    ONE = 1
    TWO = 2


print(Num.ONE + Num.TWO, [10, 20, 30][Num.ONE], Num(2), Num.ONE < Num.TWO, max(Num))
print(json.dumps({"n": Num.TWO}), f"{Num.TWO:03d}", int(Num.TWO), hash(Num.TWO) == hash(2))
print(sorted([Num.TWO, Num.ONE]), str(Num.ONE), repr(Num.ONE))


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


print(Perm.R | Perm.W, Perm(7), Perm.R in Perm(6), list(Perm), Perm.R | 1)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print(Color.WHITE, list(Color), len(Color), Color.WHITE & ~Color.RED, list(Color.__members__))

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
Shape = Enum("Shape", [("SQUARE", 4), ("TRIANGLE", 3)])
print(Shape.TRIANGLE, Shape(4))
Bits = Flag("Bits", "A B C")
print(list(Bits), Bits.A | Bits.C)


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


print(Planet.EARTH.radius, Planet((3.303e23, 2.4397e6)))

for attempt in ("Status.ACTIVE = 'x'", "del Status.ACTIVE"):
    try:
        exec(attempt)
    except AttributeError as e:
        print("AttributeError:", e)
Status.extra = 5
print(Status.extra)


class Loud(type):
    def __setattr__(cls, name, value):
        print("set", name, value)
        super().__setattr__(name, value)


class Quiet(metaclass=Loud):
    pass


Quiet.x = 1
print(Quiet.x)
