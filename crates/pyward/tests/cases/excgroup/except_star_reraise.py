# except*: a bare `raise` keeps the part in the original nesting; raising the part or its
# leaves anew (or with new metadata) makes them siblings in a new group; notes do not count.
def show(e, ind=""):
    print(ind + repr(e), getattr(e, "__notes__", None))
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
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("in", [ValueError(3)])])
    except* ValueError as e:
        e.add_note("added")
        raise
run(a)
def b():
    try:
        eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        eg.add_note("orig note")
        raise eg
    except* ValueError as e:
        raise
run(b)
def c():
    try:
        eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        eg.add_note("orig note")
        raise eg
    except* ValueError as e:
        e.add_note("more")
        raise
run(c)
def d():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        e.__cause__ = KeyError()
        raise
run(d)
def e_():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        raise
    except* TypeError as e:
        raise
run(e_)
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        raise e.exceptions[0]
run(f)
def g():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        raise e.exceptions[0]
    except* TypeError as e:
        raise e.exceptions[0]
    except* KeyError as e:
        raise e.exceptions[0]
run(g)
def h():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        try:
            raise
        except* ValueError:
            raise
run(h)
def i():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        def inner():
            raise e
        inner()
run(i)
