//! Snapshots through the public API: run a program, dump the VM, load it (again and again),
//! run a continuation, and compare with CPython's output for program + continuation.
//!
//! Programs live in tests/snapshots/programs/ (`NAME.py`, `NAME.cont.py`, and `NAME.out`,
//! CPython 3.11's output of the two concatenated). Fixtures in tests/snapshots/v<N>/ are dumps
//! of those programs made by earlier builds: the current format version's fixtures must load,
//! re-encode to the very same bytes and resume correctly, and older versions' must be refused
//! cleanly. Regenerate the current version's fixtures with `PYWARD_BLESS_SNAPSHOTS=1 cargo
//! test --test snapshot` after bumping `FORMAT_VERSION`.

#![allow(
    clippy::disallowed_methods,
    reason = "the harness reads programs and fixtures from disk"
)]
#![allow(clippy::panic, reason = "test helpers fail the test by panicking")]

use std::path::{Path, PathBuf};
use std::time::Duration;

use pyward::Limits;
use pyward::exc::{Exc, RunError};
use pyward::snapshot::{self, FORMAT_VERSION, SnapshotError};
use pyward::vm::Vm;

const PROGRAMS: &[&str] = &["rich", "gens", "modules", "values", "complex"];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn limits() -> Limits {
    Limits {
        max_duration: Some(Duration::from_secs(30)),
        ..Limits::default()
    }
}

/// Run `src` in `vm` as a module; panic with the error on failure.
fn run(vm: &mut Vm, src: &str, name: &str) {
    let code = pyward::syntax::compile_source(src, name, true)
        .unwrap_or_else(|e| panic!("{name} does not compile: {}", e.msg));
    if let Err(e) = vm.run_module(&code) {
        let detail = match &e {
            RunError::Exc(x) => match **x {
                Exc::Obj(id) => vm.format_exception(id, &|_, _| None),
                _ => format!("{e:?}"),
            },
            _ => format!("{e:?}"),
        };
        panic!(
            "{name} failed: {detail}\noutput so far:\n{}{}",
            vm.out.captured, vm.err_out
        );
    }
}

/// A VM that has run program `name` (not yet its continuation).
fn after_program(name: &str) -> Vm {
    let src = read(&dir().join(format!("programs/{name}.py")));
    let mut vm = Vm::new(limits());
    run(&mut vm, &src, &format!("{name}.py"));
    vm
}

/// Run the continuation of `name` in a loaded VM and check the whole output.
fn finish_and_check(mut vm: Vm, name: &str) {
    let cont = read(&dir().join(format!("programs/{name}.cont.py")));
    run(&mut vm, &cont, &format!("{name}.cont.py"));
    let expected = read(&dir().join(format!("programs/{name}.out")));
    assert_eq!(vm.out.captured, expected, "output of {name} after a reload");
}

fn load(bytes: &[u8]) -> Vm {
    snapshot::load(bytes, limits()).unwrap_or_else(|e| panic!("load failed: {e}"))
}

#[test]
fn programs_resume_after_dump_and_load() {
    for name in PROGRAMS {
        let vm = after_program(name);
        let bytes = snapshot::dump(&vm).unwrap_or_else(|e| panic!("{name}: dump failed: {e}"));
        drop(vm);
        finish_and_check(load(&bytes), name);
    }
}

#[test]
fn a_snapshot_forks_into_independent_runs() {
    let vm = after_program("gens");
    let bytes = snapshot::dump(&vm).unwrap_or_else(|e| panic!("dump failed: {e}"));
    let mut first = load(&bytes);
    run(&mut first, "print(next(fb)); x = next(fb)", "fork1.py");
    finish_and_check(load(&bytes), "gens");
    let mut second = load(&bytes);
    run(&mut second, "print(next(fb))", "fork2.py");
    assert!(
        first.out.captured.ends_with("55\n"),
        "{}",
        first.out.captured
    );
    assert!(
        second.out.captured.ends_with("55\n"),
        "{}",
        second.out.captured
    );
}

