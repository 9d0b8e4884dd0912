class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(v):
    match v:
        case None:
            return "none"
        case True | False:
            return f"bool {v}"
        case 0 | 1 as small:
            return f"small {small}"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float():
            return "number"
        case "":
            return "empty string"
        case str(s):
            return f"string {s!r}"
        case []:
            return "empty list"
        case [x]:
            return f"one {x}"
        case [x, y, *rest]:
            return f"many {x} {y} rest={rest}"
        case {"type": "click", "pos": (px, py)}:
            return f"click {px},{py}"
        case {"type": t, **others}:
            return f"event {t} {sorted(others)}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis {yy}"
        case Point(xx, yy):
            return f"point {xx} {yy}"
        case (a, b):
            return f"pair {a} {b}"
        case _:
            return "other"

for v in [None, True, 0, 1, -5, 7, 2.5, "", "hi", [], [9], [1, 2, 3, 4], (1, 2),
          {"type": "click", "pos": (3, 4)}, {"type": "key", "k": 1, "a": 2},
          Point(0, 0), Point(0, 5), Point(2, 3), {1, 2}, b"x"]:
    print(describe(v))

match 42:
    case 1:
        print("no")
print("no case taken is fine")
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError", e)
