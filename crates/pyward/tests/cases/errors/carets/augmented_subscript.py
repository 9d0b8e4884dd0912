# `+=` on a missing key fails loading the target: carets under the target only.
counts = {"a": 1}
counts["a"] += 1
counts["b"] += 1
