//! The virtual machine: heap, frames, the value stack and the run state.
//!
//! Python frames live in `frames` (heap data, not the Rust stack): a Python call pushes a
//! `Frame` and the dispatch loop continues. Native code that calls back into Python
//! (`Vm::call`) runs a nested dispatch loop until that frame returns; `native_depth` bounds
//! this re-entry so it cannot exhaust the Rust stack. GC runs only at safe points in the
//! loop with `native_depth == 0`, when every live value is reachable from the roots.

pub(crate) mod cache;
mod call;
mod coro;
mod coro_ops;
mod dispatch;
mod frame;
mod generator;
pub mod host_call;
pub mod ops;
mod suggest;
mod traceback;
mod unwind;

use std::sync::Arc;

use rustc_hash::FxHashMap;

pub use call::Args;
pub use frame::{ExitAction, Frame};
pub(crate) use host_call::line_of;
pub use host_call::{HostMode, HostState};
pub(crate) use traceback::{Style, caret_line};

use crate::bytecode::{Code, Const, Op};
use crate::exc::{PyResult, RunError};
use crate::heap::{Account, Heap, LimitKind};
use crate::host::limits::Limits;
use crate::host::policy::{Clock, RealClock};
use crate::types::dict::Dict;
use crate::types::function::CodeRt;
use crate::types::object::Object;
use crate::types::str::IntoText;
use crate::types::str::Str;
use crate::value::{ObjId, Value};

/// How deep native code may re-enter the dispatch loop (`sorted(key=...)` inside a key
/// function inside ...). Python frames already count against the recursion limit; this is a
/// backstop. Re-entry grows the Rust stack on demand (`stacker`), so depth costs heap.
pub const MAX_NATIVE_DEPTH: usize = 20_000;

/// Grow the Rust stack when less than this remains before a re-entrant call.
pub(crate) const STACK_RED_ZONE: usize = 256 * 1024;
/// Size of each extra stack segment.
pub(crate) const STACK_SEGMENT: usize = 4 << 20;

/// Where printed output goes.
pub struct Output {
    /// Captured text when no callback is set.
    pub captured: String,
    /// Streaming callback.
    pub callback: Option<Box<dyn FnMut(&str) + Send>>,
    /// Bytes written so far.
    pub written: usize,
    /// The limit on `written`.
    pub max: usize,
}

impl Output {
    fn new(max: usize) -> Output {
        Output {
            captured: String::new(),
            callback: None,
            written: 0,
            max,
        }
    }
}

