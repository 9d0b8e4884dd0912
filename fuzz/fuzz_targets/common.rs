//! Shared by the fuzz targets: run a source under tight limits and flag real failures.

use std::time::Duration;

use pyward::{Error, Limits, Program};

/// Tight limits: one second, 16 MB, bounded fuel, output and depth.
pub fn limits() -> Limits {
    Limits {
        max_duration: Some(Duration::from_secs(1)),
        max_fuel: Some(200_000),
        max_memory: 16 << 20,
        max_allocations: 1_000_000,
        max_recursion: 200,
        max_output: 64 << 10,
    }
}

/// Compile and run `source`; an internal error is a bug (panics are caught at the API
/// boundary and come back as `Error::Internal`, so they fail here too).
pub fn check(source: &str) {
    let program = match Program::compile(source, "fuzz.py") {
        Ok(p) => p,
        Err(Error::Internal(m)) => panic!("internal error while compiling: {m}"),
        Err(_) => return,
    };
    let out = program.run(limits().into(), &mut pyward::no_host);
    if let Some(Error::Internal(m)) = out.error {
        panic!("internal error while running: {m}");
    }
}
