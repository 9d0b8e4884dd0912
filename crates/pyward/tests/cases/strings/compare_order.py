# Str comparisons in the dispatch loop's fast path order by code point (UTF-8 byte order
# agrees), and anything that is not two exact strs goes the general way.
words = ["b", "a", "ab", "", "Z", "é", "e", "€", "😀", "z", "aa", "a\x00"]
for x in words:
    print(repr(x), [y for y in words if x < y], [y for y in words if x >= y])
print("a" <= "m" <= "z", "A" <= "m" <= "Z", "é" > "z", "€" < "😀")
n = 0
for c in "Hello, World! àéî":
    if "a" <= c <= "z":
        n += 1
    elif "A" <= c <= "Z":
        n += 100
print(n)


class S(str):
    pass


print(S("b") < "a", "a" < S("b"), "a" == S("a"), S("x") != "x")
for a, b in [("a", 1), (1, "a"), ("a", None)]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError", e)
print("a" == 1, "a" != None, "x" * 3 == "xxx")
