# BaseExceptionGroup with SystemExit (the run still exits 1), an empty message, a
# context chain in a member, notes that are a str, a tuple or not a sequence.
def g():
    try:
        1/0
    except ZeroDivisionError as z:
        raise ValueError("ctx") 
try:
    g()
except ValueError as v:
    e1 = v
e2 = KeyError("x")
e2.__notes__ = "not a list"
e3 = OSError("o")
e3.__notes__ = ("t1", "t2\nmore")
raise BaseExceptionGroup("mix", [e1, e2, e3, SystemExit(3), ExceptionGroup("", [ValueError()])])
