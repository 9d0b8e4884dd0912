//! Compiled code of the bundled Python modules (`PYTHON_MODULES`), shared by every VM in the
//! process, and the names snapshots give it.
//!
//! Each module is compiled once per process, on first import (or when a snapshot names it).
//! Its code objects are numbered in post-order (`snapshot::codes::collect`), so a snapshot can
//! store a bundled code as (module, number) instead of the code itself: the code is the same
//! in every process of one pyward version, because the source is built in and the compiler
//! is deterministic, and snapshots only load in the version that wrote them. The registry
//! holds every compiled code for the life of the process, so the pointers it is keyed by are
//! never reused.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap;

use super::PYTHON_MODULES;
use crate::bytecode::Code;
use crate::exc::{self, PyResult};

#[derive(Default)]
struct Registry {
    /// Module name -> its codes in post-order (the module's top-level code last).
    trees: HashMap<&'static str, Vec<Arc<Code>>>,
    /// Code pointer -> (module name, post-order number).
    names: FxHashMap<usize, (&'static str, u32)>,
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

/// The (module, number) of `code` if it belongs to a bundled module, for snapshots.
pub(crate) fn code_name(code: &Arc<Code>) -> Option<(&'static str, u32)> {
    registry().lock().ok()?.names.get(&key(code)).copied()
}

/// The code a snapshot names: code number `index` of bundled module `module`, compiling the
/// module if this process has not yet. None for an unknown module or number.
pub(crate) fn code_named(module: &str, index: u32) -> Option<Arc<Code>> {
    in_tree(module, |codes| codes.get(index as usize).cloned())
        .ok()
        .flatten()
}
