# TaskGroup: waits for every task; a failing task cancels its siblings and the group
# raises an ExceptionGroup (an error in the body joins it).
import asyncio


async def work(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, 'cancelled')
        raise
    if fail:
        raise ValueError(f'{name} broke')
    print(name, 'done')
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work('a', 0.1))
        t2 = tg.create_task(work('b', 0.01))
    print('group finished', t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('slow', 0.3))
            tg.create_task(work('bad', 0.01, fail=True))
        print('not reached')
    except BaseException as eg:
        print(type(eg).__name__, eg)
        print([repr(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('x', 0.01, fail=True))
            tg.create_task(work('y', 0.05, fail=True))
            raise KeyError('body')
    except Exception as eg:
        print(type(eg).__name__, eg, sorted(repr(e) for e in eg.exceptions))


asyncio.run(main())
