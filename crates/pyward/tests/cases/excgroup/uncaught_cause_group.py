# A non-group exception whose cause is a group, whose context is another group.
try:
    raise ExceptionGroup("first", [ValueError(1)])
except ExceptionGroup as e:
    try:
        raise ExceptionGroup("second", [TypeError(2), KeyError(3)])
    except ExceptionGroup as e2:
        raise RuntimeError("top") from e2
