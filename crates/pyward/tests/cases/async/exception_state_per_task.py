# A coroutine suspended inside an except block keeps its handled exception to itself:
# other tasks (and a generator's caller) see no active exception.
import asyncio, sys

async def holder():
    try:
        raise ValueError('held')
    except ValueError:
        await asyncio.sleep(0.01)
        print('holder sees', repr(sys.exc_info()[1]))
        try:
            raise
        except ValueError as e:
            print('reraised', e)

async def other():
    await asyncio.sleep(0)
    print('other sees', sys.exc_info())
    try:
        raise KeyError('k')
    except KeyError as e:
        print('context', repr(e.__context__))
    try:
        raise
    except RuntimeError as e:
        print('bare raise:', e)

def gen():
    try:
        raise IndexError('g')
    except IndexError:
        yield 1
        print('gen sees', repr(sys.exc_info()[1]))
    yield 2

async def main():
    await asyncio.gather(holder(), other())
    g = gen()
    next(g)
    print('outside gen', sys.exc_info())
    next(g)

asyncio.run(main())
