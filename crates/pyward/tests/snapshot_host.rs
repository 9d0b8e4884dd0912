//! Snapshots of paused runs and sessions through the embedder API: every pause dumped and
//! loaded before it resumes, forks, sessions, and a paused run resumed in another process
//! (this test binary, re-run with `PYWARD_SNAPSHOT_CHILD` set).

#![allow(
    clippy::disallowed_methods,
    clippy::disallowed_types,
    reason = "the cross-process test writes the snapshot to a file and runs a child process"
)]
#![allow(clippy::panic, reason = "test helpers fail the test by panicking")]
#![allow(clippy::print_stdout, reason = "the child process reports its outcome")]

use std::time::Duration;

use pyward::{
    Data, Error, HostFunction, Limits, Outcome, Paused, Program, RunOptions, Session, SessionStep,
    Step,
};

/// A pause deep inside a generator, a comprehension, a `with` block and a method call.
const DEEP: &str = "
def gen():
    for i in range(4):
        try:
            yield fetch(i)
        except KeyError:
            yield -1
class Box:
    def get(self):
        with open_ctx() as c:
            return [x for x in gen()] + [c]
import contextlib
@contextlib.contextmanager
def open_ctx():
    print('enter')
    yield 'ctx'
    print('exit')
d = {'k': [1, 2]}
it = iter(d)
print('before', next(it))
Box().get()";

fn limits() -> Limits {
    Limits {
        max_duration: Some(Duration::from_secs(30)),
        ..Limits::default()
    }
}

fn options() -> RunOptions {
    RunOptions::new()
        .limits(limits())
        .function(HostFunction::new("fetch").signature("(i)"))
}

fn program() -> Program {
    Program::compile(DEEP, "deep.py").unwrap_or_else(|e| panic!("{e}"))
}

/// The answer to `fetch(i)`: `i * i`, except a KeyError for 2.
fn answer(p: &Paused) -> Vec<(u64, Result<Data, pyward::HostError>)> {
    let call = &p.calls()[0];
    let Data::Int(i) = call.args[0] else {
        panic!("unexpected call {call:?}")
    };
    let r = if i == 2 {
        Err(pyward::HostError::new("KeyError", "no 2"))
    } else {
        Ok(Data::Int(i * i))
    };
    vec![(call.id, r)]
}

/// Run to the end, optionally round-tripping every pause through a snapshot first.
fn run(through_snapshots: bool) -> Outcome {
    let mut step = program().start(options());
    loop {
        match step {
            Step::Done(o) => return o,
            Step::Paused(p) => {
                let p = if through_snapshots {
                    let bytes = p.dump().unwrap_or_else(|e| panic!("dump: {e}"));
                    drop(p);
                    Paused::load(&bytes, limits()).unwrap_or_else(|e| panic!("load: {e}"))
                } else {
                    p
                };
                let a = answer(&p);
                step = p.resume(a);
            }
        }
    }
}

#[test]
fn every_pause_survives_a_dump_and_load() {
    let plain = run(false);
    assert!(plain.error.is_none(), "{:?}", plain.error);
    assert_eq!(plain.stdout, "before k\nenter\nexit\n");
    assert_eq!(
        plain.result,
        Some(Data::List(vec![
            Data::Int(0),
            Data::Int(1),
            Data::Int(-1),
            Data::Int(9),
            Data::Str("ctx".into())
        ]))
    );
    let snapped = run(true);
    assert_eq!(snapped.error, None);
    assert_eq!(snapped.stdout, plain.stdout);
    assert_eq!(snapped.result, plain.result);
}

/// A pause inside `__add__` called by an operator (a frame the dispatch loop runs
/// with the operands kept below it, falling back to `__radd__`): dumped, loaded and resumed.
#[test]
fn a_pause_inside_an_operator_dunder_survives_a_dump_and_load() {
    let source = "
class Acc:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, Skip):
            return NotImplemented
        return Acc(self.v + fetch(other))
class Skip:
    def __radd__(self, acc):
        return Acc(acc.v + 1000)
a = Acc(0)
for i in range(3):
    a = a + i
a = a + Skip()
(a + 1).v";
    let program = Program::compile(source, "ops.py").unwrap_or_else(|e| panic!("{e}"));
    let mut step = program.start(options());
    let mut pauses = 0;
    let outcome = loop {
        match step {
            Step::Done(o) => break o,
            Step::Paused(p) => {
                pauses += 1;
                let bytes = p.dump().unwrap_or_else(|e| panic!("dump: {e}"));
                drop(p);
                let p = Paused::load(&bytes, limits()).unwrap_or_else(|e| panic!("load: {e}"));
                let call = &p.calls()[0];
                let (id, Data::Int(i)) = (call.id, &call.args[0]) else {
                    panic!("unexpected call {call:?}")
                };
                let answer = vec![(id, Ok(Data::Int(i * 10)))];
                step = p.resume(answer);
            }
        }
    };
    assert_eq!(outcome.error, None);
    // 0 + 10 + 20 + 1000 (Skip's __radd__) + 10
    assert_eq!(outcome.result, Some(Data::Int(1040)));
    assert_eq!(pauses, 4);
}