#[test]
fn dump_of_a_loaded_vm_is_byte_identical() {
    for name in PROGRAMS {
        let bytes = snapshot::dump(&after_program(name)).unwrap_or_else(|e| panic!("{e}"));
        let again = snapshot::dump(&load(&bytes)).unwrap_or_else(|e| panic!("{e}"));
        assert!(again == bytes, "{name}: re-encoding changed the bytes");
    }
}

#[test]
fn snapshot_larger_than_the_memory_limit_is_refused() {
    let bytes = snapshot::dump(&after_program("rich")).unwrap_or_else(|e| panic!("{e}"));
    let tight = Limits {
        max_memory: 64 << 10,
        ..limits()
    };
    let got = snapshot::load(&bytes, tight).map(|_| ());
    assert_eq!(
        got,
        Err(SnapshotError::Limit(pyward::LimitKind::Memory)),
        "a 64 KiB memory limit"
    );
}

#[test]
fn every_truncation_is_a_clean_error() {
    let bytes = snapshot::dump(&after_program("gens")).unwrap_or_else(|e| panic!("{e}"));
    for len in 0..bytes.len() {
        let got = snapshot::load(bytes.get(..len).unwrap_or_default(), limits());
        assert!(got.is_err(), "a snapshot cut to {len} bytes loaded");
    }
}

#[test]
fn header_errors_name_the_problem() {
    let bytes = snapshot::dump(&after_program("gens")).unwrap_or_else(|e| panic!("{e}"));
    let load_err = |b: &[u8]| snapshot::load(b, limits()).err();
    let mut bad = bytes.clone();
    if let Some(b) = bad.first_mut() {
        *b = b'X';
    }
    assert_eq!(load_err(&bad), Some(SnapshotError::NotASnapshot));
    let mut newer = bytes.clone();
    newer.splice(8..12, (FORMAT_VERSION + 1).to_le_bytes());
    assert_eq!(
        load_err(&newer),
        Some(SnapshotError::FormatVersion {
            found: FORMAT_VERSION + 1,
            expected: FORMAT_VERSION
        })
    );
    let mut other = bytes.clone();
    if let Some(b) = other.get_mut(13) {
        *b = b'9';
    }
    assert!(
        matches!(load_err(&other), Some(SnapshotError::PywardVersion { .. })),
        "{:?}",
        load_err(&other)
    );
    let mut trailing = bytes;
    trailing.push(0);
    assert!(matches!(
        load_err(&trailing),
        Some(SnapshotError::Malformed(_))
    ));
}

/// Committed fixtures: the current version's must load, re-encode identically (so a change
/// of encoding without a version bump fails here) and resume; older versions' are refused.
#[test]
fn committed_fixtures_keep_loading() {
    let current = dir().join(format!("v{FORMAT_VERSION}"));
    if std::env::var_os("PYWARD_BLESS_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(&current).unwrap_or_else(|e| panic!("{e}"));
        for name in PROGRAMS {
            let bytes = snapshot::dump(&after_program(name)).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(current.join(format!("{name}.snap")), bytes)
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    for name in PROGRAMS {
        let path = current.join(format!("{name}.snap"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}\nsnapshot FORMAT_VERSION is {FORMAT_VERSION} but it has no fixtures: \
                 run PYWARD_BLESS_SNAPSHOTS=1 cargo test --test snapshot",
                path.display()
            )
        });
        let vm = snapshot::load(&bytes, limits()).unwrap_or_else(|e| {
            if e.to_string().contains("bundled module") {
                panic!(
                    "{}: {e}\na bundled module's compiled code changed (its source or the \
                     compiler): bless new fixtures (PYWARD_BLESS_SNAPSHOTS=1 cargo test --test \
                     snapshot); the format version need not change",
                    path.display()
                )
            }
            panic!(
                "{}: {e}\nthe snapshot encoding changed without a FORMAT_VERSION bump: bump it \
                 in crates/pyward/src/snapshot/mod.rs and bless new fixtures",
                path.display()
            )
        });
        let again = snapshot::dump(&vm).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            again == bytes,
            "{}: re-encoding the fixture changed its bytes: the snapshot encoding changed \
             without a FORMAT_VERSION bump (bump it and bless new fixtures)",
            path.display()
        );
        finish_and_check(vm, name);
    }
    for v in (1..=FORMAT_VERSION).filter(|v| *v != FORMAT_VERSION) {
        let old = dir().join(format!("v{v}"));
        let Ok(entries) = std::fs::read_dir(&old) else {
            continue;
        };
        for e in entries.flatten() {
            let bytes = std::fs::read(e.path()).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                snapshot::load(&bytes, limits()).err(),
                Some(SnapshotError::FormatVersion {
                    found: v,
                    expected: FORMAT_VERSION
                }),
                "{}",
                e.path().display()
            );
        }
    }
}

