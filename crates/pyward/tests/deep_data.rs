//! Deeply nested data built iteratively (lists, tuples, dicts far deeper than the recursion
//! limit) and self-referencing containers: repr, str, ==, <, hash, `in`, formatting,
//! json.dumps, copy.deepcopy, sorting and searching end with a clean RecursionError (or the
//! right answer for cycles) on the embedder's ordinary thread stack, with the default
//! recursion limit and with a limit of 100000.

use std::time::Duration;

use pyward::{Limits, Program};

fn run_deep(depth: usize, recursion: usize) {
    let src = include_str!("programs/deep_data.py").replace("DEPTH", &depth.to_string());
    let program = Program::compile(&src, "deep_data.py");
    assert!(program.is_ok(), "{program:?}");
    let Ok(program) = program else { return };
    let limits = Limits {
        max_duration: Some(Duration::from_secs(120)),
        max_memory: 2 << 30,
        max_recursion: recursion,
        ..Limits::default()
    };
    let out = program.run(limits.into(), &mut pyward::no_host);
    assert_eq!(out.error, None, "{}", out.stdout);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.last(), Some(&"done"), "{}", out.stdout);
    let expect_ok = [
        "eq same -> True",
        "self repr -> '[[...]]'",
        "self dict repr -> \"{'self': {...}}\"",
        "self eq -> True",
        "self json !! ValueError Circular reference detected",
        "self deepcopy -> 1",
        "self deepcopy dict -> 1",
        "done",
    ];
    for line in lines {
        assert!(
            line.ends_with(" RecursionError") || expect_ok.contains(&line),
            "unexpected outcome: {line}"
        );
    }
}

#[test]
fn deep_data_with_default_recursion_limit() {
    run_deep(1_000_000, 1000);
}

#[test]
fn deep_data_with_high_recursion_limit() {
    run_deep(300_000, 100_000);
}
