# Closing or throwing GeneratorExit into a generator that delegates with `yield from`
# closes the delegate first, then raises GeneratorExit at the delegation point.
log = []


def reader(name):
    try:
        for i in range(3):
            yield f"{name}{i}"
    finally:
        log.append(f"reader {name} closed")


def stubborn():
    # Swallows GeneratorExit by returning: the delegating generator must still stop.
    try:
        yield "s0"
        yield "s1"
    except GeneratorExit:
        log.append("stubborn swallowed")
        return "ignored"


def pipeline(source):
    try:
        result = yield from source
        log.append(f"pipeline got {result!r}")
        yield "after"
    except GeneratorExit:
        log.append("pipeline saw GeneratorExit")
        raise


g = pipeline(reader("a"))
print(next(g), next(g))
g.close()
print(log)
log.clear()

g = pipeline(stubborn())
print(next(g))
g.close()
print(log, next(g, "finished"))
log.clear()


# Three levels: each level's finally runs innermost first.
def level(n):
    try:
        if n == 0:
            yield "leaf"
        else:
            yield from level(n - 1)
    finally:
        log.append(f"level {n} done")


g = level(2)
print(next(g))
g.close()
print(log)
log.clear()


# A delegate that raises something else while closing: that error surfaces in the
# delegating frame instead of GeneratorExit.
def broken():
    try:
        yield 1
    except GeneratorExit:
        raise KeyError("while closing")


def outer():
    try:
        yield from broken()
    except KeyError as e:
        log.append(f"outer caught {e!r}")
        raise


g = outer()
next(g)
try:
    g.close()
except KeyError as e:
    print("close raised", repr(e))
print(log)
log.clear()


# A plain iterator with a close() method is closed; one without it is just dropped.
class Ticker:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        return self.n

    def close(self):
        log.append("ticker closed")


def wrap(it):
    yield from it


g = wrap(Ticker())
print(next(g), next(g))
g.close()
g = wrap(iter([1, 2, 3]))
print(next(g))
g.close()
print(log)
log.clear()


# throw(GeneratorExit) into a delegator that catches it and keeps going.
def forgiving():
    try:
        yield from stubborn()
    except GeneratorExit:
        log.append("forgiving caught")
    yield "still here"


g = forgiving()
print(next(g))
print(g.throw(GeneratorExit))
print(log)
log.clear()

# A delegator that yields after GeneratorExit is reported by close().
g = forgiving()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(log)
log.clear()


# Coroutines awaiting coroutines close the same way.
class Pause:
    def __await__(self):
        yield "paused"


async def inner_task():
    try:
        await Pause()
    finally:
        log.append("inner task cleanup")


async def outer_task():
    try:
        await inner_task()
    finally:
        log.append("outer task cleanup")


c = outer_task()
print(c.send(None))
c.close()
print(log)
