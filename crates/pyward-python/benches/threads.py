"""Throughput of sandboxed runs from 1 and 2 Python threads (the GIL is released in `run`).

    python crates/pyward-python/benches/threads.py [--runs N]

Prints runs per second with one thread, with two, and the ratio (2.0 is perfect scaling;
the machine's core count and its load cap it), and CPU seconds used per wall second.
"""

import argparse
import os
import threading
import time

import pyward

BUSY = """
total = 0
for i in range(200_000):
    total += i % 7
total
"""


def throughput(program: pyward.Program, threads: int, runs: int) -> tuple[float, float]:
    """Runs per second and CPU seconds used per wall second (above 1.0, the threads ran at
    the same time: a number that holds even on a machine busy with other work)."""
    per_thread = runs // threads
    barrier = threading.Barrier(threads + 1)

    def work() -> None:
        barrier.wait()
        for _ in range(per_thread):
            program.run()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for w in workers:
        w.start()
    barrier.wait()
    start, cpu = time.perf_counter(), time.process_time()
    for w in workers:
        w.join()
    wall = time.perf_counter() - start
    return per_thread * threads / wall, (time.process_time() - cpu) / wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    program = pyward.Program(BUSY)
    program.run()
    one, one_cpu = max(throughput(program, 1, args.runs) for _ in range(args.repeat))
    two, two_cpu = max(throughput(program, 2, args.runs) for _ in range(args.repeat))
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    print(f"1 thread : {one:8.1f} runs/s, {one_cpu:.2f} CPU s per s")
    print(f"2 threads: {two:8.1f} runs/s, {two_cpu:.2f} CPU s per s")
    print(f"scaling  : {two / one:.2f}x")


if __name__ == "__main__":
    main()
