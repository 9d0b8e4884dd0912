# Cancellation: CancelledError thrown at the innermost await, finally blocks of every
# coroutine in the chain run, a task that swallows cancellation, cancel messages.
import asyncio


async def inner():
    try:
        await asyncio.sleep(10)
    finally:
        print('inner finally')


async def outer():
    try:
        await inner()
    except asyncio.CancelledError:
        print('outer saw CancelledError')
        raise
    finally:
        print('outer finally')


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('ignoring cancel')
    return 'survived'


async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    print('cancel() ->', t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print('main got CancelledError')
    print(t.cancelled(), t.done(), t.cancel())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())
    m = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    m.cancel('with message')
    try:
        await m
    except asyncio.CancelledError as e:
        print('message:', e.args)
    early = asyncio.create_task(inner())
    early.cancel()
    try:
        await early
    except asyncio.CancelledError:
        print('cancelled before it started')
    print(isinstance(asyncio.CancelledError(), Exception))


asyncio.run(main())
