# When the failing expression is the whole line, no carets are printed.
def check(x):
    raise ValueError(f"bad value: {x}")


check(42)
