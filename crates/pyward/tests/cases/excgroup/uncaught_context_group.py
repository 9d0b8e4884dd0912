# A group raised while handling another group: the first prints as the context, each in
# its own box at the top level.
def handler():
    try:
        raise ExceptionGroup("first", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise BaseExceptionGroup("second", [KeyboardInterrupt(), ExceptionGroup("n", [OSError(3)])])


handler()
