//! No input may panic the interpreter or surface an internal error: every test case, the same
//! cases truncated and mutated (fixed seed), nesting bombs through `Program::compile` and
//! through `eval`/`exec`, and the reproducers the fuzzers found.
//!
//! Panics are caught at the API boundary and reported as `Error::Internal`, so asserting "no
//! internal error" covers both.

#![allow(
    clippy::disallowed_methods,
    reason = "the harness reads case files from disk"
)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use pyward::{Error, LimitKind, Limits, Program};

fn limits() -> Limits {
    Limits {
        max_duration: Some(Duration::from_secs(2)),
        max_fuel: Some(300_000),
        max_memory: 64 << 20,
        max_allocations: 2_000_000,
        max_recursion: 300,
        max_output: 256 << 10,
    }
}

/// Compile and run `source`; the error, if any (compile errors included).
fn run(source: &str) -> Option<Error> {
    match Program::compile(source, "case.py") {
        Ok(p) => p.run(limits().into(), &mut pyward::no_host).error,
        Err(e) => Some(e),
    }
}

fn assert_clean(what: &str, source: &str) {
    let got = run(source);
    let head: String = source.chars().take(300).collect();
    assert!(
        !matches!(got, Some(Error::Internal(_))),
        "{what}: {got:?}\n--- source (head)\n{head}"
    );
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

fn cases() -> Vec<(String, String)> {
    let mut paths = Vec::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases"),
        &mut paths,
    );
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect()
}

/// xorshift64*: a fixed-seed generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n.max(1) as u64)) as usize
    }
}

#[test]
fn every_case_runs_cleanly() {
    let cases = cases();
    assert!(cases.len() > 50, "found only {} cases", cases.len());
    for (name, src) in &cases {
        assert_clean(name, src);
    }
}

#[test]
fn truncated_cases_run_cleanly() {
    for (name, src) in &cases() {
        let bytes = src.as_bytes();
        for k in 1..8 {
            let cut = bytes.len() * k / 8;
            let text = String::from_utf8_lossy(bytes.get(..cut).unwrap_or_default());
            assert_clean(&format!("{name} cut at {cut}"), &text);
        }
    }
}

#[test]
fn mutated_cases_run_cleanly() {
    const TOKENS: &[&[u8]] = &[
        b"(", b")", b"[", b"]", b"{", b"}", b":", b"\n", b"    ", b"\t", b"'", b"\"\"\"", b"\\",
        b"**", b"lambda", b"yield", b"await", b"async ", b"*", b"=", b"@", b"\0", b"\xff", b"f'{",
        b"}'", b"9", b"1e400", b"0x", b"_", b"not ", b"del ", b"return ",
    ];
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    for (name, src) in &cases() {
        for round in 0..6 {
            let mut bytes = src.as_bytes().to_vec();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(bytes.len() + 1);
                match rng.below(4) {
                    0 => {
                        let end = (at + 1 + rng.below(16)).min(bytes.len());
                        if at < end {
                            bytes.drain(at..end);
                        }
                    }
                    1 => {
                        if let Some(b) = bytes.get_mut(at) {
                            *b ^= 1 << rng.below(8);
                        }
                    }
                    2 => {
                        let t = TOKENS.get(rng.below(TOKENS.len())).copied().unwrap_or(b"(");
                        bytes.splice(at..at, t.iter().copied());
                    }
                    _ => {
                        // Duplicate a slice (a line, often): repeated statements and blocks.
                        let end = (at + rng.below(80)).min(bytes.len());
                        let piece = bytes.get(at..end).unwrap_or_default().to_vec();
                        bytes.splice(at..at, piece);
                    }
                }
            }
            let text = String::from_utf8_lossy(&bytes);
            assert_clean(&format!("{name} mutation {round}"), &text);
        }
    }
}

/// The nesting bombs, as source text.
fn bombs() -> Vec<(&'static str, String)> {
    let mut blocks = String::new();
    for i in 0..10_000 {
        blocks.push_str(&" ".repeat(i));
        blocks.push_str("if 1:\n");
    }
    blocks.push_str(&" ".repeat(10_000));
    blocks.push_str("pass\n");
    let mut tabs = String::new();
    for i in 0..10_000 {
        tabs.push_str(&"\t".repeat(i));
        tabs.push_str("while x:\n");
    }
    vec![
        (
            "200000-term sum",
            format!("x = {}1\n", "1+".repeat(200_000)),
        ),
        (
            "200000-term product",
            format!("x = {}1\n", "2*".repeat(200_000)),
        ),
        (
            "100000 parens",
            format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000)),
        ),
        (
            "100000 brackets",
            format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
        ),
        ("100000 unclosed", "{".repeat(100_000)),
        ("100000 unary", format!("x = {}1\n", "-".repeat(100_000))),
        ("100000 not", format!("x = {}1\n", "not ".repeat(100_000))),
        (
            "100000 attribute chain",
            format!("x{}\n", ".a".repeat(100_000)),
        ),
        ("100000 calls", format!("f{}\n", "()".repeat(100_000))),
        ("100000 subscripts", format!("x{}\n", "[0]".repeat(100_000))),
        (
            "50000 lambdas",
            format!("f = {}0\n", "lambda: ".repeat(50_000)),
        ),
        (
            "50000 conditional",
            format!("x = {}0\n", "1 if 1 else ".repeat(50_000)),
        ),
        (
            "50000 comparisons",
            format!("x = {}1\n", "1 < ".repeat(50_000)),
        ),
        ("50000 and", format!("x = {}1\n", "1 and ".repeat(50_000))),
        (
            "50000 fstrings",
            format!("x = {}1{}\n", "f'{".repeat(50_000), "}'".repeat(50_000)),
        ),
        ("10000 nested blocks", blocks),
        ("10000 nested tab blocks", tabs),
        ("100000 statements", "x = 1\n".repeat(100_000)),
        (
            "100000 distinct constants",
            (0..100_000).map(|i| format!("x = 's{i}'\n")).collect(),
        ),
        (
            "100000 elifs",
            format!("if x:\n pass\n{}", "elif x:\n pass\n".repeat(100_000)),
        ),
    ]
}

