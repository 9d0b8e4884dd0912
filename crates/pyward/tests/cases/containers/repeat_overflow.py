# Repeating a sequence past sys.maxsize items is refused before anything is built, with
# CPython's exceptions: OverflowError for str/bytes, a catchable MemoryError otherwise, and
# OverflowError for a count that is not an index-sized integer.
import sys

for seq in ("ab", b"ab", bytearray(b"ab"), [1, 2], (1, 2)):
    name = type(seq).__name__
    for n in (sys.maxsize // 2 + 2, sys.maxsize, 10**30, -(10**30)):
        for expr in (lambda: seq * n, lambda: n * seq):
            try:
                expr()
                print(name, "built?")
            except (OverflowError, MemoryError) as e:
                print(name, type(e).__name__, str(e) or "-")
    x = seq
    try:
        x *= 10**25
    except OverflowError as e:
        print(name, "*=", e)

# Empty sequences and non-positive counts stay cheap.
print(repr("" * sys.maxsize), [] * sys.maxsize, b"xy" * -5, (1,) * 0, bytearray(b"z") * -1)
