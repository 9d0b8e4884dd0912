# Arithmetic whose result is stored straight into a local (the VM stores it in one step):
# overflow to big ints, mixed int/float, and errors still raise from the right place.

def f(a, b):
    x = a + b
    y = a * b
    z = x - y
    w = a / b if b else 0.0
    q = a // b if b else 0
    return x, y, z, w, q


print(f(2, 3))
print(f(2**62, 2**62))
print(f(1.5, 2))
print(f(3, 0.25))
print(f(-7, 2))
print(f(True, 2))


def g(n):
    t = 0
    for i in range(n):
        t = t + i * i
        u = t % 7
        t = t + u
    return t, u


print(g(100))


def h(a, b):
    r = a - b
    return r


try:
    h("s", 1)
except TypeError as e:
    print("TypeError", e)
print(h([1], []) if False else h(10, 3))


def cmp(a, b):
    c = a < b
    d = a == b
    return c, d, 1 if a >= b else 2


print(cmp(1, 2), cmp(2.5, 2.5), cmp(1, 1.0), cmp("a", "b"))