/// The interpreter state for one run or session.
pub struct Vm {
    /// The object heap.
    pub heap: Heap,
    pub(crate) frames: Vec<Frame>,
    pub(crate) stack: Vec<Value>,
    /// The exception being handled (`sys.exc_info()`), or None.
    pub(crate) handled: Value,
    pub(crate) limits: Limits,
    /// The host's monotonic clock: the duration budget, and the sandbox's clock under
    /// `ClockPolicy::Real`.
    pub(crate) clock: Box<dyn Clock>,
    pub(crate) deadline_nanos: Option<u64>,
    /// Budget clock reading when the current slice of running began (a run pauses for host
    /// calls; time paused is not charged).
    pub(crate) slice_start_nanos: u64,
    /// Running time charged in earlier slices of this run.
    pub(crate) ran_nanos: u64,
    pub(crate) fuel_left: Option<u64>,
    /// Fuel at the start of the run (`u64::MAX` when unlimited), for `fuel_used`.
    pub(crate) fuel_start: u64,
    pub(crate) ticks: u32,
    /// Estimated nanoseconds of cheap native work since the last clock check.
    pub(crate) native_cost_ns: f64,
    /// Printed output.
    pub out: Output,
    pub(crate) interned: FxHashMap<String, ObjId>,
    pub(crate) code_cache: FxHashMap<usize, Value>,
    /// The instructions of every loaded code object, end to end in load order; each
    /// `CodeRt::ops_base` says where its code starts. The loop fetches from here, so a frame
    /// switch copies an offset instead of cloning an `Arc<Code>`. Plain data, derived from
    /// the loaded codes.
    pub(crate) code_ops: Vec<Op>,
    /// Inline caches, one per instruction of `code_ops` (vm/cache.rs).
    pub(crate) icache: Vec<cache::Cache>,
    /// Moves whenever cached ids or class lookups may have gone stale (vm/cache.rs).
    pub(crate) cache_epoch: u64,
    /// Interned names the VM itself looks up.
    pub(crate) names: cache::Names,
    pub(crate) modules: FxHashMap<String, Value>,
    /// MRO lookups: (class, interned name) -> attribute. Cleared when any class namespace
    /// changes and at every collection (ids may be reused).
    pub(crate) attr_cache: FxHashMap<(ObjId, ObjId), Option<Value>>,
    /// The value of the last top-level expression statement.
    pub result: Value,
    pub(crate) native_depth: usize,
    /// Depth of Rust-side structural recursion (repr, ==, hash).
    pub(crate) data_depth: usize,
    /// Containers whose repr is in progress (cycle detection).
    pub(crate) repr_stack: Vec<ObjId>,
    /// Extra GC roots held by native code across callbacks.
    pub(crate) temp_roots: Vec<Value>,
    /// The module globals dict of the main program.
    pub globals: Value,
    /// Text written to the sandbox's stderr.
    pub err_out: String,
    /// The `sys.stderr` object, once `sys` is imported.
    pub(crate) stderr_obj: Value,
    /// Shared one-character Latin-1 strings (index = code point) and the empty string (256);
    /// empty until the first such string (a fresh VM allocates as little as it can).
    pub(crate) small_strs: Vec<Value>,
    /// The original `sys.stdout` object, once `sys` is imported.
    pub(crate) stdout_obj: Value,
    /// `sys.modules`, once `sys` is imported; kept in step with `modules`.
    pub(crate) modules_dict: Value,
    /// The embedder's recursion ceiling: `sys.setrecursionlimit` may lower
    /// `limits.max_recursion` and raise it again, never above this.
    pub(crate) recursion_cap: usize,
    /// Virtual time added by `time.sleep`, so sleeping never blocks the host thread.
    pub(crate) sleep_offset_nanos: u64,
    /// The embedder interface: host functions, pending calls, OS policy, sources.
    pub host: HostState,
}

impl Vm {
    /// A fresh VM with the given limits and a real clock.
    pub fn new(limits: Limits) -> Vm {
        let account = Account::new(limits.max_memory, limits.max_allocations);
        let max_output = limits.max_output;
        let mut vm = Vm {
            heap: Heap::new(account),
            frames: Vec::new(),
            stack: Vec::with_capacity(64),
            handled: Value::None,
            limits,
            clock: Box::new(RealClock::new()),
            deadline_nanos: None,
            slice_start_nanos: 0,
            ran_nanos: 0,
            fuel_left: None,
            fuel_start: u64::MAX,
            ticks: 0,
            native_cost_ns: 0.0,
            out: Output::new(max_output),
            interned: FxHashMap::default(),
            code_cache: FxHashMap::default(),
            code_ops: Vec::new(),
            icache: Vec::new(),
            cache_epoch: 0,
            names: cache::Names::empty(),
            modules: FxHashMap::default(),
            attr_cache: FxHashMap::default(),
            result: Value::None,
            native_depth: 0,
            data_depth: 0,
            repr_stack: Vec::new(),
            temp_roots: Vec::new(),
            globals: Value::None,
            err_out: String::new(),
            stderr_obj: Value::None,
            small_strs: Vec::new(),
            stdout_obj: Value::None,
            modules_dict: Value::None,
            recursion_cap: 0,
            sleep_offset_nanos: 0,
            host: HostState::default(),
        };
        vm.recursion_cap = vm.limits.max_recursion;
        vm.globals = vm
            .heap
            .alloc_value(Object::Dict(Dict::new()))
            .unwrap_or(Value::None);
        if let Ok(name) = vm.intern("__name__") {
            let main = vm.new_str("__main__").unwrap_or(Value::None);
            let _ = vm.dict_set(vm.globals, name, main);
        }
        vm
    }