/// Small programs whose dumps seed the snapshot fuzzer (with the programs above).
const SEEDS: &[&str] = &[
    "x = [i * i for i in range(5)]\nd = {'a': x, 'b': (1, 2.5, None)}\ns = {1, 2, 3}\n",
    "def g():\n    for i in range(3):\n        try:\n            yield i\n        finally:\n            pass\nit = g()\nnext(it)\n",
    "class A:\n    def __init__(self):\n        self.v = [1]\nclass B(A, dict):\n    pass\nb = B()\nb['k'] = A()\n",
    "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    err = e\nit = iter({'a': 1, 'b': 2})\nnext(it)\nz = zip('ab', range(9))\n",
    "def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n        return n\n    return inner\nf = outer()\nf()\nbig = 3 ** 100\nfs = frozenset('abc')\n",
];

/// `PYWARD_FUZZ_SEEDS=<dir>` writes seed snapshots for fuzz/fuzz_targets/fuzz_snapshot.rs.
#[test]
fn write_fuzz_seeds() {
    let Some(out) = std::env::var_os("PYWARD_FUZZ_SEEDS") else {
        return;
    };
    let out = PathBuf::from(out);
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{e}"));
    let mut dumps: Vec<(String, Vec<u8>)> = Vec::new();
    for name in PROGRAMS {
        let vm = after_program(name);
        dumps.push(((*name).to_string(), snapshot::dump(&vm).unwrap_or_default()));
    }
    for (i, src) in SEEDS.iter().enumerate() {
        let mut vm = Vm::new(limits());
        run(&mut vm, src, "seed.py");
        dumps.push((format!("seed{i}"), snapshot::dump(&vm).unwrap_or_default()));
    }
    for (name, bytes) in dumps {
        std::fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Tight limits for running whatever a corrupted snapshot turns into.
fn tight() -> Limits {
    Limits {
        max_duration: Some(Duration::from_secs(2)),
        max_fuel: Some(100_000),
        max_memory: 32 << 20,
        max_allocations: 1_000_000,
        max_recursion: 200,
        max_output: 1 << 20,
    }
}

/// Load `bytes`; if that succeeds, the VM must run the continuation without an internal
/// error (a Python exception or a limit is fine: the state may be odd but consistent).
fn load_and_poke(bytes: &[u8], cont: &str) -> Result<(), String> {
    let Ok(mut vm) = snapshot::load(bytes, tight()) else {
        return Ok(());
    };
    let code = pyward::syntax::compile_source(cont, "poke.py", true)
        .map_err(|e| format!("continuation does not compile: {}", e.msg))?;
    match vm.run_module(&code) {
        Err(RunError::Internal(m)) => Err(format!("internal error: {m}")),
        _ => Ok(()),
    }
}

#[test]
fn every_single_byte_corruption_is_safe() {
    let bytes = snapshot::dump(&after_program("gens")).unwrap_or_else(|e| panic!("{e}"));
    let cont = read(&dir().join("programs/gens.cont.py"));
    let mut failures = Vec::new();
    for i in 0..bytes.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut bad = bytes.clone();
            if let Some(b) = bad.get_mut(i) {
                *b ^= flip;
            }
            let r = std::panic::catch_unwind(|| load_and_poke(&bad, &cont));
            match r {
                Ok(Ok(())) => {}
                Ok(Err(m)) => failures.push(format!("byte {i} ^ {flip:#x}: {m}")),
                Err(_) => failures.push(format!("byte {i} ^ {flip:#x}: panic")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
