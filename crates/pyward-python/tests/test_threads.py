"""Threads: the GIL is released while sandboxed code runs; Program.run is thread-safe."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pyward

BUSY = "n = 0\nwhile n < 2_000_000:\n    n += 1\nprint(n)"


def test_program_runs_from_many_threads():
    program = pyward.Program("import json\nprint(json.dumps({'k': [x * x for x in range(n)]}))".replace("n)", "50)"))
    expected = program.run().stdout
    with ThreadPoolExecutor(max_workers=4) as pool:
        outputs = list(pool.map(lambda _: program.run().stdout, range(32)))
    assert outputs == [expected] * 32


def test_other_python_threads_progress_while_the_sandbox_runs():
    # With the GIL held for the whole run, the main thread could not execute a single
    # bytecode between the worker entering and leaving `run`.
    program = pyward.Program(BUSY)
    started = threading.Event()
    done = threading.Event()
    outputs = []

    def worker():
        started.set()
        outputs.append(program.run().stdout)
        done.set()

    thread = threading.Thread(target=worker)
    thread.start()
    started.wait()
    ticks = 0
    while not done.is_set():
        ticks += 1
    thread.join()
    assert outputs == ["2000000\n"]
    assert ticks > 1000
