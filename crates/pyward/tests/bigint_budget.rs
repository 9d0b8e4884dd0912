//! Single big-integer operations that cannot be interrupted are refused before they run:
//! with the duration limit when their estimated cost exceeds the time left, with the memory
//! limit when their intermediates cannot fit. Ordinary big arithmetic still works.

#![allow(
    clippy::disallowed_methods,
    reason = "the test measures how long a refusal takes"
)]

use std::time::{Duration, Instant};

use pyward::{Error, LimitKind, Limits, Program};

fn run(source: &str, secs: u64, memory: usize) -> (Option<Error>, Duration, String) {
    let started = Instant::now();
    let program = match Program::compile(source, "bigint.py") {
        Ok(p) => p,
        Err(e) => return (Some(e), started.elapsed(), String::new()),
    };
    let limits = Limits {
        max_duration: Some(Duration::from_secs(secs)),
        max_memory: memory,
        ..Limits::default()
    };
    let out = program.run(limits.into(), &mut pyward::no_host);
    (out.error, started.elapsed(), out.stdout)
}

fn assert_limit(source: &str, secs: u64, memory: usize, kind: LimitKind) {
    let (err, took, _) = run(source, secs, memory);
    assert_eq!(err, Some(Error::Limit(kind)), "{source:?}");
    // Refused up front, not after running past the deadline.
    assert!(
        took < Duration::from_secs(secs + 2),
        "{source:?} took {took:?}"
    );
}

#[test]
fn huge_power_is_refused_by_time() {
    assert_limit("x = 3 ** (10 ** 8)", 1, 256 << 20, LimitKind::Duration);
}

#[test]
fn huge_power_is_refused_by_memory() {
    assert_limit("x = 10 ** 10 ** 8", 5, 64 << 20, LimitKind::Memory);
}

#[test]
fn huge_product_is_refused_by_time() {
    let src = "x = 1 << (10 ** 8)\ny = x - 1\nz = y * y";
    assert_limit(src, 1, 256 << 20, LimitKind::Duration);
}

#[test]
fn huge_division_is_refused_by_time() {
    let src = "x = (1 << (2 * 10 ** 8)) - 1\ny = (1 << 10 ** 8) - 3\nq = x // y";
    assert_limit(src, 1, 512 << 20, LimitKind::Duration);
    let src = "x = (1 << (2 * 10 ** 8)) - 1\ny = (1 << 10 ** 8) - 3\nq = divmod(x, y)";
    assert_limit(src, 1, 512 << 20, LimitKind::Duration);
}

#[test]
fn huge_modpow_is_refused_by_time() {
    let src = "m = (1 << 10 ** 6) - 1\nx = pow(3, m, m)";
    assert_limit(src, 1, 256 << 20, LimitKind::Duration);
}

#[test]
fn loop_of_medium_products_keeps_the_deadline() {
    // Each product is below the per-operation check but the loop must still stop in time.
    let src = "x = (1 << 20000) - 1\nwhile True:\n    y = x * x\n";
    assert_limit(src, 1, 256 << 20, LimitKind::Duration);
}

#[test]
fn ordinary_big_arithmetic_still_works() {
    let src = "x = 3 ** 100000\ny = x * x\nq, r = divmod(y, x + 1)\n\
               print(y % 1000, q.bit_length(), pow(3, 10 ** 5, 10 ** 9 + 7))";
    let (err, _, out) = run(src, 30, 256 << 20);
    assert_eq!(err, None);
    assert_eq!(out, "1 158497 916902199\n");
}
