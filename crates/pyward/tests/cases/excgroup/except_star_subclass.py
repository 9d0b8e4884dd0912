# except* over user group classes: matching calls the group's own split, parts come from
# its derive, and what is re-raised keeps the class. (A split returning anything but a
# 2-tuple crashes CPython 3.11.7, so those TypeErrors have no blessed case.)


def run(f):
    try:
        f()
        print("no exception")
    except BaseException as e:
        print("raised", type(e).__name__, repr(e))


class Tagged(ExceptionGroup):
    def derive(self, excs):
        return Tagged(self.message + "+", excs)


def tagged():
    try:
        raise Tagged("t", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("clause got", type(e).__name__, repr(e))


run(tagged)


class Logged(ExceptionGroup):
    def split(self, matcher):
        print("split called with", matcher.__name__)
        return super().split(matcher)


def logged():
    try:
        raise Logged("l", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("V", repr(e))
    except* TypeError as e:
        print("T", repr(e))


run(logged)


def make(result):
    class Bad(ExceptionGroup):
        def split(self, matcher):
            return result
    return Bad


for result in [(None, None), (ValueError(5), None)]:
    Bad = make(result)

    def bad():
        try:
            raise Bad("b", [ValueError(1)])
        except* TypeError as e:
            print("clause got", repr(e))

    run(bad)


def base_group():
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as e:
        print("KI", repr(e))


run(base_group)


def naked_base():
    try:
        raise SystemExit(3)
    except* SystemExit as e:
        print("SE", type(e).__name__, repr(e))
        raise


run(naked_base)
