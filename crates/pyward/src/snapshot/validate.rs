//! Validation of decoded state: everything the VM relies on, checked before a `Vm` exists.
//!
//! A snapshot is hostile input. Every `ObjId` must name a live slot, and where the VM matches
//! on an object's kind without a fallback (a frame's `rt` is a `CodeRt` of the frame's code, a
//! function's globals are a dict, a cell slot holds a cell, a list subclass wraps a list) the
//! kind is checked too. Objects with a compact encoding (strs, lists, dicts, ...) were checked
//! as they were decoded (objects.rs) and are skipped here. Set tables must agree with their
//! entries and keep an empty slot (so probing ends); frames and saved generator frames must
//! lie inside the value stack with their locals and cells where the code says; a running
//! generator is on the frame stack exactly once. The walk is iterative and linear in the input (probing aside).

use std::sync::Arc;

use rustc_hash::FxHashSet;

use super::state::StateIn;
use super::{SnapshotError, malformed};
use crate::bytecode::stack::{self, Kind};
use crate::bytecode::{Code, Const, Op};
use crate::heap::Heap;
use crate::types::BuiltinType;
use crate::types::generator::{GenState, SavedFrame};
use crate::types::object::Object;
use crate::types::set::{Set, Slot};
use crate::value::{ObjId, Value};
use crate::vm::{ExitAction, Frame};

type Check = Result<(), SnapshotError>;

/// Check the whole decoded state.
pub(super) fn check(s: &StateIn, heap: &Heap, others: &[u32]) -> Check {
    let c = Checker { heap };
    c.free_list(heap.free_list().0)?;
    for &i in others {
        if let Some(Some(obj)) = heap.slot_at(i as usize) {
            c.object(obj).map_err(|e| match e {
                SnapshotError::Malformed(why) => malformed(format!("object {i}: {why}")),
                other => other,
            })?;
        }
    }
    c.arena(others)?;
    c.frames(&s.frames, &s.stack, others)?;
    c.host(s)?;
    c.roots(s)
}

struct Checker<'a> {
    heap: &'a Heap,
}

