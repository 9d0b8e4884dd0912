import json, copy
def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r)[:40])
    except RecursionError as e:
        print(label, "RecursionError")
    except Exception as e:
        print(label, "!!", type(e).__name__, str(e)[:60])
N = DEPTH
a = []
for _ in range(N): a = [a]
b = []
for _ in range(N): b = [b]
t = ()
for _ in range(N): t = (t,)
d = {}
for _ in range(N): d = {'k': d}
attempt("repr list", lambda: len(repr(a)))
attempt("str list", lambda: len(str(a)))
attempt("eq same", lambda: a == a)
attempt("eq other", lambda: a == b)
attempt("lt other", lambda: a < b)
attempt("hash tuple", lambda: hash(t))
attempt("tuple eq", lambda: t == (t,))
attempt("in", lambda: b in [a])
attempt("repr tuple", lambda: len(repr(t)))
attempt("repr dict", lambda: len(repr(d)))
attempt("json list", lambda: len(json.dumps(a)))
attempt("json dict", lambda: len(json.dumps(d)))
attempt("deepcopy list", lambda: copy.deepcopy(a) is a)
attempt("deepcopy dict", lambda: copy.deepcopy(d) is d)
attempt("fstring", lambda: len(f"{a}"))
attempt("format", lambda: len("{}".format(t)))
attempt("percent", lambda: len("%s" % (d,)))
attempt("set of t", lambda: len({t}))
attempt("dict key t", lambda: len({t: 1}))
attempt("sorted", lambda: sorted([a, b]))
attempt("max", lambda: max([a, b]))
attempt("list.index", lambda: [a].index(b))
attempt("count", lambda: [a, a].count(b))
s = []; s.append(s)
s2 = []; s2.append(s2)
dd = {}; dd['self'] = dd
attempt("self repr", lambda: repr(s))
attempt("self dict repr", lambda: repr(dd))
attempt("self eq", lambda: s == s)
attempt("self eq other", lambda: s == s2)
attempt("self json", lambda: json.dumps(s))
attempt("self deepcopy", lambda: len(copy.deepcopy(s)))
attempt("self deepcopy dict", lambda: len(copy.deepcopy(dd)))
print("done")