    /// The names the VM itself looks up, interned on first use: a fresh VM that never
    /// needs them (a one-line program) allocates nothing for them.
    pub(crate) fn names(&mut self) -> PyResult<cache::Names> {
        if matches!(self.names.init, Value::None) {
            self.names = cache::Names::intern(self)?;
        }
        Ok(self.names)
    }

    /// Replace the clock (OS policy).
    pub fn set_clock(&mut self, clock: Box<dyn Clock>) {
        self.clock = clock;
    }

    /// Start the duration and fuel budgets for a run (or a session snippet).
    pub fn start_budget(&mut self) {
        self.ran_nanos = 0;
        self.host.slept_nanos = 0;
        self.fuel_start = self.limits.max_fuel.unwrap_or(u64::MAX);
        // Unlimited fuel still counts down from u64::MAX, so `fuel_used` is always known.
        self.fuel_left = Some(self.fuel_start);
        self.ticks = 0;
        self.resume_budget();
    }

    /// Stop charging time: the run pauses for the host.
    pub(crate) fn pause_budget(&mut self) {
        let now = self.now_nanos();
        self.ran_nanos = self
            .ran_nanos
            .saturating_add(now.saturating_sub(self.slice_start_nanos));
        self.slice_start_nanos = now;
    }

    /// Charge time again after a pause: the deadline is what the run had left.
    pub(crate) fn resume_budget(&mut self) {
        let now = self.now_nanos();
        self.slice_start_nanos = now;
        self.deadline_nanos = self.limits.max_duration.map(|d| {
            let total = u64::try_from(d.as_nanos()).unwrap_or(u64::MAX);
            now.saturating_add(total.saturating_sub(self.ran_nanos))
        });
    }

    /// Running time of the current run so far (time paused for the host excluded, virtual
    /// sleep included).
    pub(crate) fn ran_nanos(&mut self) -> u64 {
        let now = self.now_nanos();
        self.ran_nanos
            .saturating_add(now.saturating_sub(self.slice_start_nanos))
    }

    /// Fuel used by the current run.
    pub(crate) fn fuel_used(&self) -> u64 {
        self.fuel_start
            .saturating_sub(self.fuel_left.unwrap_or(self.fuel_start))
    }

    /// Charge fuel and check the clock; called on calls and backward jumps.
    #[inline]
    pub(crate) fn tick(&mut self) -> PyResult<()> {
        if let Some(f) = &mut self.fuel_left {
            if *f == 0 {
                return Err(RunError::Limit(LimitKind::Fuel));
            }
            *f -= 1;
        }
        self.ticks = self.ticks.wrapping_add(1);
        if self.ticks & 1023 == 0 {
            self.check_deadline()?;
        }
        Ok(())
    }

    /// Check the wall-clock deadline now.
    pub(crate) fn check_deadline(&mut self) -> PyResult<()> {
        if let Some(d) = self.deadline_nanos {
            if self.now_nanos() > d {
                return Err(RunError::Limit(LimitKind::Duration));
            }
        }
        Ok(())
    }

    /// The budget clock: the host's monotonic clock plus the time slept so far.
    pub(crate) fn now_nanos(&mut self) -> u64 {
        self.clock
            .now_nanos()
            .saturating_add(self.sleep_offset_nanos)
    }

    /// The sandbox's monotonic clock under the OS policy (the budget clock when real; the
    /// time slept so far when frozen).
    pub(crate) fn sandbox_monotonic_nanos(&mut self) -> u64 {
        match self.host.policy.clock {
            crate::host::policy::ClockPolicy::Frozen(_) => self.sleep_offset_nanos,
            _ => self.now_nanos(),
        }
    }

