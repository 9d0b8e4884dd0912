"""run_async: coroutine tools run on the host's event loop, gathered calls concurrently."""

import asyncio
import time

import pyward
import pytest


def test_run_async_with_plain_tools():
    async def main():
        return await pyward.run_async("add(2, 3) * 2", functions={"add": lambda a, b: a + b})

    assert asyncio.run(main()).value == 10


def test_run_async_keeps_the_event_loop_responsive():
    async def main():
        ticks = 0

        async def ticker():
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        task = asyncio.ensure_future(ticker())
        code = "n = 0\nwhile n < 3_000_000:\n    n += 1\nn"
        result = await pyward.run_async(code)
        task.cancel()
        return result.value, ticks

    value, ticks = asyncio.run(main())
    assert value == 3_000_000
    assert ticks >= 2


def test_run_async_errors_are_raised():
    async def main():
        await pyward.run_async("1 / 0")

    with pytest.raises(pyward.ExecutionError, match="ZeroDivisionError"):
        asyncio.run(main())


def test_session_run_async_with_plain_tools():
    async def main():
        session = pyward.Session(functions={"twice": lambda x: 2 * x})
        await session.run_async("x = twice(4)")
        return await session.run_async("x + 1")

    assert asyncio.run(main()).value == 9


def test_gathered_async_tools_run_concurrently():
    async def fetch(i: int) -> int:
        await asyncio.sleep(0.1)
        return i * 10

    code = (
        "import asyncio\n"
        "async def main():\n"
        "    return await asyncio.gather(fetch(1), fetch(2), fetch(3))\n"
        "asyncio.run(main())\n"
    )

    async def main():
        start = time.perf_counter()
        result = await pyward.run_async(code, functions=[fetch])
        return result.value, time.perf_counter() - start

    value, elapsed = asyncio.run(main())
    assert value == [10, 20, 30]
    # Sequential calls would take 0.3 s; concurrent ones about 0.1 s.
    assert elapsed < 0.25


def test_async_tool_exception_is_catchable_in_the_sandbox():
    async def fail():
        await asyncio.sleep(0)
        raise ConnectionError("host down")

    code = (
        "import asyncio\n"
        "async def main():\n"
        "    try:\n"
        "        await fail()\n"
        "    except ConnectionError as e:\n"
        "        return str(e)\n"
        "asyncio.run(main())\n"
    )

    async def main():
        return (await pyward.run_async(code, functions=[fail])).value

    assert asyncio.run(main()) == "host down"
