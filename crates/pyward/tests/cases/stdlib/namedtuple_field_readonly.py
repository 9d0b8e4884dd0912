# namedtuple fields are read-only descriptors with CPython's messages (_tuplegetter), and
# still work as class attributes, in subclasses and through typing.NamedTuple.
from collections import namedtuple
from typing import NamedTuple
Emp = namedtuple("Emp", ["name", "dept", "salary"], defaults=[0])
e = Emp("x", "eng")
for attempt in [lambda: setattr(e, "name", "y"), lambda: delattr(e, "dept"), lambda: setattr(e, "other", 1)]:
    try:
        attempt()
    except AttributeError as ex:
        print("AttributeError:", ex)
print(e.name, e.salary, type(Emp.name).__name__, Emp.name.__get__(e), Emp.dept.__get__(None, Emp) is Emp.dept)
class Point(namedtuple("Point", "x y")):
    __slots__ = ()
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
p = Point(3, 4)
print(p, p.norm, p.x, p._replace(y=0))
try:
    p.x = 5
except AttributeError as ex:
    print("AttributeError:", ex)
class Row(NamedTuple):
    id: int
    label: str = "?"
r = Row(1)
print(r, r.label)
try:
    r.id = 2
except AttributeError as ex:
    print("AttributeError:", ex)
