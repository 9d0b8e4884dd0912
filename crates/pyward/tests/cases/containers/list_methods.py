def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

a = [3, 1, 2]
show(lambda: a.append())
show(lambda: a.append(1, 2))
show(lambda: a.pop(10))
show(lambda: [].pop())
show(lambda: a.pop('x'))
show(lambda: a.remove(99))
show(lambda: a.index(99))
show(lambda: a.index('x'))
show(lambda: [1, 2, 3, 2].index(2, 2))
show(lambda: [1, 2, 3, 2].index(2, -2, 4))
show(lambda: [1, 2, 3].index(3, 0, 2))
show(lambda: a.count())
show(lambda: a.insert(1))
show(lambda: a.extend(5))
show(lambda: a.sort(1))
show(lambda: a.sort(foo=1))
show(lambda: a.reverse(1))
show(lambda: a.copy(1))
show(lambda: a.clear(1))
show(lambda: (1, 2).index(5))
show(lambda: (1, 2, 1).count(1))
show(lambda: (1, 2).count())
l = [5, 3, 8, 1]
l.insert(-100, 0)
l.insert(100, 9)
l.insert(-1, 7)
print(l)
l.sort(reverse=True)
print(l)
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
l = list(range(10))
l[2:5] = ['a']
print(l)
l[::2] = [0] * 4
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print('ValueError', e)
del l[::3]
print(l)
del l[-2:]
print(l)
l = list(range(10))
del l[8:2:-2]
print(l)
l[1:1] = (7, 8)
print(l)
l[len(l):] = 'ab'
print(l)
l = [1, 2]
l += (3,)
l *= 2
print(l, [0] * -1, 2 * [1, 2], [1] * 0)
show(lambda: [1] + (2,))
show(lambda: [1] * 'x')
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [] < [0], (1, 2) <= (1, 2))
show(lambda: [1] < ['a'])
show(lambda: [1] < (1,))
l = [3, 1, 2]
print(l.sort(), l, l.reverse(), l, l.copy(), l.clear(), l)
print(list(reversed([1, 2, 3])), list(enumerate('ab', 5)), list(zip([1, 2], 'ab')))
show(lambda: list(zip([1, 2], [1], strict=True)))
show(lambda: list(zip([1], [1, 2], strict=True)))
show(lambda: list(zip([1], [1], [1, 2], strict=True)))
print(min([3, 1, 2]), max([3, 1, 2]), min(3, 1, 2), max('abc', key=ord), min([], default=0), max([(1, 'a'), (1, 'b')], key=lambda t: t[0]))
show(lambda: min([]))
show(lambda: max())
show(lambda: max(1, 2, default=0))
show(lambda: max(5))
print(sum([1, 2, 3]), sum([1.5, 2]), sum([[1], [2]], []), any([]), all([]), any([0, 1]), all([1, 0]))
show(lambda: sum(['a']))
show(lambda: sum([1], 'a'))
show(lambda: sorted([1, 'a']))
show(lambda: sorted())
show(lambda: sorted([1], [2]))
show(lambda: list(1))
show(lambda: list([1], [2]))
show(lambda: tuple(x=1))
show(lambda: list(x=1))
print(list('abc'), tuple([1, 2]), list({1: 2}), list((1, 2)), tuple(range(3)))
nested = [[1, [2, [3]]], (4, 5)]
print(nested, nested[0][1][1][0], [1, 2][-1], (1, 2, 3)[::-1], [1, 2, 3][5:], [1, 2, 3][-5:1])
show(lambda: [1][5])
show(lambda: (1,)[5])
k = 'a'
show(lambda: [1][k])
k = 1.0
show(lambda: [1][k])
def mutate():
    l = [1, 2, 3]
    l.append(l)
    return l
print(mutate())
