# Coroutine objects: type, repr, send/throw/close, __await__, awaiting errors.
import asyncio


async def add(a, b):
    return a + b


c = add(1, 2)
print(type(c).__name__, repr(c).startswith('<coroutine object add at 0x'))
try:
    c.send(None)
except StopIteration as e:
    print('returned', e.value)
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)


async def chain(n):
    if n == 0:
        return 0
    return 1 + await chain(n - 1)


try:
    chain(50).send(None)
except StopIteration as e:
    print('chain', e.value)


class Awaitable:
    def __await__(self):
        x = yield 'first'
        y = yield 'second'
        return x + y


async def use():
    return await Awaitable()


u = use()
print(u.send(None))
print(u.send(10))
try:
    u.send(5)
except StopIteration as e:
    print('use returned', e.value)


async def catcher():
    try:
        await Awaitable()
    except ValueError as e:
        print('caught', e)
        return 'handled'


k = catcher()
print(k.send(None))
try:
    k.throw(ValueError('boom'))
except StopIteration as e:
    print('catcher returned', e.value)

w = add(2, 3).__await__()
print(type(w).__name__)
try:
    next(w)
except StopIteration as e:
    print('wrapper value', e.value)

for bad in (3, 'x', None):
    async def aw(v=bad):
        await v
    try:
        aw().send(None)
    except TypeError as e:
        print('TypeError:', e)


class BadAwait:
    def __await__(self):
        return 5


async def bad():
    await BadAwait()


try:
    bad().send(None)
except TypeError as e:
    print('TypeError:', e)

cl = add(1, 1)
cl.close()
try:
    cl.send(None)
except RuntimeError as e:
    print('closed:', e)

try:
    for x in add(1, 2):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    next(add(1, 2))
except TypeError as e:
    print('TypeError:', e)


async def stopper():
    raise StopIteration(1)


try:
    stopper().send(None)
except RuntimeError as e:
    print('RuntimeError:', e, type(e.__cause__).__name__)

print(asyncio.iscoroutinefunction(add), asyncio.iscoroutinefunction(print))
print(asyncio.iscoroutine(add(0, 0)), asyncio.iscoroutine(add))