    /// The sandbox's wall clock, nanoseconds since the Unix epoch: the real clock's epoch plus
    /// the monotonic clock (so it moves with `time.sleep`), or the frozen time plus the time
    /// slept.
    pub(crate) fn wall_nanos(&mut self) -> u64 {
        match self.host.policy.clock {
            crate::host::policy::ClockPolicy::Frozen(at) => {
                let at = u64::try_from(at.as_nanos()).unwrap_or(u64::MAX);
                at.saturating_add(self.sleep_offset_nanos)
            }
            _ => {
                let epoch = self.clock.epoch_nanos();
                epoch.saturating_add(self.now_nanos())
            }
        }
    }

    /// `time.sleep`: advance the virtual clock instead of blocking, then check the deadline
    /// so a sleeping loop ends with the duration limit like a busy one (and with the
    /// policy's cap on total sleep, if any).
    pub(crate) fn sleep_nanos(&mut self, nanos: u64) -> PyResult<()> {
        self.sleep_offset_nanos = self.sleep_offset_nanos.saturating_add(nanos);
        self.host.slept_nanos = self.host.slept_nanos.saturating_add(nanos);
        if let Some(cap) = self.host.policy.max_sleep {
            if u128::from(self.host.slept_nanos) > cap.as_nanos() {
                return Err(RunError::Limit(LimitKind::Duration));
            }
        }
        self.check_deadline()
    }

    /// Nanoseconds left before the deadline (None: no duration limit).
    pub(crate) fn nanos_left(&mut self) -> Option<u64> {
        let d = self.deadline_nanos?;
        Some(d.saturating_sub(self.now_nanos()))
    }

    /// Run a compiled module in this VM's globals; returns the last expression's value.
    pub fn run_module(&mut self, code: &Arc<Code>) -> PyResult<Value> {
        self.start_budget();
        let rt = self.load_code(code)?;
        let globals = self.globals;
        self.push_frame(rt, globals, Value::None, Vec::new())?;
        let r = self.run_until(self.frames.len().saturating_sub(1));
        if r.is_err() {
            self.frames.clear();
            self.stack.clear();
        }
        r.map(|_| self.result)
    }

    /// Run module-level code with `globals` as its namespace (imports of bundled modules).
    pub(crate) fn exec_code(&mut self, code: &Arc<Code>, globals: Value) -> PyResult<Value> {
        let rt = self.load_code(code)?;
        let depth = self.frames.len();
        self.push_frame(rt, globals, Value::None, Vec::new())?;
        self.run_nested(depth)
    }

    /// Write printed text to the output, enforcing the output limit.
    pub fn write_out(&mut self, s: &str) -> PyResult<()> {
        #[cfg(test)]
        if s.contains(crate::host::PANIC_MARKER) {
            #[allow(clippy::panic, reason = "test-only panic injection")]
            {
                panic!("injected VM panic");
            }
        }
        let new_total = self.out.written.saturating_add(s.len());
        if new_total > self.out.max {
            return Err(RunError::Limit(LimitKind::Output));
        }
        self.out.written = new_total;
        match &mut self.out.callback {
            Some(cb) => cb(s),
            None => self.out.captured.push_str(s),
        }
        Ok(())
    }

    /// Write text to the sandbox's stderr (counted against the output limit too).
    pub fn write_err(&mut self, s: &str) -> PyResult<()> {
        let new_total = self.out.written.saturating_add(s.len());
        if new_total > self.out.max {
            return Err(RunError::Limit(LimitKind::Output));
        }
        self.out.written = new_total;
        self.err_out.push_str(s);
        Ok(())
    }

    /// Whether `v` is the sandbox's `sys.stderr` object.
    pub(crate) fn is_stderr(&self, v: Value) -> bool {
        !matches!(self.stderr_obj, Value::None) && v.is(self.stderr_obj)
    }

