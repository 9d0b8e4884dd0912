import heapq, bisect
h = [5, 3, 8, 1]
heapq.heapify(h)
print(h, heapq.nsmallest(10, [3, 1, 2]), heapq.nlargest(0, [1]), heapq.nsmallest(1, [4, 2]))
print(heapq.nlargest(2, [{"n": 1}, {"n": 5}, {"n": 3}], key=lambda d: d["n"]))
print(list(heapq.merge([5, 3], [4, 1], reverse=True)), list(heapq.merge(["a", "ccc"], ["bb"], key=len)))
try:
    heapq.heappop([])
except IndexError as e:
    print(type(e).__name__, e)
try:
    heapq.heapreplace([], 1)
except IndexError as e:
    print(type(e).__name__, e)
a = [1, 3, 5]
print(bisect.bisect_left(a, 3, lo=2), bisect.bisect_right(a, 3, hi=1), bisect.bisect(a, 0))
recs = [("a", 1), ("b", 3)]
print(bisect.bisect_left(recs, 2, key=lambda r: r[1]))
bisect.insort_left(recs, ("c", 2), key=lambda r: r[1])
bisect.insort_right(a, 3)
print(recs, a)
try:
    bisect.bisect_left(a, 1, lo=-1)
except ValueError as e:
    print(type(e).__name__, e)
