//! Memory-accounting benchmark (issue 4): does the memory limit count what the process
//! really holds? Each allocation-heavy program runs in a fresh child process (so freed
//! memory of one program cannot hide another's growth); the child reads its resident set
//! (`VmRSS` in /proc/self/status) before and after the run, with the program's data still
//! alive in the VM, and prints it next to the VM's accounted live bytes. The parent prints
//! the table. Figures, not a test: run with
//! `cargo bench -p pyward-cli --bench memory_accounting`.

use std::process::Command;
use std::time::Duration;

use pyward::Limits;
use pyward::vm::Vm;

/// (name, program). Every program keeps its data alive in the global `keep`.
const PROGRAMS: &[(&str, &str)] = &[
    (
        "list of 200k dicts",
        "keep = [{'id': i, 'name': 'user%d' % i, 'score': i * 1.5} for i in range(200000)]",
    ),
    (
        "300k strings (10-110 chars)",
        "keep = ['x' * (i % 100 + 10) + str(i) for i in range(300000)]",
    ),
    (
        "100k bigints (160-960 bits)",
        "keep = [3 ** (i % 500 + 100) for i in range(100000)]",
    ),
    (
        "nested lists of tuples",
        "keep = [[(i, j, str(j)) for j in range(10)] for i in range(30000)]",
    ),
    (
        "200k class instances",
        "class P:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n\
         keep = [P(i, str(i)) for i in range(200000)]",
    ),
    (
        "dict of 500k ints",
        "keep = {i: i * 2 for i in range(500000)}",
    ),
    (
        "sets and frozensets",
        "keep = [set(range(i % 50)) for i in range(20000)] + [frozenset((i, i + 1)) for i in range(50000)]",
    ),
    (
        "one 50 MB str and bytes",
        "keep = ['a' * 25_000_000, b'b' * 25_000_000]",
    ),
    (
        "list grown by append",
        "keep = []\nfor i in range(1000000):\n    keep.append(i * 1.0)",
    ),
];

fn rss_bytes() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        .map_or(0, |kb| kb * 1024)
}

fn limits() -> Limits {
    Limits {
        max_duration: Some(Duration::from_secs(300)),
        max_memory: 4 << 30,
        ..Limits::default()
    }
}

fn run_vm(src: &str) -> Option<(Vm, usize)> {
    let code = pyward::syntax::compile_source(src, "bench.py", true).ok()?;
    let mut vm = Vm::new(limits());
    vm.run_module(&code).ok()?;
    let live = vm.heap.account.live_bytes;
    Some((vm, live))
}

/// In the child: warm up (module caches, allocator arenas), then measure one program.
fn child(index: usize) {
    let Some((_, src)) = PROGRAMS.get(index) else {
        return;
    };
    let warm = run_vm("keep = [str(i) for i in range(1000)]");
    drop(warm);
    let before = rss_bytes();
    let Some((vm, live_before)) = run_vm("pass") else {
        return;
    };
    drop(vm);
    let Some((vm, live)) = run_vm(src) else {
        println!("error");
        return;
    };
    let after = rss_bytes();
    println!(
        "{} {}",
        live.saturating_sub(live_before),
        after.saturating_sub(before)
    );
    drop(vm);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--one") {
        let index = args
            .get(i + 1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(usize::MAX);
        child(index);
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let mb = |b: f64| b / (1024.0 * 1024.0);
    println!("| program | accounted MB | real RSS growth MB | accounted / real |");
    println!("|---|---:|---:|---:|");
    for (i, (name, _)) in PROGRAMS.iter().enumerate() {
        let out = Command::new(&exe).arg("--one").arg(i.to_string()).output();
        let text = out
            .map(|o| String::from_utf8_lossy(&o.stdout).to_string())
            .unwrap_or_default();
        let nums: Vec<f64> = text
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        match nums.as_slice() {
            [acc, real] if *real > 0.0 => println!(
                "| {name} | {:.1} | {:.1} | {:.2} |",
                mb(*acc),
                mb(*real),
                acc / real
            ),
            _ => println!("| {name} | ? | ? | {} |", text.trim()),
        }
    }
}
