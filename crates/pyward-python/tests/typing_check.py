"""Checked by mypy --strict (scripts/test-python), not run: the public API as typed code."""

import asyncio

import pyward


def typed_usage() -> None:
    limits = pyward.Limits(duration=1.5, memory="64MB", allocations=None, recursion=200)
    result = pyward.run("1 + 1", inputs={"x": 1}, functions=[len], limits=limits)
    value: object = result.value
    text: str = result.stdout + result.stderr
    peak: int = result.stats.peak_memory
    program = pyward.Program("ask()", filename="agent.py")
    step = program.start(functions=["ask"])
    if isinstance(step, pyward.Paused):
        call: pyward.Call = step.calls[0]
        step = step.resume(call.args, error=None)
        step = step.resume_many({call.id: ValueError("x")}) if isinstance(step, pyward.Paused) else step
    session = pyward.Session(functions={"f": print})
    session.run("x = 1")
    snippet: pyward.Result = asyncio.run(session.run_async("x"))
    done: pyward.Result = asyncio.run(pyward.run_async("1"))
    stubs: str = pyward.describe([typed_usage])
    try:
        pyward.run("1 / 0")
    except pyward.ExecutionError as err:
        print(err.type_name, err.message, err.traceback, err.stdout)
    except pyward.CompileError as err:
        print(err.line, err.column)
    except pyward.LimitError as err:
        print(err.limit)
    print(value, text, peak, snippet, done, stubs)
