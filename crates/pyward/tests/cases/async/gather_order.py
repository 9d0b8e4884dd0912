# gather: results in argument order, interleaving of the children, return_exceptions,
# the first exception propagating, duplicates, and an empty gather.
import asyncio


async def step(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name.upper()


async def fail(msg, after):
    for _ in range(after):
        await asyncio.sleep(0)
    raise ValueError(msg)


async def main():
    print(await asyncio.gather(step('a', 3), step('b', 1), step('c', 2)))
    print(await asyncio.gather())
    res = await asyncio.gather(step('x', 1), fail('bad', 1), return_exceptions=True)
    print([type(r).__name__ if isinstance(r, Exception) else r for r in res])
    try:
        await asyncio.gather(step('p', 2), fail('first', 0), fail('second', 1))
    except ValueError as e:
        print('propagated', e)
    await asyncio.sleep(0.01)
    coro = step('dup', 1)
    print(await asyncio.gather(coro, coro))
    t = asyncio.ensure_future(step('task', 1))
    print(await asyncio.gather(t, step('other', 1)))
    print(t.done(), t.result())


asyncio.run(main())
