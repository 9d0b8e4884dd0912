# vars() with no argument is locals() (function locals, cells and free variables; a class
# body's namespace), and dir(obj) sorts what the class's __dir__ returns.
def f(a, b=2):
    c = 3
    v = vars()
    print(sorted(v.items()))
f(1)
class A:
    x = 1
    print(sorted(k for k in vars() if not k.startswith('__')))
class D:
    def __dir__(self): return ['b', 'a', 'c']
print(dir(D()))
class E:
    def __dir__(self): return ('z', 'y')
print(dir(E()))
print("x" in vars(A))
import math
print('sqrt' in vars(math))
o = A(); o.q = 5
print(vars(o))
try:
    vars(5)
except TypeError as e:
    print(e)

def outer():
    y = 2
    z = 3
    def inner():
        w = y
        return sorted(locals().items())
    del z
    return inner(), sorted(locals())
print(outer())
def empty():
    return locals()
print(empty())
