//! Snapshot speed: dump + load of a run paused at a host call holding a 1,000-element list of
//! dicts, and of an idle VM that imported bundled modules. Run with
//! `cargo bench -p pyward --bench snapshot [-- paused|modules]`; prints the mean time per
//! operation, over batches of calls: the median batch and the fastest (a benchmark, not a
//! test: nothing here asserts timings). Like the `pyward`
//! command it runs on mimalloc (crates/pyward-alloc): loading is mostly allocation, and the
//! library leaves the allocator to the embedder.

#![allow(
    clippy::disallowed_methods,
    reason = "a benchmark reads the host clock to time itself"
)]
#![allow(clippy::print_stdout, reason = "a benchmark reports its timings")]

use std::time::{Duration, Instant};

use pyward::snapshot;
use pyward::vm::Vm;
use pyward::{HostFunction, Limits, Paused, Program, RunOptions, Step};

#[global_allocator]
static ALLOCATOR: pyward_alloc::Allocator = pyward_alloc::Allocator;

const LIST_OF_DICTS: &str = "data = [{'id': i, 'name': 'item%d' % i, 'score': i * 0.5, 'tags': [i, i + 1]} for i in range(1000)]\nask()\n";
const MODULES: &str = "import json, re, collections, datetime\nd = collections.Counter('hello')\n";

fn vm_after(src: &str) -> Vm {
    let mut vm = Vm::new(Limits::default());
    let Ok(code) = pyward::syntax::compile_source(src, "bench.py", true) else {
        return vm;
    };
    let _ = vm.run_module(&code);
    vm
}

/// Calls timed together: one reading of the clock per batch.
const BATCH: u32 = 16;

/// Per-call times of batches of calls, gathered over at least `min` of wall time.
struct Samples(Vec<Duration>);

impl Samples {
    /// The median batch: the typical figure on an idle machine.
    fn median(&self) -> Duration {
        let mut v = self.0.clone();
        v.sort();
        v.get(v.len() / 2).copied().unwrap_or_default()
    }

    /// The fastest batch: on a busy machine, the closest figure to an idle one.
    fn fastest(&self) -> Duration {
        self.0.iter().min().copied().unwrap_or_default()
    }
}

/// Time batches of calls of `f` for at least `min`.
fn time(min: Duration, mut f: impl FnMut()) -> Samples {
    f();
    let mut samples = Vec::new();
    let start = Instant::now();
    while start.elapsed() < min || samples.is_empty() {
        let t = Instant::now();
        for _ in 0..BATCH {
            f();
        }
        samples.push(t.elapsed() / BATCH);
    }
    Samples(samples)
}

/// Time batches of calls of `make` (excluding the drop of what it returns) and, apart, the
/// drops of their results.
fn time_apart<T>(min: Duration, mut make: impl FnMut() -> T) -> (Samples, Samples) {
    let mut batch: Vec<T> = Vec::with_capacity(BATCH as usize);
    let (mut made, mut dropped) = (Vec::new(), Vec::new());
    let start = Instant::now();
    while start.elapsed() < min || made.is_empty() {
        let t = Instant::now();
        for _ in 0..BATCH {
            batch.push(make());
        }
        made.push(t.elapsed() / BATCH);
        let t = Instant::now();
        batch.clear();
        dropped.push(t.elapsed() / BATCH);
    }
    (Samples(made), Samples(dropped))
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Time `dump`, `load` (of `bytes`, what `dump` returns; with and without dropping the loaded
/// VM) and the whole round trip, and print the figures: the median batch, and in brackets
/// the fastest.
fn measure<T>(name: &str, bytes: &[u8], mut dump: impl FnMut(), mut load: impl FnMut(&[u8]) -> T) {
    // Shorter under a profiler: `PYWARD_BENCH_MS=30 valgrind --tool=callgrind ...`.
    let min = Duration::from_millis(
        std::env::var("PYWARD_BENCH_MS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(2000),
    );
    let d = time(min, &mut dump);
    let (l, drop) = time_apart(min, || load(bytes));
    let with_drop = time(min, || drop_now(load(bytes)));
    let round = time(min, || {
        dump();
        drop_now(load(bytes));
    });
    let fig = |s: &Samples| format!("{:.1} us ({:.1})", us(s.median()), us(s.fastest()));
    println!(
        "{name}: {} bytes; median batch (fastest batch)\n  dump {}, load {}, drop of the loaded \
         VM {}, load with drop {}\n  dump+load {:.1} us ({:.1}), round trip with drop {}",
        bytes.len(),
        fig(&d),
        fig(&l),
        fig(&drop),
        fig(&with_drop),
        us(d.median() + l.median()),
        us(d.fastest() + l.fastest()),
        fig(&round),
    );
}

fn drop_now<T>(t: T) {
    drop(std::hint::black_box(t));
}

/// An idle VM after `src`: `snapshot::dump` and `snapshot::load`.
fn report(name: &str, src: &str) {
    let vm = vm_after(src);
    let Ok(bytes) = snapshot::dump(&vm) else {
        println!("{name}: dump failed");
        return;
    };
    measure(
        name,
        &bytes,
        || {
            let _ = std::hint::black_box(snapshot::dump(&vm));
        },
        |b| std::hint::black_box(snapshot::load(b, Limits::default())),
    );
}

/// A paused-run figure: `Paused::dump` and `Paused::load` of `src` paused at `ask()`.
fn report_paused(name: &str, src: &str) {
    let Ok(program) = Program::compile(src, "bench.py") else {
        println!("paused: does not compile");
        return;
    };
    let Step::Paused(paused) = program.start(RunOptions::new().function(HostFunction::new("ask")))
    else {
        println!("paused: the run did not pause");
        return;
    };
    let Ok(bytes) = paused.dump() else {
        println!("paused: dump failed");
        return;
    };
    measure(
        name,
        &bytes,
        || {
            let _ = std::hint::black_box(paused.dump());
        },
        |b| std::hint::black_box(Paused::load(b, Limits::default())),
    );
}

/// Whether the case named `name` runs: all of them, or those whose name contains the first
/// command-line word (`cargo bench --bench snapshot -- paused`).
fn selected(name: &str) -> bool {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    filter.is_none_or(|f| name.contains(&f))
}

fn main() {
    if selected("paused trivial") {
        // The fixed cost: builtins, module and frame state of any paused run.
        report_paused("paused trivial run", "ask()\n");
    }
    if selected("paused dicts") {
        report_paused(
            "paused dicts: a run holding a 1,000-element list of dicts",
            LIST_OF_DICTS,
        );
    }
    if selected("modules") {
        report(
            "idle VM with json, re, collections, datetime imported",
            MODULES,
        );
    }
}
