# except* in loops, functions, generators and coroutines; names bound by `as` are cleared;
# nested try statements inside clauses; loops inside a clause may break and continue.
import sys


def run(f):
    try:
        r = f()
        print("returned", repr(r))
    except BaseException as e:
        print("raised", repr(e))


def loop():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ExceptionGroup("odd", [ValueError(i)])
            out.append(i)
        except* ValueError as e:
            out.append(("V", e.exceptions[0].args[0]))
            for j in range(5):
                if j == 2:
                    break
                if j == 0:
                    continue
                out.append(("j", j))
            while True:
                break
    return out


run(loop)


def name_cleared():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return str(u)


run(name_cleared)


def gen():
    for i in range(3):
        try:
            yield i
            raise ExceptionGroup("g", [ValueError(i), TypeError(i)])
        except* ValueError as e:
            yield ("V", repr(e))
        except* TypeError as e:
            yield ("T", repr(e))


print(list(gen()))


def nested():
    try:
        raise ExceptionGroup("outer", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        try:
            raise KeyError("inner")
        except KeyError as k:
            print("inner ctx", repr(k.__context__))
            print("exc_info in nested", repr(sys.exc_info()[1]))
        print("exc_info back", repr(sys.exc_info()[1]))
        try:
            raise ExceptionGroup("deeper", [OSError(3), ValueError(4)])
        except* OSError:
            print("deeper OSError")
    except* TypeError as e:
        print("T", repr(e), repr(sys.exc_info()[1]))
    print("exc_info after", sys.exc_info())


run(nested)


def with_finally():
    log = []
    try:
        try:
            raise ExceptionGroup("f", [ValueError(1), KeyError(2)])
        except* ValueError:
            log.append("V")
        else:
            log.append("else")
        finally:
            log.append("finally")
    except* KeyError as e:
        log.append(("outer K", repr(e)))
    try:
        pass
    except* ValueError:
        log.append("no")
    else:
        log.append("else ran")
    finally:
        log.append("finally ran")
    return log


run(with_finally)


def in_outer_except():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ValueError as e:
            print("ctx of group", repr(e.__context__))
            raise RuntimeError("from clause")


run(in_outer_except)


async def coro():
    try:
        raise ExceptionGroup("c", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        return_value = repr(e)
    except* TypeError:
        pass
    return return_value


c = coro()
try:
    c.send(None)
except StopIteration as s:
    print("coroutine returned", s.value)


def clause_types():
    kinds = (KeyError, IndexError)
    try:
        raise ExceptionGroup("t", [KeyError(1), IndexError(2), ValueError(3)])
    except* kinds as e:
        print("lookup", repr(e))
    except* (ValueError,) as e:
        print("value", repr(e))


run(clause_types)


def match_order():
    try:
        raise ExceptionGroup("o", [ValueError(1), ValueError(2), TypeError(3)])
    except* Exception as e:
        print("first takes all", repr(e))
    except* ValueError:
        print("never")


run(match_order)


def empty_after_match():
    try:
        raise ExceptionGroup("o", [ValueError(1)])
    except* ValueError:
        print("took it")
    except* TypeError:
        print("never")
    return "done"


run(empty_after_match)
