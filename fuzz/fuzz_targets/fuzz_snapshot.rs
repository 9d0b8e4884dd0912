//! Mutated snapshots: loading must never panic, and a VM that loads must run a probe over
//! everything it holds without an internal error, under tight limits, and dump again.
//! Seeds: `PYWARD_FUZZ_SEEDS=fuzz/corpus/fuzz_snapshot cargo test --test snapshot` writes
//! dumps of the snapshot test programs there.
#![no_main]

mod common;

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use pyward::bytecode::Code;
use pyward::exc::RunError;

/// Touch every global: repr it, advance iterators and generators, call callables.
const PROBE: &str = r#"
for __k, __v in list(globals().items()):
    try:
        repr(__v)
        if hasattr(__v, "__next__"):
            for __i in range(3):
                next(__v)
        elif callable(__v):
            __v()
        elif hasattr(__v, "__iter__"):
            list(__v)
    except BaseException as __e:
        repr(__e)
"#;

fn probe() -> Option<&'static Arc<Code>> {
    static PROBE_CODE: OnceLock<Option<Arc<Code>>> = OnceLock::new();
    PROBE_CODE
        .get_or_init(|| pyward::syntax::compile_source(PROBE, "probe.py", true).ok())
        .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Ok(mut vm) = pyward::snapshot::load(data, common::limits()) else {
        return;
    };
    let Some(code) = probe() else {
        panic!("the probe does not compile");
    };
    if let Err(RunError::Internal(m)) = vm.run_module(code) {
        panic!("internal error after loading a snapshot: {m}");
    }
    if let Err(e) = pyward::snapshot::dump(&vm) {
        panic!("a loaded VM does not dump again: {e}");
    }
});
