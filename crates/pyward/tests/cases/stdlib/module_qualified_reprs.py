# A dict subclass with __missing__, a namedtuple subclass repr, class __module__ in reprs.
import collections
class D(dict):
    def __missing__(self, k):
        return k * 2
d = D(a=1)
print(d["a"], d[5], d.get(5), 5 in d)
P = collections.namedtuple("P", "x y")
class Q(P):
    __slots__ = ()
print(P(1, 2), Q(3, 4), Q(3, 4)._replace(x=0))
class X:
    pass
print(X, X.__module__, collections.OrderedDict, collections.Counter.__module__)
import urllib.parse
print(urllib.parse.SplitResult, type(urllib.parse.urlsplit("http://x")).__name__)
