# A binary operation two frames down: `~` around the operator, `^` on it (`//` is two wide).
def ratio(total, count):
    return total // count


def report(rows):
    return [ratio(r["sum"], r["n"]) for r in rows]


print(report([{"sum": 10, "n": 2}]))
print(  report([{"sum": 1, "n": 0}])  )
