import json, re, random, math, itertools, functools, string
from collections import Counter, defaultdict, namedtuple
from dataclasses import dataclass
from enum import Enum
import datetime

random.seed(42)
r1 = [random.randint(0, 100) for _ in range(3)]
pat = re.compile(r"(\w+)@(\w+)\.com")
cnt = itertools.count(10, 3)
next(cnt)
cyc = itertools.cycle("xy")
next(cyc)
dd = defaultdict(list)
dd["a"].append(1)
Point = namedtuple("Point", "x y")
p = Point(1, 2)

@dataclass
class Item:
    name: str
    qty: int = 0

class Color(Enum):
    RED = 1
    GREEN = 2

@functools.lru_cache(maxsize=None)
def sq(n):
    return n * n

sq(3)
data = json.loads('{"a": [1, 2, {"b": null}], "c": 1.5}')
day = datetime.date(2024, 2, 28)
c = Counter("mississippi")
