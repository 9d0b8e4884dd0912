import copy, operator, textwrap, statistics
from contextlib import contextmanager, suppress, nullcontext, closing, ExitStack
from abc import ABC, abstractmethod
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(9)
print(b, c, b[1] is a[1], c[1] is a[1])
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[0])
class Pt:
    def __init__(self, x):
        self.x = x
    def __deepcopy__(self, memo):
        return Pt(self.x * 10)
print(copy.deepcopy([Pt(2)])[0].x, copy.copy(Pt(3)).x)
print(operator.itemgetter(1)("abc"), operator.itemgetter(0, 2)("abc"), operator.attrgetter("x")(Pt(7)))
print(operator.methodcaller("upper")("hi"), operator.add(1, 2), operator.neg(5), operator.not_(0), operator.truth([]))
print(operator.contains([1], 1), operator.getitem({"a": 1}, "a"), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 5))
print(operator.concat([1], [2]), operator.and_(6, 3), operator.or_(4, 1), operator.xor(5, 1), operator.abs(-3), operator.index(4))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=operator.itemgetter(1, 0)))
@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")
with tag("p") as t:
    print("inside", t)
try:
    with tag("q"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
with suppress(KeyError):
    {}["x"]
print("suppressed")
with nullcontext(5) as v:
    print(v)
class Res:
    def close(self):
        print("closed")
with closing(Res()):
    pass
with ExitStack() as st:
    st.callback(print, "cb1")
    st.callback(print, "cb2")
    st.enter_context(tag("x"))
class Shape(ABC):
    @abstractmethod
    def area(self):
        pass
    @abstractmethod
    def name(self):
        pass
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def name(self):
        return "sq"
class Half(Shape):
    def area(self):
        return 0
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(type(e).__name__, e)
print(Sq(3).area(), isinstance(Sq(1), Shape))
print(textwrap.wrap("a-very-long-hyphenated-word and more text here", 12))
print(textwrap.dedent("  a\n    b\n  c"), textwrap.dedent("\ta\n\tb"))
print(textwrap.shorten("The quick brown fox", 10), textwrap.fill("x " * 10, 7))
print(statistics.mean([1, 2, 3, 4]), statistics.mean([0.1, 0.2, 0.3]), statistics.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(statistics.median([]) if False else statistics.median([5]), statistics.pvariance([1, 2, 3, 4]), statistics.stdev([1, 2, 3, 4]))
print(statistics.quantiles([1, 2, 3, 4, 5], n=4, method="inclusive"), statistics.multimode([]), statistics.fmean([0.1] * 10))
for f in [lambda: statistics.median([]), lambda: statistics.mode([]), lambda: statistics.variance([1]), lambda: statistics.quantiles([1])]:
    try:
        f()
    except statistics.StatisticsError as e:
        print(type(e).__name__, e)
