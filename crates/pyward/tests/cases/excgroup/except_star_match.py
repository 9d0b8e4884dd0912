# except*: each clause takes its part of the group (by type or tuple of types), the
# unmatched rest is re-raised, a naked exception is wrapped in ExceptionGroup("", (e,)),
# exceptions raised in clauses are grouped with what is re-raised, else/finally run as for
# except, and errors in the clause types are TypeErrors.
def show(e, ind=""):
    print(ind + repr(e), "ctx=" + repr(e.__context__), "cause=" + repr(e.__cause__))
    if isinstance(e, BaseExceptionGroup):
        for s in e.exceptions:
            show(s, ind + "  ")
def run(f):
    try:
        f()
        print("no exc")
    except BaseException as e:
        show(e)
def a():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print("V", repr(e))
    except* TypeError as e:
        print("T", repr(e))
run(a)
def b():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked caught", repr(e), e.__traceback__)
run(b)
def c():
    try:
        raise ValueError("naked")
    except* TypeError as e:
        print("no")
run(c)
def d():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise
run(d)
def e_():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise KeyError("new")
run(e_)
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise KeyError("new")
    except* TypeError as e:
        raise
run(f)
def g():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        raise KeyError("new")
run(g)
def h():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        raise
run(h)
def i():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as e:
        print("both", repr(e))
run(i)
def j():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("else")
    finally:
        print("finally")
run(j)
def k():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("k V")
    finally:
        print("finally")
run(k)
def l():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        print("no")
run(l)
def m():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* 5:
        print("no")
run(m)
def n():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* (ValueError, BaseExceptionGroup):
        print("no")
run(n)
def o():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        raise e
run(o)
def p():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise ExceptionGroup("x", [KeyError(1)])
    except* TypeError as e:
        raise OSError(4)
run(p)
def q():
    try:
        raise KeyboardInterrupt()
    except* KeyboardInterrupt as e:
        print(repr(e))
run(q)
def r():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("once")
    except* ValueError:
        print("twice")
run(r)
def s():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        print(type(e).__name__)
    print("e" in dir())
run(s)
import sys
def t():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("exc_info", repr(sys.exc_info()[1]))
        try:
            raise KeyError
        except KeyError as k:
            print("ctx", repr(k.__context__))
        print("exc_info after", repr(sys.exc_info()[1]))
    print("exc_info end", sys.exc_info())
run(t)
