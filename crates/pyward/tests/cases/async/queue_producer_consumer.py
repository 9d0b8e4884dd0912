# Queue: producers and consumers, maxsize back-pressure, task_done/join, the nowait
# variants and their exceptions.
import asyncio


async def producer(q, name, n):
    for i in range(n):
        await q.put(f'{name}{i}')
        print('put', f'{name}{i}', 'size', q.qsize())
    print(name, 'finished')


async def consumer(q, name, delay):
    while True:
        item = await q.get()
        print(name, 'got', item)
        await asyncio.sleep(delay)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.empty(), q.full(), q.maxsize)
    consumers = [asyncio.create_task(consumer(q, f'c{i}', 0.05 + 0.07 * i)) for i in range(2)]
    await asyncio.gather(producer(q, 'a', 3), producer(q, 'b', 2))
    await q.join()
    print('all processed', q.empty())
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    q2 = asyncio.Queue(1)
    q2.put_nowait(1)
    try:
        q2.put_nowait(2)
    except asyncio.QueueFull:
        print('QueueFull')
    print(q2.get_nowait())
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')
    try:
        q2.task_done()
        q2.task_done()
    except ValueError as e:
        print('ValueError:', e)
    pq = asyncio.PriorityQueue()
    for x in (3, 1, 2):
        pq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in 'abc':
        lq.put_nowait(x)
    print(''.join(lq.get_nowait() for _ in range(3)))


asyncio.run(main())
