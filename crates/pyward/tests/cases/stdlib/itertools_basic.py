import itertools as it
print(list(it.islice(it.count(1, 2), 5)), list(it.islice(it.count(), 0, 10, 3)))
print(list(it.accumulate([], initial=5)), list(it.accumulate([1, 2, 3], initial=0)))
print(list(it.chain()), list(it.chain.from_iterable(["ab", "cd"])))
print(list(it.zip_longest([1, 2, 3], "ab")), list(it.zip_longest()))
print(list(it.product()), list(it.product("ab", repeat=2)))
print(list(it.permutations("abc", 4)), list(it.permutations(range(3))))
print(list(it.combinations(range(4), 0)), list(it.combinations(range(2), 3)))
print(list(it.combinations_with_replacement("ab", 3)))
print([(k, list(g)) for k, g in it.groupby([1, 1, 2, 2, 2, 1])])
g = it.groupby("aabbc")
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
print(list(it.pairwise("a")), list(it.pairwise("abc")))
print(list(it.starmap(max, [(1, 5), (7, 2)])), list(it.repeat(0, 0)))
print(list(it.filterfalse(None, [0, 1, "", "x"])), list(it.compress(range(5), [1, 0, 1])))
x, y, z = it.tee("ab", 3)
print(list(x), list(y), list(z), it.tee([], 0))
c = it.cycle([])
print(list(it.islice(c, 3)))
for bad in [(-1,), (1, -1), (0, 5, 0)]:
    try:
        it.islice([1], *bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    list(it.combinations([1], -1))
except ValueError as e:
    print(type(e).__name__, e)
def gen():
    for i in range(3):
        print("yield", i)
        yield i
lazy = it.takewhile(lambda v: v < 1, gen())
print("created")
print(list(lazy))
print(list(it.dropwhile(lambda v: v < 2, [1, 2, 1, 3])))
