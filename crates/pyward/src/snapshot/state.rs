//! The serialized state: which `Vm` fields are stored, which are rebuilt, and in what order.
//!
//! `StateOut` (borrowing, for `dump`) and `StateIn` (owned, for `load`) must list the same
//! fields with the same encodings in the same order; the round-trip tests catch a mismatch.
//! Both sides destructure or build `Vm` without `..`, so a new `Vm` field does not compile
//! until it is stored here or explicitly rebuilt.
//!
//! The heap's object table, encoded by hand (`objects.rs`), comes first, and the state after
//! it. The encoder writes the objects first so that the code table can be gathered from the
//! codes they refer to (`EncodeGuard::open`) instead of a scan of every slot. The decoder
//! locates the table's parts, decodes the state (code table first, so every later
//! `Arc<Code>` can refer to it), then the objects, which need the state's free list and
//! budgets and refer to the code table too.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::codes::{self, CodeTable, CodeTableOut, DecodeGuard, EncodeGuard};
use super::{SnapshotError, malformed, objects, validate};
use crate::bytecode::Code;
use crate::heap::{Account, Heap};
use crate::host::limits::Limits;
use crate::host::policy::Clock;
use crate::types::object::Object;
use crate::value::{ObjId, Value};
use crate::vm::cache::Cache;
use crate::vm::{Frame, HostState, Output, Vm};

/// Budget usage of the current run; counted against the limits given on load.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub(super) struct Usage {
    /// Time the current run has used so far.
    pub duration_used_nanos: u64,
    /// Fuel the current run has used so far.
    pub fuel_used: u64,
    /// Allocations made so far.
    pub allocations: u64,
    /// Peak live heap bytes so far.
    pub peak_bytes: u64,
    /// Calls and backward jumps since the run started (the clock is read every 1024).
    pub ticks: u32,
    /// Estimated cheap native work since the last clock check.
    pub native_cost_ns: f64,
    /// Virtual time slept (`time.sleep`).
    pub sleep_offset_nanos: u64,
    /// The program's own recursion limit (`sys.setrecursionlimit`), capped on load by the
    /// given `max_recursion`.
    pub recursion_limit: u64,
    /// Bytes of output written so far.
    pub output_written: u64,
}

/// GC pacing, stored so collections (and so id reuse) happen where they would have.
#[derive(Serialize, Deserialize, Clone, Copy, Debug)]
pub(super) struct GcPacing {
    pub since_gc: u64,
    pub gc_threshold: u64,
}

#[derive(Serialize)]
struct StateOut<'a> {
    codes: CodeTableOut<'a>,
    free: &'a [u32],
    gc: GcPacing,
    frames: &'a [Frame],
    stack: &'a [Value],
    handled: Value,
    result: Value,
    globals: Value,
    stdout_obj: Value,
    stderr_obj: Value,
    modules_dict: Value,
    interned: Vec<ObjId>,
    small_strs: &'a [Value],
    modules: Vec<(&'a str, Value)>,
    usage: Usage,
    stdout: &'a str,
    stderr: &'a str,
    host: &'a HostState,
}

/// The decoded state, before validation.
#[derive(Deserialize)]
pub(super) struct StateIn {
    /// Read first, into the decode table that later `Arc<Code>` fields refer to.
    #[serde(rename = "codes")]
    pub _codes: CodeTable,
    pub free: Vec<u32>,
    pub gc: GcPacing,
    pub frames: Vec<Frame>,
    pub stack: Vec<Value>,
    pub handled: Value,
    pub result: Value,
    pub globals: Value,
    pub stdout_obj: Value,
    pub stderr_obj: Value,
    pub modules_dict: Value,
    pub interned: Vec<ObjId>,
    pub small_strs: Vec<Value>,
    pub modules: Vec<(String, Value)>,
    pub usage: Usage,
    pub stdout: String,
    pub stderr: String,
    pub host: HostState,
}

fn to_u64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// Append the encoded state of `vm` to `out` (which holds the header).
pub(super) fn encode(vm: &Vm, out: Vec<u8>) -> Result<Vec<u8>, SnapshotError> {
    let Vm {
        heap,
        frames,
        stack,
        handled,
        limits,
        clock: _,
        deadline_nanos: _,
        slice_start_nanos: _,
        ran_nanos,
        fuel_left,
        fuel_start,
        ticks,
        native_cost_ns,
        out: output,
        interned,
        code_cache: _,
        names: _,
        code_ops: _,
        icache: _,
        cache_epoch: _,
        modules,
        attr_cache: _,
        result,
        native_depth,
        data_depth: _,
        repr_stack,
        temp_roots,
        globals,
        err_out,
        stderr_obj,
        small_strs,
        stdout_obj,
        modules_dict,
        recursion_cap: _,
        sleep_offset_nanos,
        host,
    } = vm;
    if *native_depth > 0 || !temp_roots.is_empty() || !repr_stack.is_empty() {
        return Err(SnapshotError::NotSuspendable(
            "native code is running (a callback or a host call under a native frame)",
        ));
    }
    // Every code an object refers to joins the code table as the objects are written; the
    // session snippet's nested codes are referred to from the state, so they join before
    // the table is written.
    let guard = EncodeGuard::open();
    let out = objects::encode(heap, out)?;
    if let Some(snippet) = &host.snippet {
        guard.add(snippet);
    }
    let code_table = guard.close();
    let (free, since_gc, gc_threshold) = heap.free_list();
    let mut interned: Vec<ObjId> = interned.values().copied().collect();
    interned.sort_unstable();
    let mut modules: Vec<(&str, Value)> = modules.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    modules.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let fuel_used = fuel_start.saturating_sub(fuel_left.unwrap_or(*fuel_start));
    let state = StateOut {
        codes: CodeTableOut(&code_table),
        free,
        gc: GcPacing {
            since_gc: to_u64(since_gc),
            gc_threshold: to_u64(gc_threshold),
        },
        frames,
        stack,
        handled: *handled,
        result: *result,
        globals: *globals,
        stdout_obj: *stdout_obj,
        stderr_obj: *stderr_obj,
        modules_dict: *modules_dict,
        interned,
        small_strs,
        modules,
        usage: Usage {
            // Recorded when the run paused (`Vm::pause_budget`); time paused is not charged.
            duration_used_nanos: *ran_nanos,
            fuel_used,
            allocations: heap.account.allocations,
            peak_bytes: to_u64(heap.account.peak_bytes),
            ticks: *ticks,
            native_cost_ns: *native_cost_ns,
            sleep_offset_nanos: *sleep_offset_nanos,
            recursion_limit: to_u64(limits.max_recursion),
            output_written: to_u64(output.written),
        },
        stdout: &output.captured,
        stderr: err_out,
        host,
    };
    postcard::to_extend(&state, out).map_err(|e| malformed(format!("cannot encode: {e}")))
}

