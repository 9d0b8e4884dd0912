# wait_for: result in time, TimeoutError after cancelling the inner task, timeout=None and
# 0; asyncio.timeout (3.11) and shield.
import asyncio


async def slow(d, tag):
    try:
        await asyncio.sleep(d)
        return tag
    except asyncio.CancelledError:
        print(tag, 'cancelled')
        raise


async def main():
    print(await asyncio.wait_for(slow(0.01, 'fast'), timeout=1))
    try:
        await asyncio.wait_for(slow(1, 'slow'), timeout=0.05)
    except asyncio.TimeoutError as e:
        print('timed out', type(e).__name__, asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(slow(0.01, 'none'), None))
    try:
        await asyncio.wait_for(slow(0.01, 'zero'), 0)
    except TimeoutError:
        print('zero timeout')
    try:
        async with asyncio.timeout(0.05) as cm:
            await slow(1, 'in timeout')
    except TimeoutError:
        print('timeout block expired', cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
    print('no expiry', cm.expired())
    inner = asyncio.create_task(slow(0.1, 'shielded'))
    try:
        await asyncio.wait_for(asyncio.shield(inner), 0.01)
    except TimeoutError:
        print('shield timed out, inner cancelled?', inner.cancelled())
    print(await inner)


asyncio.run(main())
