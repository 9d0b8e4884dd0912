# Set iteration order must match CPython's table order (ints hash to themselves).
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

def rset(size, span):
    return [rnd(span) - span // 4 for _ in range(size)]

for trial in range(60):
    a = rset(rnd(40), 200)
    b = rset(rnd(40), 200)
    sa, sb = set(a), set(b)
    print(list(sa))
    print(list({x for x in b}))
    print(list(sa | sb), list(sb | sa))
    print(list(sa & sb), list(sb & sa))
    print(list(sa - sb), list(sb - sa))
    print(list(sa ^ sb), list(sb ^ sa))
    print(list(sa.union(b, a)), list(sa.intersection(b)), list(sa.difference(b)))
    print(list(sa.symmetric_difference(b)), list(sa.intersection(b, a[:5])))
    print(list(sa.difference(b[:3], b[3:])))
    c = set(sa)
    c |= sb
    print(list(c))
    c = set(sa)
    c &= sb
    print(list(c))
    c = set(sa)
    c -= sb
    print(list(c))
    c = set(sa)
    c ^= sb
    print(list(c))
    c = set(sa)
    c.update(b, [1000, 2000])
    print(list(c))
    c = set(sa)
    c.intersection_update(b)
    print(list(c))
    c = set(sa)
    c.difference_update(b)
    print(list(c))
    c = set(sa)
    c.symmetric_difference_update(b)
    print(list(c))
    for x in b[:10]:
        c.discard(x)
        c.add(x + 1000)
    print(list(c))
    print(list(c.copy()))
    d = {}
    for x in a:
        d[x] = 1
    print(list(set(d)), list(sa - d.keys()), list(sa.difference(dict.fromkeys(b))))
    print(list(frozenset(a) | sb), type(frozenset(a) | sb).__name__, type(sb | frozenset(a)).__name__)
    big = set(range(0, 400, 3))
    print(list(sa - big)[:20], list(big - sa)[:20], list(sa & big))
    small = {a[0]} if a else set()
    print(list(big - small)[:10], list(small - big))
    s = set(a)
    out = []
    while s:
        out.append(s.pop())
    print(out)
s = set()
for i in range(100):
    s.add(i * 7 % 61)
    if i % 3 == 0:
        s.discard(i * 5 % 61)
print(list(s))
print({-1, -2, 2305843009213693952, 4611686018427387904, 5, 18446744073709551616, -9223372036854775808})
print({7, 15, 23}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 33, 65}, {32, 0, 16, 48, 64, 1})
print({1.5, 2.5, 0.5, 3.0, -0.0, float('inf')})
print({True, 1, 1.0}, {1.0, True, 1}, {0, False}, {False, 0})
print({1} & {True, 2}, {True, 2} & {1}, {True} | {1})