impl Checker<'_> {
    /// The live object behind `id`.
    fn get(&self, id: ObjId) -> Result<&Object, SnapshotError> {
        match self.heap.slot_at(id.index()) {
            Some(Some(Object::Freed)) | Some(None) | None => Err(malformed("dangling object id")),
            Some(Some(o)) => Ok(o),
        }
    }

    /// A value that may be `Unbound` (local slots, empty cells); heap ids must be live.
    fn slot(&self, v: Value) -> Check {
        match v {
            Value::Obj(id) => self.get(id).map(|_| ()),
            _ => Ok(()),
        }
    }

    /// A value visible to Python: live, and never `Unbound`.
    fn value(&self, v: Value) -> Check {
        if matches!(v, Value::Unbound) {
            return Err(malformed("unbound value in a container"));
        }
        self.slot(v)
    }

    fn values(&self, vs: &[Value]) -> Check {
        vs.iter().try_for_each(|v| self.value(*v))
    }

    /// A heap object whose kind satisfies `ok`.
    fn kind(&self, v: Value, ok: impl Fn(&Object) -> bool, what: &str) -> Check {
        match v {
            Value::Obj(id) if ok(self.get(id)?) => Ok(()),
            _ => Err(malformed(format!("expected {what}"))),
        }
    }

    fn dict(&self, v: Value) -> Check {
        self.kind(v, |o| matches!(o, Object::Dict(_)), "a dict")
    }

    fn dict_or_none(&self, v: Value) -> Check {
        if matches!(v, Value::None) {
            return Ok(());
        }
        self.dict(v)
    }

    fn cell(&self, v: Value) -> Check {
        self.kind(v, |o| matches!(o, Object::Cell(_)), "a cell")
    }

    fn exception(&self, v: Value) -> Check {
        self.kind(v, |o| matches!(o, Object::Exception(_)), "an exception")
    }

    /// A class: a builtin type or a user class object.
    fn class(&self, v: Value) -> Check {
        match v {
            Value::Type(_) => Ok(()),
            _ => self.kind(v, |o| matches!(o, Object::Class(_)), "a class"),
        }
    }

    /// `rt` must be the `CodeRt` of exactly this code object.
    fn code_rt(&self, rt: Value, code: &Arc<Code>) -> Check {
        self.kind(
            rt,
            |o| matches!(o, Object::CodeRt(c) if Arc::ptr_eq(&c.code, code)),
            "the code's runtime constants",
        )
    }

    /// The code a frame runs: `rt` is a `CodeRt` whose arena offset and local count the frame
    /// copied (the loop fetches instructions at `ops_base + ip`).
    fn frame_code(
        &self,
        rt: Value,
        ops_base: u32,
        nlocals: u32,
    ) -> Result<&Arc<Code>, SnapshotError> {
        match rt {
            Value::Obj(id) => match self.get(id)? {
                Object::CodeRt(c)
                    if c.ops_base == ops_base && c.code.nlocals() == nlocals as usize =>
                {
                    Ok(&c.code)
                }
                _ => Err(malformed("frame code does not match its runtime constants")),
            },
            _ => Err(malformed("frame without runtime constants")),
        }
    }

    /// The instruction arena is rebuilt from the `CodeRt`s: their ranges must tile it.
    /// The code objects' instructions tile the VM's arena; code objects are among `others`.
    fn arena(&self, others: &[u32]) -> Check {
        let mut ranges: Vec<(u64, u64)> = others
            .iter()
            .filter_map(|&i| match self.heap.slot_at(i as usize) {
                Some(Some(Object::CodeRt(c))) => {
                    Some((u64::from(c.ops_base), c.code.ops.len() as u64))
                }
                _ => None,
            })
            .collect();
        ranges.sort_unstable();
        let mut next = 0u64;
        for (base, len) in ranges {
            if base != next {
                return Err(malformed("code offsets do not tile the instruction arena"));
            }
            next = base + len;
        }
        if u32::try_from(next).is_err() {
            return Err(malformed("instruction arena too large"));
        }
        Ok(())
    }

    fn free_list(&self, free: &[u32]) -> Check {
        let mut seen = FxHashSet::default();
        for &i in free {
            match self.heap.slot_at(i as usize) {
                Some(None) if seen.insert(i) => {}
                _ => return Err(malformed("bad free list")),
            }
        }
        Ok(())
    }

    fn object(&self, obj: &Object) -> Check {
        match obj {
            Object::Freed => Err(malformed("freed object in a live slot")),
            // Checked while decoding (objects.rs), and skipped by `check`.
            Object::Str(_)
            | Object::Bytes(_)
            | Object::ByteArray(_)
            | Object::BigInt(_)
            | Object::List(_)
            | Object::Tuple(_)
            | Object::Dict(_)
            | Object::Cell(_) => Ok(()),
            // Two doubles: any bits are a valid complex.
            Object::Complex(_) => Ok(()),
            Object::Set(s) | Object::FrozenSet(s) => self.set_table(s),
            Object::Range(r) => {
                if r.step == 0 || r.len_exact().is_none() {
                    return Err(malformed("bad range"));
                }
                Ok(())
            }
            Object::BigRange(r) => {
                if num_traits::Zero::is_zero(&r.step) {
                    return Err(malformed("bad range"));
                }
                Ok(())
            }
            Object::Function(f) => {
                self.value(f.annotations)?;
                self.code_rt(f.rt, &f.code)?;
                if self
                    .frame_code(f.rt, f.ops_base, f.code.nlocals() as u32)
                    .is_err()
                {
                    return Err(malformed("function code offset disagrees with its code"));
                }
                self.dict(f.globals)?;
                self.dict_or_none(f.dict)?;
                self.slot(f.doc)?;
                self.values(&f.defaults)?;
                for (_, v) in &f.kwdefaults {
                    self.value(*v)?;
                }
                if f.closure.len() != f.code.freevars.len() {
                    return Err(malformed(
                        "closure does not match the code's free variables",
                    ));
                }
                f.closure.iter().try_for_each(|c| self.cell(*c))
            }
            Object::CodeRt(c) => {
                if c.consts.len() != c.code.consts.len() || c.names.len() != c.code.names.len() {
                    return Err(malformed("runtime constants do not match the code"));
                }
                for n in &c.names {
                    self.kind(*n, |o| matches!(o, Object::Str(_)), "a name string")?;
                }
                for (v, k) in c.consts.iter().zip(&c.code.consts) {
                    match k {
                        Const::Code(inner) => self.code_rt(*v, inner)?,
                        _ => self.value(*v)?,
                    }
                }
                Ok(())
            }
            Object::Generator(g) => {
                match (g.state, &g.frame) {
                    (GenState::Created, Some(f)) if f.ip == 0 => self.saved_frame(f)?,
                    (GenState::Suspended, Some(f)) if f.ip > 0 => self.saved_frame(f)?,
                    (GenState::Running | GenState::Done, None) => {}
                    _ => return Err(malformed("generator state and frame disagree")),
                }
                self.value(g.exc_state)?;
                self.value(g.outer_handled)?;
                self.value(g.return_value)
            }
            Object::AwaitOp(op) => {
                match op.target.obj().map(|id| self.get(id)).transpose()? {
                    Some(Object::Generator(_)) => {}
                    _ => return Err(malformed("await operation without a coroutine")),
                }
                self.value(op.arg)
            }
            Object::Exception(e) => {
                match e.cls {
                    Value::Type(t) if t.is_exception() => {}
                    Value::Type(_) => return Err(malformed("exception of a non-exception type")),
                    cls => self.class(cls)?,
                }
                self.values(&e.args)?;
                self.value(e.cause)?;
                self.value(e.context)?;
                self.value(e.name)?;
                self.value(e.obj)?;
                if let Some((code, globals)) = e.scope {
                    self.kind(code, |o| matches!(o, Object::CodeRt(_)), "code")?;
                    self.dict(globals)?;
                }
                if let Some((message, excs)) = e.group {
                    self.value(message)?;
                    self.kind(excs, |o| matches!(o, Object::Tuple(_)), "a tuple")?;
                }
                self.dict_or_none(e.dict)
            }
            Object::Module(m) => self.dict(m.dict),
            Object::DictView(_, d) => self.dict(*d),
            Object::Traceback(e) => self.exception(*e),
            Object::Class(c) => {
                self.dict(c.dict)?;
                c.bases.iter().try_for_each(|b| self.class(*b))?;
                if c.mro.is_empty() {
                    return Err(malformed("empty MRO"));
                }
                c.mro.iter().try_for_each(|b| self.class(*b))?;
                self.class(c.metaclass)
            }
            Object::Instance(i) => {
                self.class(i.class)?;
                self.dict_or_none(i.dict)?;
                self.payload(i.class, i.payload)
            }
            Object::Slice(_)
            | Object::BoundMethod(_)
            | Object::Iter(_)
            | Object::Property(_)
            | Object::StaticMethod(_)
            | Object::ClassMethod(_)
            | Object::Super { .. } => {
                let mut vs = Vec::new();
                obj.trace(&mut vs);
                self.values(&vs)
            }
        }
    }

    /// A builtin subclass's instance wraps a value of its builtin base (list, dict, ...):
    /// builtin methods unwrap it and rely on its kind.
    fn payload(&self, class: Value, payload: Value) -> Check {
        let base = match class {
            Value::Type(t) => t,
            Value::Obj(id) => match self.get(id)? {
                Object::Class(c) => c.base_type,
                _ => return Err(malformed("instance of a non-class")),
            },
            _ => return Err(malformed("instance of a non-class")),
        };
        let obj = payload.obj().map(|id| self.get(id)).transpose()?;
        let ok = match base {
            BuiltinType::Object => matches!(payload, Value::None),
            BuiltinType::List => matches!(obj, Some(Object::List(_))),
            BuiltinType::Tuple => matches!(obj, Some(Object::Tuple(_))),
            BuiltinType::Dict => matches!(obj, Some(Object::Dict(_))),
            BuiltinType::Set => matches!(obj, Some(Object::Set(_))),
            BuiltinType::FrozenSet => matches!(obj, Some(Object::FrozenSet(_))),
            BuiltinType::Str => matches!(obj, Some(Object::Str(_))),
            BuiltinType::Bytes => matches!(obj, Some(Object::Bytes(_))),
            BuiltinType::ByteArray => matches!(obj, Some(Object::ByteArray(_))),
            BuiltinType::Int => {
                matches!(payload, Value::Int(_)) || matches!(obj, Some(Object::BigInt(_)))
            }
            BuiltinType::Float => matches!(payload, Value::Float(_)),
            BuiltinType::Complex => matches!(obj, Some(Object::Complex(_))),
            _ => !matches!(payload, Value::Unbound),
        };
        if !ok {
            return Err(malformed(
                "instance payload does not match its builtin base",
            ));
        }
        Ok(())
    }

    /// Table size, fill and used agree with the slots; every element is found by probing.
    fn set_table(&self, s: &Set) -> Check {
        let (table, fill, used) = s.raw_parts();
        if table.len() < 8 || !table.len().is_power_of_two() {
            return Err(malformed("bad set table size"));
        }
        let (mut full, mut dummy) = (0usize, 0usize);
        for slot in table {
            match slot {
                Slot::Empty => {}
                Slot::Dummy => dummy += 1,
                Slot::Full(_, v) => {
                    self.value(*v)?;
                    full += 1;
                }
            }
        }
        if full != used || full + dummy != fill || fill >= table.len() {
            return Err(malformed("set counts disagree with its table"));
        }
        for slot in table {
            if let Slot::Full(h, v) = slot {
                if !s.contains(*h, |k| k.is(*v)) {
                    return Err(malformed("set element not reachable from its hash"));
                }
            }
        }
        Ok(())
    }

    /// Locals and cells, then the operand stack, with cells where the code says. A created
    /// generator has not started; a suspended one stopped at a `YieldValue` and gets the sent
    /// value pushed when it resumes.
    fn saved_frame(&self, f: &SavedFrame) -> Check {
        let code = self.frame_code(f.rt, f.ops_base, f.nlocals)?;
        self.dict(f.globals)?;
        let fixed = code.nlocals().saturating_add(code.ncells());
        if f.ip >= code.ops.len() || f.stack_base != fixed || f.stack_base > f.stack.len() {
            return Err(malformed("saved generator frame out of range"));
        }
        self.frame_slots(code, f.stack.get(..fixed).unwrap_or_default())?;
        let operands = f.stack.get(fixed..).unwrap_or_default();
        if f.ip == 0 {
            if !operands.is_empty() {
                return Err(malformed("unstarted generator with operands"));
            }
            return Ok(());
        }
        self.operands(code, f.ip, operands, |op| match op {
            Op::YieldValue => Some(1),
            _ => None,
        })
    }

    /// A paused frame's operand stack: the instruction before `ip` must be one `pops` accepts
    /// (returning how many of its inputs are no longer on the stack), and the values left
    /// must match the stack shape the verifier computed there.
    fn operands(
        &self,
        code: &Code,
        ip: usize,
        values: &[Value],
        pops: impl Fn(Op) -> Option<usize>,
    ) -> Check {
        let at = ip
            .checked_sub(1)
            .ok_or_else(|| malformed("paused before any instruction"))?;
        let popped = code
            .ops
            .get(at)
            .and_then(|op| pops(*op))
            .ok_or_else(|| malformed("frame paused at an instruction that cannot pause"))?;
        let shapes = stack::analyze(code).map_err(malformed)?;
        let kinds = shapes
            .before(at)
            .ok_or_else(|| malformed("frame paused at unreachable code"))?;
        let want = kinds
            .len()
            .checked_sub(popped)
            .and_then(|n| kinds.get(..n))
            .ok_or_else(|| malformed("operand stack shorter than the code needs"))?;
        if want.len() != values.len() {
            return Err(malformed("operand stack depth disagrees with the code"));
        }
        for (v, k) in values.iter().zip(want) {
            self.of_kind(*v, *k)?;
        }
        Ok(())
    }

    /// A value the stack analysis says has kind `k`.
    fn of_kind(&self, v: Value, k: Kind) -> Check {
        match k {
            Kind::Any => self.value(v),
            Kind::MaybeUnbound => self.slot(v),
            Kind::List => self.kind(v, |o| matches!(o, Object::List(_)), "a list"),
            Kind::Set => self.kind(v, |o| matches!(o, Object::Set(_)), "a set"),
            Kind::Dict => self.dict(v),
            Kind::Exc => self.exception(v),
            Kind::ExcOrNone if matches!(v, Value::None) => Ok(()),
            Kind::ExcOrNone => self.exception(v),
            Kind::CodeRt => self.kind(v, |o| matches!(o, Object::CodeRt(_)), "code"),
            Kind::Func => self.kind(v, |o| matches!(o, Object::Function(_)), "a function"),
        }
    }

    /// Check a frame's slots: locals may be unbound, cells must be cells, the rest live.
    fn frame_slots(&self, code: &Code, slots: &[Value]) -> Check {
        let nlocals = code.nlocals();
        for (i, v) in slots.iter().enumerate() {
            if i >= nlocals && i < nlocals + code.ncells() {
                self.cell(*v)?;
            } else {
                self.slot(*v)?;
            }
        }
        Ok(())
    }

    /// `others`: the ids of the objects of rare kinds, generators among them.
    fn frames(&self, frames: &[Frame], stack: &[Value], others: &[u32]) -> Check {
        let mut running = FxHashSet::default();
        let mut floor = 0usize;
        let mut caller_ops: Option<usize> = None;
        for (i, f) in frames.iter().enumerate() {
            let code = self.frame_code(f.rt, f.ops_base, f.nlocals)?;
            self.dict(f.globals)?;
            self.slot(f.namespace)?;
            let fixed = code.nlocals().saturating_add(code.ncells());
            // A host function's stub frame waits after its only instruction, `HostCall`.
            let at_host_call = i + 1 == frames.len()
                && f.ip == code.ops.len()
                && matches!(code.ops.last(), Some(Op::HostCall(_)));
            let ok = (f.ip < code.ops.len() || at_host_call)
                && floor <= f.ret_to
                && f.ret_to <= f.base
                && f.base.checked_add(fixed) == Some(f.stack_base)
                && f.stack_base <= stack.len();
            if !ok {
                return Err(malformed("frame out of range of the value stack"));
            }
            let slots = stack
                .get(f.base..f.stack_base)
                .ok_or_else(|| malformed("frame out of range of the value stack"))?;
            self.frame_slots(code, slots)?;
            // The operand stack runs to where the next frame's call began.
            let next = frames.get(i + 1);
            let end = next.map_or(stack.len(), |n| n.ret_to);
            let operands = stack
                .get(f.stack_base..end)
                .ok_or_else(|| malformed("frame out of range of the value stack"))?;
            let exit = next.map(|n| n.exit);
            self.operands(code, f.ip, operands, |op| paused_pops(op, exit))?;
            match f.exit {
                ExitAction::Return | ExitAction::Call | ExitAction::Binop(_) => {}
                // `__init__` of a class call: the new instance waits for it to return.
                ExitAction::Init(id) => match self.get(id)? {
                    Object::Instance(_) => {}
                    _ => return Err(malformed("__init__ frame without an instance")),
                },
                ExitAction::ForIter(t) | ExitAction::Send(t) | ExitAction::AsyncSend(t) => {
                    match caller_ops {
                        Some(n) if (t as usize) <= n => {}
                        _ => return Err(malformed("frame exit target out of range")),
                    }
                }
                ExitAction::Native => {
                    return Err(malformed("frame returns to native code"));
                }
            }
            if let Some(gid) = f.generator {
                match self.get(gid)? {
                    Object::Generator(g) if g.state == GenState::Running => {}
                    _ => return Err(malformed("frame of a generator that is not running")),
                }
                if !running.insert(gid) {
                    return Err(malformed("generator running twice"));
                }
            }
            floor = f.stack_base;
            caller_ops = Some(code.ops.len());
        }
        for v in stack {
            self.slot(*v)?;
        }
        // Every running generator is on the frame stack.
        for &i in others {
            if let Some(Some(Object::Generator(g))) = self.heap.slot_at(i as usize) {
                if g.state == GenState::Running && !running.contains(&ObjId(i)) {
                    return Err(malformed("running generator without a frame"));
                }
            }
        }
        Ok(())
    }

    /// A run is paused exactly when it has frames, and then it waits in a host function's
    /// stub (`HostCall`) for a call the embedder was handed.
    fn host(&self, s: &StateIn) -> Check {
        let h = &s.host;
        if h.suspended == s.frames.is_empty() {
            return Err(malformed(
                "frames without a pause, or a pause without frames",
            ));
        }
        if let Some(id) = h.waiting {
            if !h.suspended || !h.pending.iter().any(|c| c.id == id) {
                return Err(malformed("waiting for a call that is not pending"));
            }
        }
        if h.waiting_any && (h.waiting.is_some() || !h.suspended || h.pending.is_empty()) {
            return Err(malformed("waiting for async calls that are not pending"));
        }
        if h.suspended && h.waiting.is_none() && !h.waiting_any {
            return Err(malformed("paused without a call to wait for"));
        }
        let mut ids = FxHashSet::default();
        for id in h
            .pending
            .iter()
            .map(|c| c.id)
            .chain(h.answered.iter().map(|a| a.id))
        {
            if id >= h.next_id || !ids.insert(id) {
                return Err(malformed("bad host call id"));
            }
        }
        self.dict_or_none(h.builtins)?;
        for (_, c) in &h.error_classes {
            self.class(*c)?;
        }
        Ok(())
    }

    fn roots(&self, s: &StateIn) -> Check {
        if !matches!(s.handled, Value::None) {
            self.exception(s.handled)?;
        }
        self.value(s.result)?;
        self.dict(s.globals)?;
        self.value(s.stdout_obj)?;
        self.value(s.stderr_obj)?;
        self.dict_or_none(s.modules_dict)?;
        let mut names = FxHashSet::default();
        for &id in &s.interned {
            match self.get(id)? {
                Object::Str(st) if names.insert(st.s.as_str()) => {}
                _ => return Err(malformed("bad interned string")),
            }
        }
        // Empty until the first one-character string, then one slot per Latin-1 code point
        // and the empty string.
        if !s.small_strs.is_empty() && s.small_strs.len() != 257 {
            return Err(malformed("bad small string table"));
        }
        for (i, v) in s.small_strs.iter().enumerate() {
            if matches!(v, Value::Unbound) {
                continue;
            }
            let want: String = u8::try_from(i).map(char::from).into_iter().collect();
            match v.obj().map(|id| self.get(id)).transpose()? {
                Some(Object::Str(st)) if st.s == want => {}
                _ => return Err(malformed("bad small string table")),
            }
        }
        let mut modules = FxHashSet::default();
        for (name, v) in &s.modules {
            if !modules.insert(name.as_str()) {
                return Err(malformed("module listed twice"));
            }
            self.value(*v)?;
        }
        if !(s.usage.native_cost_ns.is_finite() && s.usage.native_cost_ns >= 0.0) {
            return Err(malformed("bad budget state"));
        }
        if s.usage.output_written < (s.stdout.len() + s.stderr.len()) as u64 {
            return Err(malformed("output count below the output kept"));
        }
        Ok(())
    }
}

