# loop.time() and time.monotonic() read the same clock; sleeps and call_later timers fire in
# time order; run_until_complete on a new loop.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    print(abs(loop.time() - time.monotonic()) < 0.05)
    t = loop.time()
    await asyncio.sleep(0.2)
    print(round(loop.time() - t, 1))
    print(await asyncio.sleep(0.01, result='slept'))
    order = []
    loop.call_later(0.1, order.append, 'late')
    loop.call_later(0.03, order.append, 'early')
    loop.call_soon(order.append, 'soon')
    h = loop.call_later(0.05, order.append, 'cancelled')
    h.cancel()
    await asyncio.sleep(0.15)
    print(order, h.cancelled())
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 'from timer')
    print(await fut)


asyncio.run(main())
loop = asyncio.new_event_loop()
print(loop.run_until_complete(asyncio.sleep(0.01, 'new loop')), loop.is_running())
loop.close()
print(loop.is_closed())
