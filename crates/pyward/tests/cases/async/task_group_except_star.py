# TaskGroup failures caught with except*: each clause takes its part of the group; a
# failing body joins the group; the group is raised "from None".
import asyncio
async def bad(n, exc=ValueError):
    await asyncio.sleep(0.01 * n)
    raise exc(f"bad {n}")
async def good(n):
    await asyncio.sleep(0.01 * n)
    return n
async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("slow cancelled")
        raise
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(1))
            tg.create_task(bad(1, TypeError))
            tg.create_task(slow())
    except* ValueError as e:
        print("V", repr(e))
    except* TypeError as e:
        print("T", repr(e))
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(good(i)) for i in range(3)]
    print([t.result() for t in ts])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(1, KeyError))
            raise OSError("body")
    except* OSError as e:
        print("body", repr(e))
    except* KeyError as e:
        print("key", repr(e))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(1))
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg, eg.exceptions, eg.__cause__, eg.__suppress_context__)
asyncio.run(main())