/// How many inputs of `op` are gone from a frame paused just after it, waiting for the frame
/// above (None: a frame cannot pause there). A call's callee and arguments became the new
/// frame; `for` over a generator keeps the iterator; `yield from` keeps the receiver. The top
/// frame waits at a call too (the host interface pauses at calls).
fn paused_pops(op: Op, above: Option<ExitAction>) -> Option<usize> {
    let n = |k: u32| usize::try_from(k).ok();
    match (op, above) {
        (Op::Call(k), None | Some(ExitAction::Return | ExitAction::Call | ExitAction::Init(_))) => {
            n(k)?.checked_add(1)
        }
        (
            Op::CallKw(k) | Op::CallMethod(k),
            None | Some(ExitAction::Return | ExitAction::Call | ExitAction::Init(_)),
        ) => n(k)?.checked_add(2),
        (
            Op::CallEx(k),
            None | Some(ExitAction::Return | ExitAction::Call | ExitAction::Init(_)),
        ) => Some(2 + usize::from(k != 0)),
        (Op::ForIter(t), Some(ExitAction::ForIter(u))) if t == u => Some(0),
        // `a.__op__(b)` runs above: the operands wait, copied, until it returns.
        (Op::BinaryOp(_), Some(ExitAction::Binop(_))) => Some(0),
        (Op::HostCall(_), None) => Some(0),
        (Op::Send(t), Some(ExitAction::Send(u) | ExitAction::AsyncSend(u))) if t == u => Some(1),
        _ => None,
    }
}
