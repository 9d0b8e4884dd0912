def f(*a, k=None):
    return a, k
def g(x, *rest, sep=" ", end):
    return x, rest, sep, end
print(f(), f(1, 2), f(1, k=3))
print(g(1, 2, 3, end="!"), g(0, end=".", sep="-"))
try:
    g(1)
except TypeError as e:
    print(type(e).__name__, e)
