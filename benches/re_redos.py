# ReDoS probe: time one search of a nested-quantifier pattern on a non-matching input of N
# characters (run.py prepends `N = ...`; the sandbox has no argv). Prints "seconds".
import re
import time

n = N  # noqa: F821 (set by run.py)
subject = "a" * n + "!"
start = time.perf_counter()
re.search(r"(a+)+$", subject)
print("%.6f" % (time.perf_counter() - start))
