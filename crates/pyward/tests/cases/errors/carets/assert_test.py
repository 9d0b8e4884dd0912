# An assert's error points at its test.
values = [3, 1, 2]
assert sorted(values) == [1, 2, 3], "sorted"
assert len(values) == 4, f"expected 4 values, got {len(values)}"