#[test]
fn nesting_bombs_compile_cleanly() {
    for (what, src) in bombs() {
        let got = run(&src);
        assert!(!matches!(got, Some(Error::Internal(_))), "{what}: {got:?}");
    }
}

#[test]
fn nesting_bombs_through_eval_and_exec_end_cleanly() {
    let programs = [
        "eval('1+' * 200000 + '1')",
        "eval('(' * 100000 + '1' + ')' * 100000)",
        "eval('[' * 100000 + ']' * 100000)",
        "eval('-' * 100000 + '1')",
        "eval('f(' * 100000)",
        "exec(''.join(' ' * i + 'if 1:\\n' for i in range(10000)) + ' ' * 10000 + 'pass\\n')",
        "exec('x = ' + 'lambda: ' * 50000 + '0')",
        "exec('x = 1\\n' * 100000)",
        "compile('1+' * 200000 + '1', 'f', 'eval')",
    ];
    for p in programs {
        let got = run(p);
        assert!(
            matches!(&got, Some(Error::Exception { .. } | Error::Limit(_)) | None),
            "{p}: {got:?}"
        );
        // And in a handler: catching the error and carrying on works.
        let caught = format!(
            "try:\n    {p}\nexcept (SyntaxError, RecursionError, MemoryError, NameError, TypeError):\n    pass\nprint('ok')\n"
        );
        let got = run(&caught);
        assert!(
            matches!(&got, None | Some(Error::Limit(_))),
            "caught {p}: {got:?}"
        );
    }
}

#[test]
fn fuzz_regressions() {
    // A comprehension filter closes its loop with a backward conditional jump, which did
    // not charge fuel: the run went on until the clock stopped it.
    let src =
        "r = range(10000)\nprint(sum(1 for a in r for b in r for c in r if a == b == c == -1))\n";
    let got = run(src);
    assert_eq!(got, Some(Error::Limit(LimitKind::Fuel)), "{src}");
    let src = "print([a for a in range(10**9) if a < 0])\n";
    assert_eq!(run(src), Some(Error::Limit(LimitKind::Fuel)), "{src}");
}

#[test]
fn except_star_over_a_hostile_split_raises_type_errors() {
    // CPython 3.11.7 crashes when an except* clause meets a `split` returning anything but a
    // 2-tuple of exceptions or None; pyward raises TypeError instead.
    let results = [
        ("5", "Bad.split must return a tuple, not int"),
        (
            "(1, 2, 3)",
            "Bad.split must return a 2-tuple, got tuple of size 3",
        ),
        ("[None, None]", "Bad.split must return a tuple, not list"),
        (
            "(ValueError(), 5)",
            "Bad.split must return exceptions or None",
        ),
        ("([], None)", "Bad.split must return exceptions or None"),
    ];
    for (result, want) in results {
        let src = format!(
            "class Bad(ExceptionGroup):\n    def split(self, matcher):\n        return {result}\n\
             try:\n    raise Bad('b', [ValueError(1)])\nexcept* TypeError:\n    raise\n"
        );
        match run(&src) {
            Some(Error::Exception {
                type_name, message, ..
            }) => assert_eq!((type_name.as_str(), message.as_str()), ("TypeError", want)),
            other => panic!("{result}: {other:?}"),
        }
    }
}

#[test]
fn deeply_nested_exception_groups_end_cleanly() {
    // Splitting recurses over the nesting (RecursionError past the limit); printing stops
    // at CPython's depth of 10.
    let src = "g = ValueError(0)\nfor i in range(20000):\n    g = ExceptionGroup('d', [g, TypeError(i)])\n\
               for f in (lambda: g.split(ValueError), lambda: g.subgroup(lambda e: False), repr):\n    \
               try:\n        f(g) if f is repr else f()\n    except RecursionError:\n        pass\n\
               try:\n    raise g\nexcept* ValueError:\n    pass\n";
    match run(src) {
        Some(Error::Exception {
            type_name,
            traceback,
            ..
        }) => {
            assert_eq!(type_name, "RecursionError");
            assert!(traceback.len() < 100_000, "{} bytes", traceback.len());
        }
        other => panic!("{other:?}"),
    }
    let src =
        "g = ValueError(0)\nfor i in range(20000):\n    g = ExceptionGroup('d', [g])\nraise g\n";
    match run(src) {
        Some(Error::Exception { traceback, .. }) => {
            assert!(
                traceback.contains("... (max_group_depth is 10)"),
                "{traceback}"
            );
        }
        other => panic!("{other:?}"),
    }
}
