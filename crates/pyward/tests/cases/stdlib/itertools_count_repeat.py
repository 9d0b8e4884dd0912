# itertools.count and repeat: repr, next() mixed with for-loops, and their arguments.
import itertools
c = itertools.count(3)
for i in c:
    if i > 5: break
print(next(c), repr(c))
r = itertools.repeat('x', 3)
print(next(r), list(r), repr(r), list(r))
print(list(zip(itertools.count(1, 0.5), 'abc')))
print(list(itertools.repeat(0, -2)), repr(itertools.repeat(0, -2)))
try:
    itertools.count('a')
except TypeError as e:
    print(e)
print(list(map(pow, range(5), itertools.repeat(2))))
print(len(list(itertools.repeat(None, 4))), r.__length_hint__())
