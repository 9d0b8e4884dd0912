import copy
e = ValueError("boom", [1, 2])
e.note = [5]
c = copy.copy(e)
print(type(c).__name__, c.args, c.note, c is e, c.args[1] is e.args[1], c.note is e.note)
d = copy.deepcopy(e)
print(type(d).__name__, d.args, d.note, d is e, d.args[1] is e.args[1], d.note is e.note)
print(repr(copy.deepcopy(KeyError("k"))), repr(copy.copy(StopIteration(3))))
e.add_note("hello")
print(copy.copy(e).__notes__)
class MyErr(Exception):
    def __init__(self, a):
        super().__init__(a)
        self.extra = a * 2
m = copy.deepcopy(MyErr(4))
print(type(m).__name__, m.args, m.extra)
try:
    raise ValueError("x")
except ValueError as err:
    cc = copy.copy(err)
    print(cc.__traceback__ is None, err.__traceback__ is None)
o = OSError(2, "No such file")
co = copy.copy(o)
print(co.errno, co.strerror, co.args)
l = [e, e]
dl = copy.deepcopy(l)
print(dl[0] is dl[1], dl[0] is e)
class Two(Exception):
    def __init__(self, a, b):
        super().__init__(a)
try:
    copy.copy(Two(1, 2))
except TypeError as t:
    print("TypeError", t)
