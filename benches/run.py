#!/usr/bin/env python3
"""Run pyward's issue-6 benchmarks next to CPython and print markdown tables.

    python3 benches/run.py [--pyward target/release/pyward] [--timeout 10]

Figures only (not tests): times come from the programs' own perf_counter readings,
the best of three runs, and a run past the timeout is reported as such.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, timeout):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if out.returncode != 0:
        return "error: " + (out.stderr.strip().splitlines() or ["?"])[-1]
    return out.stdout.split()


def best(cmd, timeout, runs=3):
    results = []
    for _ in range(runs):
        r = run(cmd, timeout)
        if r is None or isinstance(r, str):
            return r
        results.append([float(x) for x in r])
    return [min(col) for col in zip(*results)]


def fmt(r, i=0):
    if r is None:
        return "timeout"
    if isinstance(r, str):
        return r
    return "%.4f s" % r[i]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyward", default=os.path.join(HERE, "..", "target", "release", "pyward"))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--timeout", type=float, default=10.0)
    args = ap.parse_args()
    interps = [("CPython", [args.python]), ("pyward", [args.pyward])]

    print("### re: `re.search(r'(a+)+$', 'a' * N + '!')`\n")
    print("| N | CPython | pyward |")
    print("|---:|---:|---:|")
    for n in (16, 20, 22, 24, 1000, 10000, 100000):
        row = [str(n)]
        for _, cmd in interps:
            src = "N = %d\n" % n + open(os.path.join(HERE, "re_redos.py")).read()
            row.append(fmt(best(cmd + ["-c", src], args.timeout, 1)))
        print("| " + " | ".join(row) + " |")

    print("\n### json: dumps/loads of a ~1 MB document (mean of 5 calls, best of 3 runs)\n")
    print("| | CPython | pyward | ratio |")
    print("|---|---:|---:|---:|")
    res = [best(cmd + [os.path.join(HERE, "json_1mb.py")], args.timeout * 6) for _, cmd in interps]
    for i, what in enumerate(("dumps", "loads")):
        ratio = ""
        if all(isinstance(r, list) for r in res):
            ratio = "%.2fx" % (res[1][i] / res[0][i])
        print("| %s | %s | %s | %s |" % (what, fmt(res[0], i), fmt(res[1], i), ratio))
    if isinstance(res[0], list):
        print("\ndocument size: %d bytes" % res[0][2])


if __name__ == "__main__":
    main()
