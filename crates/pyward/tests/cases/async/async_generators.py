# Async generators: async for, asend/athrow/aclose, __anext__ awaited directly, awaits
# inside the generator, async comprehensions and generator expressions.
import asyncio


async def ticker(n, delay=0):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i
    print('ticker exhausted')


async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except ValueError as e:
        print('echo caught', e)
        yield 'after error'
    finally:
        print('echo finally', received)


async def main():
    g = ticker(3)
    print(type(g).__name__, repr(g).startswith('<async_generator object ticker at'))
    print(g.__aiter__() is g)
    async for v in g:
        print('got', v)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('StopAsyncIteration')
    e = echo()
    print(await e.asend(None))
    print(await e.asend('a'))
    print(await e.asend('b'))
    print(await e.athrow(ValueError('bad')))
    await e.aclose()
    print([x async for x in ticker(4, 0.001) if x % 2 == 0])
    print({x: x * x async for x in ticker(3)})
    print({x async for x in ticker(3)})
    gen = (x * 10 async for x in ticker(3))
    print(type(gen).__name__, [y async for y in gen])
    print([await asyncio.sleep(0, i) for i in range(3)])
    nested = [[x async for x in ticker(j)] for j in range(3)]
    print(nested)
    a = ticker(2)
    print(await a.__anext__(), await a.__anext__())
    await a.aclose()
    print('closed early')


asyncio.run(main())
