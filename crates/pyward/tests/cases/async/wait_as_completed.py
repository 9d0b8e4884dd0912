# asyncio.wait with FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and a timeout;
# as_completed yields results in completion order.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f'{name} failed')
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    ts = [asyncio.create_task(job(n, d), name=n) for n, d in [('a', 0.3), ('b', 0.01), ('c', 0.15)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print('first completed', names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print('all completed', names(done), names(pending))
    ts = [asyncio.create_task(job('x', 0.01, fail=True), name='x'),
          asyncio.create_task(job('y', 0.3), name='y')]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print('first exception', names(done), names(pending))
    done, pending = await asyncio.wait(pending, timeout=0.01)
    print('timeout', names(done), names(pending))
    await asyncio.wait(pending)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print('ValueError:', e)
    try:
        await asyncio.wait([job('z', 0)])
    except TypeError as e:
        print('TypeError:', e)
    for fut in asyncio.as_completed([job('slow', 0.2), job('fast', 0.01), job('mid', 0.1)]):
        print('as_completed', await fut)
    try:
        for fut in asyncio.as_completed([job('late', 1)], timeout=0.01):
            await fut
    except TimeoutError:
        print('as_completed timed out')


asyncio.run(main())