/// Decode, validate and rebuild a VM.
pub(super) fn decode(
    payload: &[u8],
    limits: Limits,
    clock: Box<dyn Clock>,
) -> Result<Vm, SnapshotError> {
    let (state, heap, others) = {
        let _guard = DecodeGuard::new();
        let (table, state_bytes) = objects::locate(payload)?;
        let (mut state, rest) = postcard::take_from_bytes::<StateIn>(state_bytes).map_err(|e| {
            match codes::take_stale_module() {
                Some(m) => malformed(format!(
                    "the snapshot's bundled module {m} differs from this build's (written by \
                     another build of pyward)"
                )),
                None => malformed(format!("cannot decode: {e}")),
            }
        })?;
        if !rest.is_empty() {
            return Err(malformed("trailing bytes after the state"));
        }
        let mut account = Account::new(limits.max_memory, limits.max_allocations);
        account.allocations = state.usage.allocations;
        let free = std::mem::take(&mut state.free);
        let gc = state.gc;
        let (heap, others) = objects::decode(table, |n| {
            Heap::restoring(
                n,
                free,
                to_usize(gc.since_gc),
                to_usize(gc.gc_threshold),
                account,
            )
        })?;
        (state, heap, others)
    };
    validate::check(&state, &heap, &others)?;
    build(state, heap, &others, limits, clock)
}

/// Turn validated state into a VM under `limits`, rebuilding the caches. `others` are the
/// ids of the objects of rare kinds (`objects::decode`), among them every code object.
fn build(
    state: StateIn,
    mut heap: Heap,
    others: &[u32],
    limits: Limits,
    clock: Box<dyn Clock>,
) -> Result<Vm, SnapshotError> {
    let StateIn {
        _codes: _,
        free: _,
        gc: _,
        frames,
        stack,
        handled,
        result,
        globals,
        stdout_obj,
        stderr_obj,
        modules_dict,
        interned,
        small_strs,
        modules,
        usage,
        stdout,
        stderr,
        host,
    } = state;
    heap.account.peak_bytes = heap.account.live_bytes.max(to_usize(usage.peak_bytes));
    let mut interned_map = FxHashMap::default();
    let mut code_cache = FxHashMap::default();
    for &id in &interned {
        if let Object::Str(s) = heap.get(id) {
            interned_map.insert(s.s.as_str().to_owned(), id);
        }
    }
    // The instruction arena: every code's ops at its `ops_base` (validated contiguous).
    let mut loaded: Vec<(u32, ObjId, Arc<Code>)> = Vec::new();
    for &i in others {
        let id = ObjId(i);
        if let Object::CodeRt(c) = heap.get(id) {
            code_cache.insert(Arc::as_ptr(&c.code) as usize, Value::Obj(id));
            loaded.push((c.ops_base, id, c.code.clone()));
        }
    }
    loaded.sort_unstable_by_key(|(base, ..)| *base);
    let mut code_ops = Vec::new();
    for (_, _, code) in &loaded {
        code_ops.extend_from_slice(&code.ops);
    }
    let icache = vec![Cache::Empty; code_ops.len()];
    let recursion_cap = limits.max_recursion;
    let mut limits = limits;
    limits.max_recursion = to_usize(usage.recursion_limit).min(recursion_cap);
    let mut vm = Vm {
        heap,
        frames,
        stack,
        handled,
        clock,
        deadline_nanos: None,
        slice_start_nanos: 0,
        ran_nanos: usage.duration_used_nanos,
        fuel_left: Some(
            limits
                .max_fuel
                .unwrap_or(u64::MAX)
                .saturating_sub(usage.fuel_used),
        ),
        fuel_start: limits.max_fuel.unwrap_or(u64::MAX),
        ticks: usage.ticks,
        native_cost_ns: usage.native_cost_ns,
        out: Output {
            captured: stdout,
            callback: None,
            written: to_usize(usage.output_written),
            max: limits.max_output,
        },
        interned: interned_map,
        code_cache,
        // Derived: interned again on first use.
        names: crate::vm::cache::Names::empty(),
        code_ops,
        icache,
        cache_epoch: 0,
        modules: modules.into_iter().collect(),
        attr_cache: FxHashMap::default(),
        result,
        native_depth: 0,
        data_depth: 0,
        repr_stack: Vec::new(),
        temp_roots: Vec::new(),
        globals,
        err_out: stderr,
        stderr_obj,
        small_strs,
        stdout_obj,
        modules_dict,
        recursion_cap,
        sleep_offset_nanos: usage.sleep_offset_nanos,
        limits,
        host,
    };
    // The deadline is what the run had left, from this process's clock.
    vm.resume_budget();
    Ok(vm)
}
