# create_task: tasks start on the next loop iteration, in creation order, and interleave at
# every await; Task methods (done/result/exception/get_name/add_done_callback).
import asyncio


async def worker(name, delays):
    for d in delays:
        print(f'{name} waits {d}')
        await asyncio.sleep(d)
    print(f'{name} done')
    return len(delays)


def report(t):
    print('callback:', t.get_name(), t.result())


async def main():
    t1 = asyncio.create_task(worker('one', [0.1, 0.05]))
    t2 = asyncio.create_task(worker('two', [0.05, 0.15]), name='second')
    t1.add_done_callback(report)
    print('tasks created', t1.get_name(), t2.get_name(), t1.done())
    await asyncio.sleep(0)
    print('after first yield')
    r2 = await t2
    print('two returned', r2, t1.done())
    print(await t1, t1.result(), t1.exception())
    t2.set_name('renamed')
    print(t2.get_name(), t2.cancelled())
    print(asyncio.current_task().get_name())
    print(len(asyncio.all_tasks()))


asyncio.run(main())
print('loop closed')
