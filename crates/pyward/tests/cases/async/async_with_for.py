# async with (enter/exit order, exception suppression, return and break through it) and
# async for over a class-based async iterator, with else, break and continue.
import asyncio


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await asyncio.sleep(0)
        print('enter', self.name)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print('exit', self.name, exc_type.__name__ if exc_type else None)
        return self.suppress


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n


async def early(n):
    async with Resource('early'):
        if n:
            return 'returned'
    return 'fell through'


async def main():
    async with Resource('a') as a, Resource('b') as b:
        print('body', a, b)
    async with Resource('quiet', suppress=True):
        raise KeyError('hidden')
    print('suppressed')
    try:
        async with Resource('loud'):
            raise KeyError('shown')
    except KeyError as e:
        print('propagated', e)
    print(await early(1))
    async for i in Countdown(3):
        print('tick', i)
    else:
        print('loop else')
    async for i in Countdown(5):
        if i == 3:
            continue
        if i == 1:
            break
        print('tock', i)
    else:
        print('not printed')
    for _ in range(2):
        async with Resource('loop'):
            break
    print([i async for i in Countdown(3)])


asyncio.run(main())