#[test]
fn a_paused_snapshot_forks() {
    let Step::Paused(p) = program().start(options()) else {
        panic!("no pause")
    };
    let bytes = p.dump().unwrap_or_else(|e| panic!("{e}"));
    let mut results = Vec::new();
    for first in [10, 20] {
        let mut p = Paused::load(&bytes, limits()).unwrap_or_else(|e| panic!("{e}"));
        let id = p.calls()[0].id;
        let mut step = p.resume(vec![(id, Ok(Data::Int(first)))]);
        let out = loop {
            match step {
                Step::Done(o) => break o,
                Step::Paused(next) => {
                    p = next;
                    let a = answer(&p);
                    step = p.resume(a);
                }
            }
        };
        results.push(out.result);
    }
    assert_ne!(results[0], results[1]);
    assert!(matches!(&results[0], Some(Data::List(v)) if v.first() == Some(&Data::Int(10))));
}

#[test]
fn an_idle_session_restores_its_globals() {
    let mut s = Session::new(RunOptions::new().limits(limits())).unwrap_or_else(|e| panic!("{e}"));
    let out = match s.start("import json\nclass P:\n    def __init__(self, v):\n        self.v = v\ndef f(x):\n    return P(x * 2)\nitems = [f(i) for i in range(3)]\ng = (p.v for p in items)\nnext(g)") {
        SessionStep::Done(o) => o,
        SessionStep::Paused(_) => panic!("paused"),
    };
    assert!(out.error.is_none(), "{:?}", out.error);
    let bytes = s.dump().unwrap_or_else(|e| panic!("{e}"));
    let mut restored = Session::load(&bytes, limits()).unwrap_or_else(|e| panic!("{e}"));
    let out = match restored.start("print(json.dumps([p.v for p in items]), list(g), f(5).v)") {
        SessionStep::Done(o) => o,
        SessionStep::Paused(_) => panic!("paused"),
    };
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(out.stdout, "[0, 2, 4] [2, 4] 10\n");
}

#[test]
fn corrupted_paused_snapshots_are_refused_or_safe() {
    let Step::Paused(p) = program().start(options()) else {
        panic!("no pause")
    };
    let bytes = p.dump().unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        Paused::load(&bytes[..bytes.len() / 2], limits()),
        Err(Error::Snapshot(_))
    ));
    for i in (0..bytes.len()).step_by(7) {
        let mut bad = bytes.clone();
        bad[i] ^= 0x41;
        if let Ok(p) = Paused::load(&bad, limits()) {
            if p.calls().is_empty() {
                continue;
            }
            let a = vec![(p.calls()[0].id, Ok(Data::Int(1)))];
            let mut step = p.resume(a);
            // Run on with fixed answers; whatever happens must not be an internal error.
            for _ in 0..10 {
                match step {
                    Step::Done(o) => {
                        assert!(
                            !matches!(o.error, Some(Error::Internal(_))),
                            "byte {i}: {:?}",
                            o.error
                        );
                        break;
                    }
                    Step::Paused(p) => {
                        let Some(id) = p.calls().first().map(|c| c.id) else {
                            break;
                        };
                        step = p.resume(vec![(id, Ok(Data::Int(1)))]);
                    }
                }
            }
        }
    }
}

/// Parent: pause, dump to a file, resume in a child process (this binary running only
/// `child_resumes_a_snapshot`), and check what the child printed.
#[test]
fn a_paused_run_resumes_in_another_process() {
    let Step::Paused(p) = program().start(options()) else {
        panic!("no pause")
    };
    let bytes = p.dump().unwrap_or_else(|e| panic!("{e}"));
    let path = std::env::temp_dir().join(format!("pyward-snap-{}.bin", std::process::id()));
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let out = std::process::Command::new(exe)
        .args([
            "--exact",
            "child_resumes_a_snapshot",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("PYWARD_SNAPSHOT_CHILD", &path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_file(&path);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "child failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plain = run(false);
    let want = format!("CHILD stdout={:?} result={:?}", plain.stdout, plain.result);
    assert!(
        stdout.contains(&want),
        "child printed:\n{stdout}\nwanted: {want}"
    );
}

/// The child half: does nothing unless `PYWARD_SNAPSHOT_CHILD` names a snapshot file.
#[test]
fn child_resumes_a_snapshot() {
    let Some(path) = std::env::var_os("PYWARD_SNAPSHOT_CHILD") else {
        return;
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{e}"));
    let mut p = Paused::load(&bytes, limits()).unwrap_or_else(|e| panic!("{e}"));
    let out = loop {
        let a = answer(&p);
        match p.resume(a) {
            Step::Done(o) => break o,
            Step::Paused(next) => p = next,
        }
    };
    println!("CHILD stdout={:?} result={:?}", out.stdout, out.result);
}
