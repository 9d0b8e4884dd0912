//! Arbitrary bytes as Python source, compiled and run under tight limits.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    common::check(&source);
});
