# __notes__ of members: not a sequence (printed without a newline), bytes, a list of
# non-strings and blank lines, a tuple.
import sys
for notes in [5, b"ab", [1, "x\n\ny", ""], {"a": 1}, ("t",)]:
    e = KeyError("x")
    e.__notes__ = notes
    try:
        raise ExceptionGroup("g", [e])
    except ExceptionGroup as g:
        last = g
raise ExceptionGroup("all", [last, KeyError("k")])
