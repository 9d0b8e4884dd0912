"""Per-call cost of pyward from Python, side by side with pydantic-monty.

    python crates/pyward-python/benches/bench.py [--monty-python PATH] [--repeat N]

Runs the pyward cases in this interpreter (which must have `pyward` installed) and, with
--monty-python, the same work under that interpreter (a scratch venv with `pydantic-monty`
from PyPI; never a dependency of this project), then prints one table. Figures are the best
of N timing rounds, in microseconds per operation.

Cases:
  run('1 + 1')        compile and run a trivial program (pyward.run; monty: feed_run in a
                      checked-out session, its cheapest entry point)
  Program.run         run a precompiled program (monty has no precompiled program:
                      feed_run again)
  host round trip     one call of a Python function from sandboxed code: the cost of a
                      loop of 500 calls minus the same loop calling a sandbox function,
                      divided by 500
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable

CALLS = 500
LOOP_HOST = f"for i in range({CALLS}):\n    f(i)\n"
LOOP_LOCAL = f"def g(x):\n    return x\nfor i in range({CALLS}):\n    g(i)\n"


CLOCK = time.perf_counter


def best(fn: Callable[[], object], number: int, repeat: int) -> float:
    """Best time per call in microseconds, on CLOCK."""
    fn()
    times = []
    for _ in range(repeat):
        start = CLOCK()
        for _ in range(number):
            fn()
        times.append((CLOCK() - start) / number)
    return min(times) * 1e6


def ident(x: object) -> object:
    return x


def bench_pyward(repeat: int) -> dict[str, float]:
    import pyward

    program = pyward.Program("1 + 1")
    host = pyward.Program(LOOP_HOST)
    local = pyward.Program(LOOP_LOCAL)
    functions = {"f": ident}
    loop_host = best(lambda: host.run(functions=functions), 20, repeat)
    loop_local = best(lambda: local.run(), 20, repeat)
    return {
        "run('1 + 1')": best(lambda: pyward.run("1 + 1"), 20000, repeat),
        "Program.run": best(program.run, 20000, repeat),
        "host round trip": (loop_host - loop_local) / CALLS,
    }


def bench_monty(repeat: int) -> dict[str, float]:
    import pydantic_monty

    limits = pydantic_monty.ResourceLimits(max_suspensions=10**9)
    with pydantic_monty.Monty() as pool, pool.checkout(limits=limits) as session:
        feed = lambda: session.feed_run("1 + 1")  # noqa: E731
        lookup = {"f": ident}
        loop_host = best(lambda: session.feed_run(LOOP_HOST, external_lookup=lookup), 5, repeat)
        loop_local = best(lambda: session.feed_run(LOOP_LOCAL), 5, repeat)
        return {
            "run('1 + 1')": best(feed, 300, repeat),
            "Program.run": best(feed, 300, repeat),
            "host round trip": (loop_host - loop_local) / CALLS,
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--impl", choices=["pyward", "monty"], default="pyward")
    parser.add_argument("--monty-python", help="interpreter with pydantic-monty installed")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print raw figures as JSON")
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time pyward on this thread's CPU clock (steady on a loaded machine); pydantic-monty "
        "is always timed on the wall clock, since its work happens in a worker process",
    )
    args = parser.parse_args()
    global CLOCK
    if args.cpu and args.impl == "pyward":
        CLOCK = time.thread_time
    if args.json:
        run = bench_pyward if args.impl == "pyward" else bench_monty
        print(json.dumps(run(args.repeat)))
        return
    columns = {"pyward (cpu)" if args.cpu else "pyward": bench_pyward(args.repeat)}
    if args.monty_python:
        out = subprocess.run(
            [args.monty_python, __file__, "--impl", "monty", "--json", "--repeat", str(args.repeat)],
            check=True,
            capture_output=True,
            text=True,
        )
        columns["pydantic-monty"] = json.loads(out.stdout)
    names = list(columns)
    print(f"{'case (us per op)':<20}" + "".join(f"{n:>16}" for n in names))
    for case in next(iter(columns.values())):
        print(f"{case:<20}" + "".join(f"{columns[n][case]:>16.2f}" for n in names))


if __name__ == "__main__":
    main()
