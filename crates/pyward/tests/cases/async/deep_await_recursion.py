# A deep chain of awaits ends in a catchable RecursionError, and the loop keeps working.
import asyncio


async def depth(n):
    if n == 0:
        return 0
    return 1 + await depth(n - 1)


async def main():
    print(await depth(300))
    try:
        await depth(100000)
    except RecursionError as e:
        print('RecursionError:', e)
    print(await asyncio.gather(depth(5), depth(7)))


asyncio.run(main())
