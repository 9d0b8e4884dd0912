//! Embedding overheads, timed with a plain loop (`cargo bench -p pyward --bench host`):
//! compile + run of `1 + 1`, a run of a precompiled trivial program, one host-function
//! round trip in callback mode and in pause mode, and a session snippet. Prints the median
//! of several batches per case; never part of the test suite.
#![expect(
    clippy::disallowed_methods,
    reason = "a benchmark reads the clock and its filter argument"
)]
#![expect(clippy::print_stdout, reason = "a benchmark reports its numbers")]
#![expect(clippy::unwrap_used, reason = "a benchmark stops at any failure")]

use std::hint::black_box;
use std::time::{Duration, Instant};

use pyward::{Data, HostFunction, Program, RunOptions, Session, Step, no_host};

/// Median time per iteration of `f` over `batches` batches of `iters` iterations.
fn measure(name: &str, iters: u32, f: impl FnMut()) {
    measure_div(name, iters, 1, f);
}

/// `measure`, reporting each iteration's time divided by `per` (an iteration doing `per`
/// operations). Cases whose name lacks the first command-line word (if any) are skipped.
fn measure_div(name: &str, iters: u32, per: u32, mut f: impl FnMut()) {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.is_some_and(|f| !name.contains(&f)) {
        return;
    }
    for _ in 0..iters.min(1000) {
        f();
    }
    let batches = 15;
    let mut per_iter: Vec<Duration> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iters {
                f();
            }
            start.elapsed() / iters / per
        })
        .collect();
    per_iter.sort();
    let median = per_iter[per_iter.len() / 2];
    let best = per_iter[0];
    println!(
        "{name:<48} median {:>9.3} µs   best {:>9.3} µs",
        us(median),
        us(best)
    );
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn main() {
    measure("compile + run `1 + 1`", 2_000, || {
        let p = Program::compile("1 + 1", "bench.py").unwrap();
        black_box(p.run(RunOptions::new(), &mut no_host));
    });
    measure("compile `1 + 1`", 2_000, || {
        black_box(Program::compile("1 + 1", "bench.py").unwrap());
    });
    let trivial = Program::compile("1 + 1", "bench.py").unwrap();
    measure("run precompiled `1 + 1`", 20_000, || {
        black_box(trivial.run(RunOptions::new(), &mut no_host));
    });
    measure("  Vm::new + drop", 20_000, || {
        black_box(pyward::vm::Vm::new(pyward::Limits::default()));
    });
    let pass = Program::compile("pass", "bench.py").unwrap();
    measure("run precompiled `pass`", 20_000, || {
        black_box(pass.run(RunOptions::new(), &mut no_host));
    });

    // Host-function round trips: a loop of N calls, per call.
    const N: i64 = 10_000;
    let loop_src = "for i in range(n):\n    tool(i)";
    let looped = Program::compile(loop_src, "bench.py").unwrap();
    let options = || {
        RunOptions::new()
            .input("n", N)
            .function(HostFunction::new("tool").signature("(x)"))
    };
    measure_div(
        "host call round trip, callback mode (per call)",
        5,
        N as u32,
        || {
            let out = looped.run(options(), &mut |c| Ok(c.args[0].clone()));
            assert!(out.error.is_none());
        },
    );
    measure_per_call(
        "host call round trip, pause mode (per call)",
        &looped,
        options,
        N,
    );
    let bare = Program::compile("for i in range(n):\n    pass", "bench.py").unwrap();
    measure_div(
        "  (the same loop without calls, per iteration)",
        5,
        N as u32,
        || {
            black_box(bare.run(options(), &mut no_host));
        },
    );
    measure("run with one host function declared", 5_000, || {
        let opts = RunOptions::new().function(HostFunction::new("tool").signature("(x)"));
        black_box(trivial.run(opts, &mut no_host));
    });
    let mut session = Session::new(RunOptions::new()).unwrap();
    session.run("x = 0", &mut no_host);
    measure("session snippet `x += 1` (compile + run)", 2_000, || {
        black_box(session.run("x += 1", &mut no_host));
    });
}

/// Pause mode: time a whole run of `n` pausing calls, reported per call.
fn measure_per_call(name: &str, program: &Program, options: impl Fn() -> RunOptions, n: i64) {
    measure_div(name, 5, u32::try_from(n).unwrap_or(1), || {
        let mut step = program.start(options());
        let mut calls = 0;
        loop {
            match step {
                Step::Done(o) => {
                    assert!(o.error.is_none());
                    break;
                }
                Step::Paused(p) => {
                    let id = p.calls()[0].id;
                    calls += 1;
                    step = p.resume(vec![(id, Ok(Data::None))]);
                }
            }
        }
        assert_eq!(calls, n);
    });
}
