class Point:
    """A point."""
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    @classmethod
    def origin(cls):
        return cls(0, 0)
    @staticmethod
    def helper(a):
        return a * 2

p = Point(1, 2) + Point(3, 4)
print(p, p.norm2, Point.origin(), Point.helper(21), Point.count, p == Point(4, 6))
print({p: 1}[Point(4, 6)], type(p).__name__, isinstance(p, Point), Point.__doc__)

class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("rex", "lab")
print(d.speak(), d.breed, isinstance(d, Animal), issubclass(Dog, Animal), Dog.__mro__)

class MyError(ValueError):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(42)
except ValueError as e:
    print("caught", type(e).__name__, e, e.code, e.args)

class Stack(list):
    def peek(self):
        return self[-1]
s = Stack()
s.append(1); s.append(2)
print(s, s.peek(), len(s))

class Counter:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(Counter()), [x * 2 for x in Counter()])

class Ctx:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None); return True
with Ctx() as c:
    raise KeyError("x")
print("after")
class D(dict):
    def __missing__(self, k): return 0
dd = D(a=1)
print(dd, dd["a"])
