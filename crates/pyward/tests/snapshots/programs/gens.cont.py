print(list(o))
print(next(h), next(h))
print(inc(), inc())
print(list(squares))
print(first_fibs, next(fb), next(fb))
print(lc, pending)
try:
    next(h)
except StopIteration:
    print("h done")
print(sum(x for x in range(100)))
