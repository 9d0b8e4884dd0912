# Semaphore limits concurrency; Lock serialises; Event wakes every waiter; Condition;
# BoundedSemaphore refuses an extra release.
import asyncio

running = 0
peak = 0


async def job(sem, i):
    global running, peak
    async with sem:
        running += 1
        peak = max(peak, running)
        print('start', i, 'running', running)
        await asyncio.sleep(0.05 * (i % 3 + 1))
        running -= 1
        print('end', i)
    return i


async def locked(lock, name, log):
    async with lock:
        log.append(name + '+')
        await asyncio.sleep(0)
        log.append(name + '-')


async def waiter(ev, name):
    print(name, 'waiting')
    await ev.wait()
    print(name, 'woke')


async def main():
    sem = asyncio.Semaphore(2)
    print(await asyncio.gather(*(job(sem, i) for i in range(5))))
    print('peak', peak, sem.locked())
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(locked(lock, n, log) for n in 'xyz'))
    print(log, lock.locked())
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, f'w{i}')) for i in range(3)]
    await asyncio.sleep(0)
    print('setting', ev.is_set())
    ev.set()
    await asyncio.gather(*ws)
    cond = asyncio.Condition()
    items = []

    async def cons():
        async with cond:
            await cond.wait_for(lambda: items)
            print('consumed', items.pop())

    c = asyncio.create_task(cons())
    await asyncio.sleep(0)
    async with cond:
        items.append('thing')
        cond.notify()
    await c
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print('ValueError:', e)
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError:', e)


asyncio.run(main())
