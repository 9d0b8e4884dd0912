def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

d = {'a': 1, 'b': 2}
show(lambda: d.get())
show(lambda: d.get('z'))
show(lambda: d.get('z', 5))
show(lambda: d.pop('z'))
show(lambda: d.pop())
show(lambda: d.pop('z', None))
show(lambda: {}.popitem())
show(lambda: d.setdefault('c', []))
show(lambda: d.setdefault())
show(lambda: d.update(1))
show(lambda: d.update([1]))
show(lambda: d.update([(1, 2, 3)]))
show(lambda: d.update({'x': 1}, {'y': 2}))
show(lambda: d.keys(1))
show(lambda: d.copy(1))
show(lambda: d[[1]])
show(lambda: {[1]: 2})
show(lambda: d['zz'])
show(lambda: d[(1, 2)])
show(lambda: dict(1))
show(lambda: dict([1]))
show(lambda: dict([(1, 2, 3)]))
show(lambda: dict({}, {}))
show(lambda: dict([('a', 1)], b=2))
show(lambda: dict(a=1, **{'b': 2}))
show(lambda: dict.fromkeys([1, 2]))
show(lambda: dict.fromkeys('ab', 0))
show(lambda: dict.fromkeys())
d = {'a': 1}
d.update([('b', 2)], c=3)
d.update(e=5)
print(d, d.pop('a'), d, d.popitem(), d)
print(list(reversed({1: 2, 3: 4})), list(reversed({1: 2, 3: 4}.keys())), list(reversed({1: 2, 3: 4}.values())), list(reversed({1: 2, 3: 4}.items())))
print({1: 2} | {3: 4}, {1: 2, 3: 4} | {1: 5})
x = {1: 2}
x |= {1: 3, 4: 5}
x |= [(7, 8)]
print(x)
show(lambda: {1: 2} | [(3, 4)])
print(len(x.keys()), len(x.values()), len(x.items()), 1 in x.keys(), 8 in x.values(), (7, 8) in x.items())
print(x.keys(), x.values(), x.items(), repr({}.keys()))
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {1: 2}.keys() == {1: 3}.keys())
show(lambda: {1: 2} < {1: 2})
d = {i: i for i in range(5)}
try:
    for k in d:
        d[k + 10] = 1
except RuntimeError as e:
    print('RuntimeError', e)
d = {i: i for i in range(5)}
for k in d:
    d[k] = k * 2
print(d)
del d[0]
show(lambda: d.__delitem__(0) if False else d.pop(0))
d2 = {}
d2[1] = 'int'
d2[1.0] = 'float'
d2[True] = 'bool'
print(d2)
print({(1, 2): 'x', None: 'n', frozenset([1]): 'f'})
d = {1: 2}
d[2] = d
print(d)
e = {}
for i in range(100):
    e[i] = i
for i in range(0, 100, 2):
    del e[i]
print(list(e)[:10], len(e), e.get(99), e.get(98))
show(lambda: d.items() - 1)
