# Event loop API: get_event_loop/run_until_complete, Runner, call_at, exceptions in
# callbacks, run() misuse, current_task outside a task, Barrier.
import asyncio


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(add(1, 2)))
print(asyncio.get_event_loop() is loop, loop.is_closed())
loop.close()

with asyncio.Runner() as runner:
    print(runner.run(add(3, 4)))
    print(runner.run(add(5, 6)))

try:
    asyncio.run(5)
except ValueError as e:
    print('ValueError:', e)


async def nested():
    coro = add(0, 0)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print('RuntimeError:', e)
    coro.close()
    loop = asyncio.get_running_loop()
    fired = []
    loop.call_at(loop.time() + 0.01, fired.append, 'at')
    await asyncio.sleep(0.02)
    print(fired)
    b = asyncio.Barrier(3)

    async def party(i):
        await asyncio.sleep(0.001 * i)
        print('arrived', i)
        pos = await b.wait()
        return pos

    print(sorted(await asyncio.gather(*(party(i) for i in range(3)))))
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print('callback got', f.result()))
    fut.set_result('value')
    await asyncio.sleep(0)
    print(fut.done(), fut.cancelled(), fut.cancel())


asyncio.run(nested())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    asyncio.current_task()
except RuntimeError as e:
    print('RuntimeError:', e)
