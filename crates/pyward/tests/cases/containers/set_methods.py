for name in ['add','remove','discard','pop','clear','copy','union','intersection','difference','symmetric_difference','update','intersection_update','difference_update','symmetric_difference_update','issubset','issuperset','isdisjoint']:
    m = getattr(set, name)
    for args in [(), (1,), (1, 2)]:
        try:
            m(set(), *[[a] for a in args])
            r='ok'
        except Exception as e:
            r=f'{type(e).__name__}: {e}'
        print(name, len(args), r)
try:
    set.add(frozenset(), 1)
except Exception as e: print(type(e).__name__, e)
try:
    set.union([], 1)
except Exception as e: print(type(e).__name__, e)
try:
    set().union(x=1)
except Exception as e: print(type(e).__name__, e)
try:
    set().add(x=1)
except Exception as e: print(type(e).__name__, e)
try:
    set().pop(1)
except Exception as e: print(type(e).__name__, e)
try:
    set().remove([1])
except Exception as e: print(type(e).__name__, e)
try:
    set().union(1)
except Exception as e: print(type(e).__name__, e)
print({1,2}.remove({3}) if False else 0)

def show(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        print(type(e).__name__, e)

a = {1, 2, 3}
b = frozenset([2, 3, 4])
show(lambda: a | b)
show(lambda: b | a)
show(lambda: a & b)
show(lambda: b - a)
show(lambda: a ^ b)
show(lambda: a | [1])
show(lambda: a - [1])
show(lambda: a < b)
show(lambda: a <= {1, 2, 3})
show(lambda: a < {1, 2, 3, 4})
show(lambda: a > {1})
show(lambda: a >= {1, 5})
show(lambda: a == frozenset(a))
show(lambda: a != b)
show(lambda: a < [1])
show(lambda: a == [1, 2, 3])
show(lambda: {1}.union([2], (3,), [4, 5]))
show(lambda: {1}.issubset([1, 2]))
show(lambda: {1, 5}.issuperset(range(3)))
show(lambda: {1}.isdisjoint([2, 3]))
show(lambda: {1}.isdisjoint(iter([2, 1])))
show(lambda: hash(frozenset()))
show(lambda: hash(frozenset([1, 2, 3])))
show(lambda: hash(frozenset({(1, 2), 'x'})) == hash(frozenset({'x', (1, 2)})))
show(lambda: {frozenset([1]): 'a'}[frozenset([1])])
show(lambda: hash({1}))
show(lambda: {[1]})
show(lambda: set([[1]]))
show(lambda: set(1))
show(lambda: set([1], [2]))
show(lambda: frozenset(x=1))
show(lambda: set({'a': 1, 'b': 2}) == {'a', 'b'})
show(lambda: frozenset(b) is b)
show(lambda: b.copy() is b)
show(lambda: a.copy() is a)
show(lambda: repr(set()))
show(lambda: repr(frozenset()))
show(lambda: repr(frozenset({1, 2})))
show(lambda: {1, 2}.pop())
s = {1, 2, 3}
for x in s:
    pass
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print('RuntimeError', e)
s = {1, 2}
s -= s
print(s)
s = {1, 2}
s ^= s
print(s)
s = {1, 2}
s &= s
print(s)
s = {5, 6}
s.difference_update([5], {6})
print(s)
s = {5, 6, 7}
s.intersection_update([5, 6], (6, 7))
print(s)
f = frozenset([1, 2])
f |= {3}
print(f, type(f).__name__)
try:
    s = {1}
    s |= [2]
except TypeError as e:
    print('TypeError', e)
try:
    s = {1}
    s.remove(9)
except KeyError as e:
    print('KeyError', e)
try:
    s = {1}
    s.remove((1, 2))
except KeyError as e:
    print('KeyError', repr(e))
print({1, 2} == {2, 1}, {1} in [{1}], len({1, 1.0, True}))
print({1: 2}.keys() & {1, 3}, {1: 2}.keys() | [5], {1: 2, 3: 4}.keys() - {1}, {1: 2}.keys() ^ {1, 7})
print([1, 2] | {1: 2}.keys(), {9} - {9: 0}.keys(), {1: 2}.items() & {(1, 2)}, {1: 2}.items() ^ {2: 3}.items())
print({1: 2}.keys() == {1}, {1: 2}.items() == {(1, 2)}, {1: 2}.keys() <= {1, 2}, {1: 2}.values() == {1: 2}.values())
print({1: 2}.keys() < {1: 2, 3: 4}.keys(), (1, 2) in {1: 2}.items(), (1, 3) in {1: 2}.items(), [1] in {1: 2}.items())
