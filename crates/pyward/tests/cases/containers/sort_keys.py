# Sorting through every key path: all ints, all strs (non-ASCII too), floats with NaN,
# tuples of scalars, mixed kinds, user __lt__, and stability with reverse=True.

ints = [5, -3, 2**40, 0, -2**62, 7, 5, 2]
print(sorted(ints), sorted(ints, reverse=True))
print(sorted(range(10), key=lambda v: v % 3))
print(sorted(range(10), key=lambda v: v % 3, reverse=True))

words = ["pear", "Äpfel", "apple", "zebra", "é", "e", "", "apple", "日本", "ß"]
print(sorted(words), sorted(words, reverse=True))
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [("b", 1), ("a", 2), ("b", 0), ("a", 2)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))

nan = float("nan")
print(sorted([3.0, 1.5, -0.0, 0.0, 2.25]), sorted([0.0, -0.0]), sorted([-0.0, 0.0]))
print(sorted([3.0, nan, 1.0, 2.0]))
print(sorted([True, 2, 1.5, False, 0]))

tuples = [(2, "b"), (1, "z"), (2, "a"), (1, "z", 0), (1,), (), (2, 1.5)]
try:
    print(sorted(tuples))
except TypeError as e:
    print("TypeError", e)
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "z", 0), (1,), ()]))
print(sorted([(1.0, 2), (1, 1), (0.5, 9)]))
print(sorted([(nan, 1), (nan, 0)]), sorted([(1, nan), (1, 0.0)]))
print(sorted([(1, [2]), (1, [1])]))

try:
    sorted(["a", 1])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError", e)


class Rank:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return self.n % 5 < other.n % 5

    def __repr__(self):
        return "R%d" % self.n


print(sorted([Rank(i) for i in range(8)]))
print(sorted([(1, Rank(3)), (1, Rank(7)), (0, Rank(9))]))


# Comparing lists whose __eq__ mutates one of them: items are read afresh at each index.
class Shrink:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        return True


victim = [1, 2, 3]
print([Shrink(victim), 5] == [0, 5], victim)
victim = [1, 2, 3]
print([Shrink(victim), 5] < [0, 6], victim)
victim = [Shrink(None), 1, 2]
victim[0].target = victim
print(victim == [0, 1, 2], victim)
print([1, 2] < [1, 2, 3], (1, 2) <= (1, 2), [3] > [2, 9], (1, 2) == (1, 2), [1] != [1, 0])
