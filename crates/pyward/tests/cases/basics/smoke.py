print("hello", 1 + 2, 3.5 * 2, 10 / 4, 7 // 2, -7 % 3, 2 ** 100)
x = [1, 2, 3]
x.append(4)
print(x, len(x), x[-1], x[1:3], x[::-1])
d = {"a": 1, "b": [1, 2]}
d["c"] = 3
print(d, d.get("z", 9), list(d.keys()))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20))
s = {3, 1, 2}
print(s, sorted(s, reverse=True))
print(f"{x[0]:>5} {3.14159:.2f} {'hi'!r} {x=}")
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
for i, c in enumerate("abc"):
    print(i, c, end=";")
print()
print([i * i for i in range(10) if i % 2], {k: v for k, v in zip("ab", [1, 2])})
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
f = outer(); f(); print(f())
a, *b, c = range(5)
print(a, b, c)
print(sum(x * 2 for x in range(4)), max([3, 9, 2]), min("zyx"), abs(-3.5))
print(0.1 + 0.2, 1e16, 1.0, 123456789.123, -0.0, float("inf"))
print("a,b,c".split(","), "-".join(["x", "y"]), "  pad ".strip(), "Hi".upper())