    /// The globals dict of the running frame (for `eval`/`exec`).
    pub fn current_globals_value(&self) -> Value {
        self.current_globals()
    }

    /// The globals dict of the running frame.
    pub(crate) fn current_globals(&self) -> Value {
        self.frames.last().map_or(self.globals, |f| f.globals)
    }

    /// `locals()`: globals at module level, else a snapshot dict of the frame's locals.
    pub(crate) fn current_locals(&mut self) -> PyResult<Value> {
        let Some(f) = self.frames.last() else {
            return Ok(self.globals);
        };
        if !matches!(f.namespace, Value::None) {
            return Ok(f.namespace);
        }
        let (rt, base, globals) = (f.rt, f.base, f.globals);
        let Some(code) = self.code_of(rt).cloned() else {
            return Ok(globals);
        };
        // Module code (a program, exec or eval) runs with its globals as locals.
        if code.name == "<module>" {
            return Ok(globals);
        }
        // A function's locals, then its cells and free variables by value (CPython's
        // PyFrame_FastToLocals), each name once; an unbound one is left out.
        let d = self.new_dict()?;
        for (i, name) in code.varnames.iter().enumerate() {
            let v = self.stack.get(base + i).copied().unwrap_or(Value::Unbound);
            let k = self.intern(name)?;
            if !matches!(v, Value::Unbound) {
                self.dict_set(d, k, v)?;
            }
        }
        let cells = code.cellvars.iter().chain(code.freevars.iter());
        for (i, name) in cells.enumerate() {
            let cell = self
                .stack
                .get(base + code.nlocals() + i)
                .copied()
                .unwrap_or(Value::None);
            let k = self.intern(name)?;
            match self.heap.get_obj(cell) {
                Some(Object::Cell(Value::Unbound)) | None => {
                    self.dict_remove(d, k)?;
                }
                Some(Object::Cell(v)) => {
                    let v = *v;
                    self.dict_set(d, k, v)?;
                }
                Some(_) => {}
            }
        }
        Ok(d)
    }

    /// Allocate a heap object.
    #[inline]
    pub fn alloc(&mut self, obj: Object) -> PyResult<Value> {
        self.heap.alloc_value(obj)
    }

    /// A new str value. Empty and one-character Latin-1 strings are shared (as in CPython),
    /// which keeps character loops from allocating.
    pub fn new_str(&mut self, s: impl IntoText) -> PyResult<Value> {
        // A short str made from a `&str` (a slice, a split part) is copied inline, with no
        // allocation; a `String` keeps its buffer.
        let s = s.into_text();
        let mut it = s.chars();
        let small = match (it.next(), it.next()) {
            (None, _) => Some(256usize),
            (Some(c), None) if (c as u32) < 256 => Some(c as usize),
            _ => None,
        };
        if let Some(i) = small {
            if let Some(v) = self
                .small_strs
                .get(i)
                .copied()
                .filter(|v| !matches!(v, Value::Unbound))
            {
                return Ok(v);
            }
            let v = self.alloc(Object::Str(Str::new(s)))?;
            if self.small_strs.is_empty() {
                self.small_strs = vec![Value::Unbound; 257];
            }
            if let Some(slot) = self.small_strs.get_mut(i) {
                *slot = v;
            }
            return Ok(v);
        }
        self.alloc(Object::Str(Str::new(s)))
    }

    /// An interned str (names, attribute keys): the same object for the same text.
    pub fn intern(&mut self, s: &str) -> PyResult<Value> {
        if let Some(&id) = self.interned.get(s) {
            return Ok(Value::Obj(id));
        }
        let v = self.heap.alloc(Object::Str(Str::new(s)))?;
        self.interned.insert(s.to_string(), v);
        Ok(Value::Obj(v))
    }

    /// An interned str for a name known at compile time of pyward itself.
    pub(crate) fn intern_static(&mut self, s: &'static str) -> PyResult<Value> {
        self.intern(s)
    }

