# A task raising propagates through gather and out of asyncio.run.
import asyncio


async def ok():
    await asyncio.sleep(0.01)
    print('ok finished')
    return 1


async def bad():
    await asyncio.sleep(0)
    raise ZeroDivisionError('task failed')


async def main():
    results = await asyncio.gather(ok(), bad())
    print('never', results)


asyncio.run(main())
