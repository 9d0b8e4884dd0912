//! Compiled code of the bundled Python modules (`PYTHON_MODULES`), shared by every VM in the
//! process, and the names snapshots give it.
//!
//! Each module is compiled once per process, on first import (or when a snapshot names it).
//! Its code objects are numbered in post-order (`snapshot::codes::collect_all`), so a snapshot can
//! store a bundled code as (module, number) instead of the code itself: the code is the same
//! in every process of one pyward build, because the source is built in and the compiler is
//! deterministic. A fingerprint of the module's compiled code goes with each name, so a
//! snapshot from a build whose module or compiler differed is refused rather than resumed in
//! other code. The registry holds every compiled code for the life of the process, so the
//! pointers it is keyed by are never reused.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::Hasher as _;
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::{FxHashMap, FxHasher};

use super::PYTHON_MODULES;
use crate::bytecode::Code;
use crate::exc::{self, PyResult};

#[derive(Default)]
struct Registry {
    /// Module name -> its codes in post-order (the module's top-level code last).
    trees: HashMap<&'static str, Vec<Arc<Code>>>,
    /// Code pointer -> (module name, post-order number).
    names: FxHashMap<usize, (&'static str, u32)>,
    /// Module name -> fingerprint of its compiled code, computed when a snapshot first
    /// needs it.
    fingerprints: HashMap<&'static str, u64>,
}

fn registry() -> &'static Mutex<Registry> {
    static REGISTRY: OnceLock<Mutex<Registry>> = OnceLock::new();
    REGISTRY.get_or_init(|| Mutex::new(Registry::default()))
}

fn key(code: &Arc<Code>) -> usize {
    Arc::as_ptr(code) as usize
}

/// The top-level code of bundled module `name`, compiled on first use in this process.
pub(crate) fn compiled(name: &str) -> PyResult<Arc<Code>> {
    in_tree(name, |codes| codes.last().cloned())?
        .ok_or_else(|| exc::import_error(format!("bundled module {name} has no code")))
}

/// `f` of the codes of bundled module `name` in post-order, compiling it on first use.
fn in_tree<R>(name: &str, f: impl FnOnce(&[Arc<Code>]) -> R) -> PyResult<R> {
    let Some(&(name, src)) = PYTHON_MODULES.iter().find(|(n, _)| *n == name) else {
        return Err(exc::import_error(format!("no bundled module named {name}")));
    };
    let poisoned = || exc::import_error("the bundled module registry is unusable".to_string());
    if let Some(codes) = registry().lock().map_err(|_| poisoned())?.trees.get(name) {
        return Ok(f(codes));
    }
    // Compile outside the lock; if another thread got there first, its tree wins so that
    // each module has exactly one set of codes.
    let root =
        crate::syntax::compile_source(src, &format!("<pyward:{name}>"), false).map_err(|e| {
            exc::import_error(format!("cannot compile bundled module {name}: {}", e.msg))
        })?;
    let codes = crate::snapshot::collect_codes([root]);
    let mut reg = registry().lock().map_err(|_| poisoned())?;
    if !reg.trees.contains_key(name) {
        for (i, c) in codes.iter().enumerate() {
            let n = u32::try_from(i).unwrap_or(u32::MAX);
            reg.names.insert(key(c), (name, n));
        }
        reg.trees.insert(name, codes);
    }
    Ok(f(reg.trees.get(name).map_or(&[], Vec::as_slice)))
}

/// The (module, number, fingerprint) of `code` if it belongs to a bundled module, for
/// snapshots.
pub(crate) fn code_name(code: &Arc<Code>) -> Option<(&'static str, u32, u64)> {
    let (module, n) = registry().lock().ok()?.names.get(&key(code)).copied()?;
    Some((module, n, fingerprint(module)?))
}

/// The code a snapshot names: code number `index` of bundled module `module`, compiling the
/// module if this process has not yet. None for an unknown module or number, or when the
/// module's code differs from the one the snapshot was written with (`fingerprint`).
pub(crate) fn code_named(module: &str, index: u32, fingerprint_then: u64) -> Option<Arc<Code>> {
    let code = in_tree(module, |codes| codes.get(index as usize).cloned())
        .ok()
        .flatten()?;
    (fingerprint(module)? == fingerprint_then).then_some(code)
}

/// A hash of everything in bundled module `module`'s compiled code (its `Debug` form covers
/// every field of every nested code, and holds no hash-ordered maps, so it is the same in
/// every process of one build). Computed once per module and process, outside the lock.
fn fingerprint(module: &str) -> Option<u64> {
    let root = {
        let reg = registry().lock().ok()?;
        let (&name, codes) = reg.trees.get_key_value(module)?;
        if let Some(&f) = reg.fingerprints.get(name) {
            return Some(f);
        }
        codes.last()?.clone()
    };
    let mut hasher = HashWriter(FxHasher::default());
    write!(hasher, "{root:?}").ok()?;
    let f = hasher.0.finish();
    let mut reg = registry().lock().ok()?;
    let (&name, _) = reg.trees.get_key_value(module)?;
    Some(*reg.fingerprints.entry(name).or_insert(f))
}

/// Feeds formatted text to a hasher without building the string.
struct HashWriter(FxHasher);

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}
