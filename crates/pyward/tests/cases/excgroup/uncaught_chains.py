# Inside a group box: member tracebacks, repeated-line summaries (no margin in 3.11),
# cause chains, multi-line notes and group notes; the group itself is chained to a cause.
def f(n):
    if n == 0:
        raise ValueError("deep")
    f(n - 1)
try:
    f(10)
except ValueError as e:
    deep = e
e1 = KeyError("k")
e1.add_note("note a\nline2")
e1.add_note("note b\n")
try:
    try:
        raise OSError("ctx")
    except OSError:
        raise TypeError("t") from RuntimeError("cause")
except TypeError as e:
    t = e
inner = BaseExceptionGroup("inner", [KeyboardInterrupt(), t])
inner.add_note("group note")
eg = BaseExceptionGroup("outer", [deep, e1, inner, ValueError("")])
def raiser():
    raise eg
try:
    raiser()
except BaseExceptionGroup as x:
    try:
        raise x
    except BaseExceptionGroup as y:
        raise ValueError("final") from y
