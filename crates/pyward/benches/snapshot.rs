//! Snapshot speed: dump + load of a VM holding a 1,000-element list of dicts, and of one that
//! imported bundled modules. Run with `cargo bench -p pyward --bench snapshot`; prints the
//! mean time per operation (a benchmark, not a test: nothing here asserts timings).

#![allow(
    clippy::disallowed_methods,
    reason = "a benchmark reads the host clock to time itself"
)]
#![allow(clippy::print_stdout, reason = "a benchmark reports its timings")]

use std::time::{Duration, Instant};

use pyward::Limits;
use pyward::snapshot;
use pyward::vm::Vm;

const LIST_OF_DICTS: &str = "data = [{'id': i, 'name': 'item%d' % i, 'score': i * 0.5, 'tags': [i, i + 1]} for i in range(1000)]\n";
const MODULES: &str = "import json, re, collections, datetime\nd = collections.Counter('hello')\n";

fn vm_after(src: &str) -> Vm {
    let mut vm = Vm::new(Limits::default());
    let Ok(code) = pyward::syntax::compile_source(src, "bench.py", true) else {
        return vm;
    };
    let _ = vm.run_module(&code);
    vm
}

/// Mean time per call of `f` over at least `min` of wall time.
fn time(min: Duration, mut f: impl FnMut()) -> Duration {
    f();
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed() < min {
        f();
        n += 1;
    }
    start.elapsed() / n.max(1)
}

fn report(name: &str, src: &str) {
    let vm = vm_after(src);
    let Ok(bytes) = snapshot::dump(&vm) else {
        println!("{name}: dump failed");
        return;
    };
    let min = Duration::from_secs(2);
    let dump = time(min, || {
        let _ = std::hint::black_box(snapshot::dump(&vm));
    });
    let load = time(min, || {
        let _ = std::hint::black_box(snapshot::load(&bytes, Limits::default()));
    });
    println!(
        "{name}: {} bytes; dump {:.1} us, load {:.1} us, dump+load {:.1} us",
        bytes.len(),
        dump.as_secs_f64() * 1e6,
        load.as_secs_f64() * 1e6,
        (dump + load).as_secs_f64() * 1e6
    );
}

fn main() {
    report("1,000-element list of dicts", LIST_OF_DICTS);
    report("json, re, collections, datetime imported", MODULES);
}
