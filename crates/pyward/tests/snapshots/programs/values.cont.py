print(next(it), next(it), list(it)[:3])
print(list(items_it))
print(small, len(small), small.get('b'), small['d'])
small['e'] = 5
print(small)
print(sorted(big.items())[:5], len(big), 3 in big, 4 in big, big.get(39))
big[0] = 'zero'
del big[1]
print(list(big)[:4], list(big)[-3:], len(big))
print(emptied, len(emptied))
emptied['y'] = 2
print(emptied)
print(mixed_keys[1], mixed_keys[2.5], mixed_keys['two'], mixed_keys[(1, 2)], mixed_keys[None], mixed_keys[True], mixed_keys[b'k'], mixed_keys[frozenset({1})])
print(ints, [type(i).__name__ for i in ints], ints[-2] + 1, ints[-1] // 7)
print(floats, math.copysign(1.0, floats[1]), math.isnan(floats[6]))
print(blobs, blobs[2] + b'!', len(blobs[1]))
blobs[2].append(33)
print(blobs[2])
print(texts[:5], len(texts[5]), [len(t) for t in texts], texts[3][1], texts[4][0] == '\U0001f600')
print(sets[0], sorted(sets[1]), sorted(sets[2]), (1, 2) in sets[3], None in sets[3], 4 in sets[1])
sets[1].add(4)
sets[1].discard(1)
print(sorted(sets[1]))
depth = 0
cur = nested
while cur:
    cur = cur[-1] if isinstance(cur[-1], list) else None
    depth += 1
print(depth, nested[0][0], nested[0][1])
print(tuples, tuples[2][1][1][1])
print(named[0]('42'), named[1]('abc'), named[2]('up'), named[3]('e'), named[4:])
print(by_type[int], by_type[ValueError], by_type[len])
aliased[0].append(3)
print(aliased, aliased[2]['s'] is aliased[1])
print(counter(), counter())
print(repr(group), str(group), group.__notes__, type(group.exceptions[1]).__name__)
try:
    raise group
except* TypeError as e:
    print('took', repr(e), e.__notes__)
except* (ValueError, KeyError) as e:
    print('rest', repr(e))
