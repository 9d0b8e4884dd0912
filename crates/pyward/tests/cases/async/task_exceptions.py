# Exceptions inside tasks: stored on the task, raised on await, result()/exception(), and
# an exception escaping asyncio.run.
import asyncio


async def boom(msg):
    await asyncio.sleep(0)
    raise KeyError(msg)


async def main():
    t = asyncio.create_task(boom('k'))
    await asyncio.sleep(0.01)
    print(t.done(), repr(t.exception()))
    try:
        t.result()
    except KeyError as e:
        print('result raised', e)
    try:
        await t
    except KeyError as e:
        print('await raised', e)
    f = asyncio.get_running_loop().create_future()
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    f.set_exception(ValueError('v'))
    try:
        await f
    except ValueError as e:
        print('future raised', e)
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    await boom('escapes')


asyncio.run(main())