    /// A new list value.
    pub fn new_list(&mut self, items: Vec<Value>) -> PyResult<Value> {
        self.alloc(Object::List(items))
    }

    /// A new tuple value.
    pub fn new_tuple(&mut self, items: Vec<Value>) -> PyResult<Value> {
        self.alloc(Object::Tuple(items))
    }

    /// The text of a str value, or of an instance of a str subclass (its payload): what
    /// natives accept where CPython's C code takes a str.
    #[inline]
    pub fn str_of(&self, v: Value) -> Option<&str> {
        match v {
            Value::Obj(id) => match self.heap.get(id) {
                Object::Str(s) => Some(&s.s),
                Object::Instance(i) => self.exact_str(i.payload),
                _ => None,
            },
            _ => None,
        }
    }

    /// The text of an exact str (not of a subclass instance, whose `__str__`/`__format__`
    /// may differ).
    #[inline]
    pub fn exact_str(&self, v: Value) -> Option<&str> {
        match v {
            Value::Obj(id) => match self.heap.get(id) {
                Object::Str(s) => Some(&s.s),
                _ => None,
            },
            _ => None,
        }
    }

    /// Load a code object's constants and names into this VM (once per code object).
    pub(crate) fn load_code(&mut self, code: &Arc<Code>) -> PyResult<Value> {
        let key = Arc::as_ptr(code) as usize;
        if let Some(&v) = self.code_cache.get(&key) {
            return Ok(v);
        }
        let v = self.load_code_uncached(code)?;
        self.code_cache.insert(key, v);
        Ok(v)
    }

    /// `load_code` without the cache, for code that runs once per VM (a program, a session
    /// snippet): nothing to look up, and nothing kept alive after it finishes.
    pub(crate) fn load_code_uncached(&mut self, code: &Arc<Code>) -> PyResult<Value> {
        let mut consts = Vec::with_capacity(code.consts.len());
        for c in &code.consts {
            consts.push(self.const_value(c)?);
        }
        let mut names = Vec::with_capacity(code.names.len());
        for n in &code.names {
            names.push(self.intern(n)?);
        }
        let ops_base = u32::try_from(self.code_ops.len())
            .map_err(|_| RunError::Internal("loaded code exceeds the instruction arena"))?;
        self.code_ops.extend_from_slice(&code.ops);
        self.icache.resize(self.code_ops.len(), cache::Cache::Empty);
        self.alloc(Object::CodeRt(Box::new(CodeRt {
            code: code.clone(),
            consts,
            names,
            ops_base,
        })))
    }

    /// Drop the cached runtime form of the code objects nested in `code` (a finished session
    /// snippet's functions and comprehensions): live functions keep theirs through their own
    /// references, and the rest becomes garbage instead of living as long as the session.
    pub(crate) fn forget_nested_code(&mut self, code: &Code) {
        let mut pending: Vec<&Code> = vec![code];
        while let Some(c) = pending.pop() {
            for k in &c.consts {
                if let Const::Code(inner) = k {
                    self.code_cache.remove(&(Arc::as_ptr(inner) as usize));
                    pending.push(inner);
                }
            }
        }
    }

    /// The runtime form of a loaded code object.
    #[inline]
    pub(crate) fn code_rt(&self, rt: Value) -> Option<&CodeRt> {
        match self.heap.get_obj(rt) {
            Some(Object::CodeRt(c)) => Some(c),
            _ => None,
        }
    }

    /// The code behind a `CodeRt` value.
    pub(crate) fn code_of(&self, rt: Value) -> Option<&Arc<Code>> {
        self.code_rt(rt).map(|c| &c.code)
    }

