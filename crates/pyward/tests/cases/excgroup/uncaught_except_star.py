# except*: a clause raising while another re-raises; the result is a new group.
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        raise RuntimeError("in handler")
    except* TypeError:
        raise
f()
