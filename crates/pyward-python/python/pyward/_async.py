"""``run_async`` and ``Session.run_async``: sandboxed code whose tools are coroutines.

The run goes in pause mode. At each pause, every new call to a coroutine function becomes a
task on the caller's event loop; a call to a plain function is answered at once. The run
resumes as soon as any answer is ready, so calls that the sandbox gathers
(``asyncio.gather(a(), b(), c())``) run concurrently on the host. Sandbox steps run in the
loop's default executor (the GIL is released there), so the event loop stays responsive.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Callable
from typing import Any

from ._describe import Functions, named_functions
from ._pyward import Limits, Paused, Program, Result


async def _drive(
    step: Result | Paused, functions: dict[str, Callable[..., Any] | None]
) -> Result:
    loop = asyncio.get_running_loop()
    # Calls carry the function's own name, without the module of a dotted key.
    tools = {name.rpartition(".")[2]: fn for name, fn in functions.items()}
    tasks: dict[int, asyncio.Future[Any]] = {}
    try:
        while isinstance(step, Paused):
            answers: dict[int, Any] = {}
            for call in step.calls:
                if call.id in tasks or call.id in answers:
                    continue
                fn = tools.get(call.name)
                if fn is None:
                    answers[call.id] = NotImplementedError(f"no tool named {call.name!r}")
                    continue
                try:
                    value = fn(*call.args, **call.kwargs)
                except Exception as exc:  # noqa: BLE001 (the sandbox sees it)
                    answers[call.id] = exc
                    continue
                if inspect.isawaitable(value):
                    tasks[call.id] = asyncio.ensure_future(value)
                else:
                    answers[call.id] = value
            if not answers:
                await asyncio.wait(tasks.values(), return_when=asyncio.FIRST_COMPLETED)
            for call_id, task in list(tasks.items()):
                if task.done():
                    del tasks[call_id]
                    if task.cancelled():
                        answers[call_id] = asyncio.CancelledError()
                    else:
                        failure = task.exception()
                        answers[call_id] = failure if failure is not None else task.result()
            step = await loop.run_in_executor(None, step.resume_many, answers)
        return step
    finally:
        for task in tasks.values():
            task.cancel()


async def run_async(
    code: str,
    *,
    inputs: dict[str, Any] | None = None,
    functions: Functions | None = None,
    limits: Limits | None = None,
    on_stdout: Callable[[str], object] | None = None,
    filename: str = "<string>",
) -> Result:
    """Like ``pyward.run``, awaiting coroutine tools on the running event loop.

    Calls the sandbox gathers run concurrently. ``on_stdout`` is called from a worker thread.
    """
    tools = named_functions(functions)
    loop = asyncio.get_running_loop()
    program = await loop.run_in_executor(None, functools.partial(Program, code, filename=filename))
    start = functools.partial(
        program.start, inputs=inputs, functions=tools, limits=limits, on_stdout=on_stdout
    )
    step = await loop.run_in_executor(None, start)
    return await _drive(step, tools)


async def session_run_async(
    session: Any, code: str, tools: dict[str, Callable[..., Any] | None]
) -> Result:
    """The body of ``Session.run_async``."""
    loop = asyncio.get_running_loop()
    step = await loop.run_in_executor(None, session.start, code)
    return await _drive(step, tools)