    fn const_value(&mut self, c: &Const) -> PyResult<Value> {
        Ok(match c {
            Const::None => Value::None,
            Const::Bool(b) => Value::Bool(*b),
            Const::Int(i) => Value::Int(*i),
            Const::BigInt(s) => {
                let b = parse_big_const(s).ok_or(RunError::Internal("bad big int constant"))?;
                ops::int::from_big(self, b)?
            }
            Const::Float(f) => Value::Float(*f),
            Const::Imag(f) => self.new_complex(crate::types::complex::Complex::new(0.0, *f))?,
            // Short str constants are interned: a dict key written as a literal in one
            // function and looked up with a literal in another is then the same object, and
            // the lookup matches by identity without comparing text. CPython shares equal
            // constants across a module's code objects too (and interns identifier-like
            // ones everywhere); long ones are left alone so a session does not keep every
            // big literal it ever ran.
            Const::Str(s) if s.len() > 1 && s.len() <= MAX_INTERNED_CONST => self.intern(s)?,
            Const::Str(s) => self.new_str(s.clone())?,
            Const::Bytes(b) => self.alloc(Object::Bytes(b.clone()))?,
            Const::Tuple(items) => {
                let mut vals = Vec::with_capacity(items.len());
                for i in items {
                    vals.push(self.const_value(i)?);
                }
                self.new_tuple(vals)?
            }
            Const::FrozenSet(items) => {
                let f = self.make_set(true, None)?;
                self.temp_roots.push(f);
                let r = (|| {
                    for i in items {
                        let v = self.const_value(i)?;
                        self.set_add(f, v)?;
                    }
                    Ok(())
                })();
                self.temp_roots.pop();
                r?;
                // CPython's compiler then rebuilds the constant from its own iteration order
                // (`merge_consts_recursive`), which can move colliding elements.
                let items = self.set_items(f);
                let g = self.make_set(true, None)?;
                self.temp_roots.push(f);
                let r = items.into_iter().try_for_each(|v| self.set_add(g, v));
                self.temp_roots.pop();
                r?;
                g
            }
            Const::Code(code) => self.load_code(code)?,
            Const::Ellipsis => Value::Ellipsis,
        })
    }

    /// Collect garbage if due. Only at safe points: no native frame holds unrooted values.
    pub(crate) fn maybe_gc(&mut self) {
        if self.native_depth > 0 || !self.heap.wants_gc() {
            return;
        }
        self.collect_garbage();
    }

    /// Collect now. Only at a safe point (`native_depth == 0`, every live value rooted).
    pub(crate) fn collect_garbage(&mut self) {
        let mut roots: Vec<Value> = Vec::with_capacity(self.stack.len() + 64);
        roots.extend_from_slice(&self.stack);
        for f in &self.frames {
            f.trace(&mut roots);
        }
        roots.push(self.handled);
        roots.push(self.result);
        roots.push(self.globals);
        roots.extend([self.stdout_obj, self.stderr_obj, self.modules_dict]);
        roots.extend_from_slice(&self.temp_roots);
        self.host.trace(&mut roots);
        roots.extend(
            self.small_strs
                .iter()
                .copied()
                .filter(|v| !matches!(v, Value::Unbound)),
        );
        roots.extend(self.interned.values().map(|&id| Value::Obj(id)));
        roots.extend(self.code_cache.values().copied());
        roots.extend(self.modules.values().copied());
        self.heap.collect(&roots);
        self.invalidate_caches();
    }
}

/// The longest str constant (in bytes) that loading code interns: dict keys and short
/// labels, not text.
const MAX_INTERNED_CONST: usize = 64;

/// A big int constant's text: optional `-`, then decimal digits or `0x`/`0o`/`0b` and digits.
fn parse_big_const(s: &str) -> Option<num_bigint::BigInt> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let lower = body.get(..2).map(str::to_ascii_lowercase);
    let (radix, digits) = match lower.as_deref() {
        Some("0x") => (16, body.get(2..)?),
        Some("0o") => (8, body.get(2..)?),
        Some("0b") => (2, body.get(2..)?),
        _ => (10, body),
    };
    let mag = num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix)?;
    Some(if negative { -mag } else { mag })
}
