//! Stack shapes: the operand stack's depth and slot kinds before every instruction.
//!
//! An abstract interpretation over the control-flow graph (fall-through, jumps and
//! exception-table handlers) proves that no instruction pops below its frame's operand stack,
//! that every path reaching an instruction agrees on the depth, that no path runs off the end,
//! and that the slots some instructions rely on hold the right kind of object (`ListAppend`
//! appends to a list built by `BuildList`, `MakeFunction` takes a code constant, `Reraise`
//! re-raises an exception a handler pushed). Compiler output and snapshot code both pass here
//! (`verify`), and snapshot validation compares paused frames against these shapes.
//!
//! States are persistent stacks in an arena (a push shares the tail), so storing one per
//! instruction costs O(1); the arena is capped in proportion to the code size so hostile
//! operands (`UnpackSequence(4e9)`) cannot make the analysis itself expensive.
//! `ORDER OPCODE`: `step` lists every opcode's stack effect; keep it in step with dispatch.rs.

use super::code::{Code, Const};
use super::opcode::Op;

/// What a stack slot is known to hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Any value except `Unbound`.
    Any,
    /// Any value or `Unbound` (the self slot `LoadMethod` pushes).
    MaybeUnbound,
    /// A list (`BuildList`).
    List,
    /// A set (`BuildSet`).
    Set,
    /// A dict (`BuildMap`).
    Dict,
    /// An exception object (pushed on entry to a handler).
    Exc,
    /// An exception object or None (the previously handled exception, `PushExcInfo`).
    ExcOrNone,
    /// A code object's runtime constants (`LoadConst` of a code constant).
    CodeRt,
    /// A function (`MakeFunction`).
    Func,
}

fn merge_kind(a: Kind, b: Kind) -> Kind {
    match (a, b) {
        _ if a == b => a,
        (Kind::Exc, Kind::ExcOrNone) | (Kind::ExcOrNone, Kind::Exc) => Kind::ExcOrNone,
        (Kind::MaybeUnbound, _) | (_, Kind::MaybeUnbound) => Kind::MaybeUnbound,
        _ => Kind::Any,
    }
}

/// The empty stack.
const EMPTY: u32 = u32::MAX;
/// An instruction no path has reached yet.
const UNSEEN: u32 = u32::MAX - 1;

#[derive(Clone, Copy)]
struct Node {
    kind: Kind,
    parent: u32,
    depth: u32,
}

/// The analysis result: the stack before each reachable instruction.
pub struct Shapes {
    nodes: Vec<Node>,
    before: Vec<u32>,
}

impl Shapes {
    /// The slot kinds before instruction `ip`, bottom first (None: unreachable).
    pub fn before(&self, ip: usize) -> Option<Vec<Kind>> {
        let mut st = *self.before.get(ip)?;
        if st == UNSEEN {
            return None;
        }
        let mut out = Vec::new();
        while let Some(n) = self.nodes.get(st as usize) {
            out.push(n.kind);
            st = n.parent;
        }
        out.reverse();
        Some(out)
    }
}

type R<T> = Result<T, String>;

struct Arena {
    nodes: Vec<Node>,
    budget: usize,
}

impl Arena {
    fn depth(&self, st: u32) -> u32 {
        self.nodes.get(st as usize).map_or(0, |n| n.depth)
    }

    fn push(&mut self, st: u32, kind: Kind) -> R<u32> {
        if self.nodes.len() >= self.budget {
            return Err("stack analysis exceeds its budget".into());
        }
        let depth = self.depth(st).saturating_add(1);
        let id = u32::try_from(self.nodes.len()).map_err(|_| "stack too deep".to_string())?;
        self.nodes.push(Node {
            kind,
            parent: st,
            depth,
        });
        Ok(id)
    }

    fn push_n(&mut self, mut st: u32, n: u64, kind: Kind) -> R<u32> {
        for _ in 0..n {
            st = self.push(st, kind)?;
        }
        Ok(st)
    }

    fn pop_n(&self, mut st: u32, n: u64) -> R<u32> {
        if u64::from(self.depth(st)) < n {
            return Err("stack underflow".into());
        }
        for _ in 0..n {
            st = self.nodes.get(st as usize).map_or(EMPTY, |n| n.parent);
        }
        Ok(st)
    }

    /// The kind `k` slots below the top (0 = top).
    fn peek(&self, st: u32, k: u64) -> R<Kind> {
        let below = self.pop_n(st, k)?;
        match self.nodes.get(below as usize) {
            Some(n) => Ok(n.kind),
            None => Err("stack underflow".into()),
        }
    }

    fn require(&self, st: u32, k: u64, want: &[Kind], what: &str) -> R<()> {
        let got = self.peek(st, k)?;
        if want.contains(&got) {
            Ok(())
        } else {
            Err(format!("{what} needs {want:?}, found {got:?}"))
        }
    }

    /// Merge `incoming` into the state `old` of a join point; None when nothing changed.
    fn merge(&mut self, old: u32, incoming: u32) -> R<Option<u32>> {
        if old == incoming {
            return Ok(None);
        }
        if self.depth(old) != self.depth(incoming) {
            return Err("inconsistent stack depth at a join".into());
        }
        let (mut a, mut b) = (old, incoming);
        let mut merged = Vec::new();
        let mut changed = false;
        while a != b {
            let (Some(na), Some(nb)) = (self.nodes.get(a as usize), self.nodes.get(b as usize))
            else {
                return Err("inconsistent stack depth at a join".into());
            };
            let k = merge_kind(na.kind, nb.kind);
            changed |= k != na.kind;
            merged.push(k);
            (a, b) = (na.parent, nb.parent);
        }
        if !changed {
            return Ok(None);
        }
        let mut st = a;
        for k in merged.into_iter().rev() {
            st = self.push(st, k)?;
        }
        Ok(Some(st))
    }
}

/// One instruction's effect: the depth reached after its pops (an exception raised by it
/// leaves at least this much), and the states on fall-through and on its jump.
struct Step {
    low: u32,
    fall: Option<u32>,
    jump: Option<(u32, u32)>,
}

/// Analyse `code` (operands must already be in range: `verify_code` calls this last).
pub fn analyze(code: &Code) -> Result<Shapes, String> {
    let n = code.ops.len();
    if n == 0 {
        return Err(format!("{}: empty code", code.name));
    }
    let mut arena = Arena {
        nodes: Vec::new(),
        budget: n.saturating_mul(32).saturating_add(4096),
    };
    let mut before = vec![UNSEEN; n];
    let mut work = vec![0usize];
    if let Some(b) = before.first_mut() {
        *b = EMPTY;
    }
    let fail = |ip: usize, why: String| format!("{}: at {ip}: {why}", code.name);
    while let Some(ip) = work.pop() {
        let (Some(&st), Some(&op)) = (before.get(ip), code.ops.get(ip)) else {
            continue;
        };
        let step = step(&mut arena, op, st, &code.consts).map_err(|e| fail(ip, e))?;
        let mut targets: Vec<(usize, u32)> = Vec::with_capacity(3);
        if let Some(h) = code.handler_at(ip).filter(|_| can_raise(op)) {
            if step.low < h.depth {
                return Err(fail(
                    ip,
                    format!(
                        "{op:?} leaves {} values, below its handler's depth {}",
                        step.low, h.depth
                    ),
                ));
            }
            let kept = arena.pop_n(st, u64::from(arena.depth(st) - h.depth))?;
            let entry = arena.push(kept, Kind::Exc).map_err(|e| fail(ip, e))?;
            targets.push((h.target as usize, entry));
        }
        if let Some(s) = step.fall {
            targets.push((ip + 1, s));
        }
        if let Some((t, s)) = step.jump {
            targets.push((t as usize, s));
        }
        for (t, s) in targets {
            let Some(slot) = before.get_mut(t) else {
                return Err(fail(ip, "runs off the end of the code".into()));
            };
            let new = if *slot == UNSEEN {
                Some(s)
            } else {
                arena.merge(*slot, s).map_err(|e| fail(ip, e))?
            };
            if let Some(s) = new {
                *slot = s;
                work.push(t);
            }
        }
    }
    Ok(Shapes {
        nodes: arena.nodes,
        before,
    })
}

/// Whether an instruction can raise a Python exception (and so reach its handler). Limits
/// unwind without handlers, so jumps that only check the budget do not count.
fn can_raise(op: Op) -> bool {
    !matches!(
        op,
        Op::Nop
            | Op::Pop
            | Op::Dup
            | Op::Dup2
            | Op::Swap
            | Op::Rot3
            | Op::Rot4
            | Op::LoadConst(_)
            | Op::LoadInt(_)
            | Op::LoadNone
            | Op::StoreFast(_)
            | Op::LoadClosure(_)
            | Op::Jump(_)
            | Op::JumpIfNotNone(_)
            | Op::Is(_)
            | Op::PushExcInfo
            | Op::PopExcept
            | Op::SetResult
            | Op::LoadAssertionError
            | Op::ReturnValue
    )
}

/// The stack effect of one instruction (`ORDER OPCODE`).
fn step(a: &mut Arena, op: Op, st: u32, consts: &[Const]) -> R<Step> {
    use Kind::{Any, Dict, Exc, ExcOrNone, List, MaybeUnbound, Set};
    let d = a.depth(st);
    // Pop `pops`, push `pushes` of `kind`, fall through.
    let simple = |a: &mut Arena, pops: u64, pushes: &[Kind]| -> R<Step> {
        let mut s = a.pop_n(st, pops)?;
        let low = a.depth(s);
        for &k in pushes {
            s = a.push(s, k)?;
        }
        Ok(Step {
            low,
            fall: Some(s),
            jump: None,
        })
    };
    let end = |a: &Arena, pops: u64| -> R<Step> {
        let s = a.pop_n(st, pops)?;
        Ok(Step {
            low: a.depth(s),
            fall: None,
            jump: None,
        })
    };
    // Pop one value into a container `n` below the top (n >= 1).
    let into = |a: &mut Arena, n: u32, pops: u64, kind: Kind, what: &str| -> R<Step> {
        if n == 0 {
            return Err(format!("{what} with operand 0"));
        }
        let s = a.pop_n(st, pops)?;
        a.require(s, u64::from(n) - 1, &[kind], what)?;
        Ok(Step {
            low: a.depth(s),
            fall: Some(s),
            jump: None,
        })
    };
    match op {
        Op::Nop
        | Op::DeleteFast(_)
        | Op::DeleteDeref(_)
        | Op::DeleteGlobal(_)
        | Op::DeleteName(_) => simple(a, 0, &[]),
        Op::Pop
        | Op::StoreFast(_)
        | Op::StoreDeref(_)
        | Op::StoreGlobal(_)
        | Op::StoreName(_)
        | Op::DeleteAttr(_)
        | Op::ImportStar
        | Op::SetResult => simple(a, 1, &[]),
        Op::Dup => {
            let k = a.peek(st, 0)?;
            simple(a, 1, &[k, k])
        }
        Op::Dup2 => {
            let (x, y) = (a.peek(st, 1)?, a.peek(st, 0)?);
            simple(a, 2, &[x, y, x, y])
        }
        Op::Swap => {
            let (x, y) = (a.peek(st, 1)?, a.peek(st, 0)?);
            simple(a, 2, &[y, x])
        }
        Op::Rot3 => {
            let (x, y, z) = (a.peek(st, 2)?, a.peek(st, 1)?, a.peek(st, 0)?);
            simple(a, 3, &[z, x, y])
        }
        Op::Rot4 => {
            let (w, x, y, z) = (
                a.peek(st, 3)?,
                a.peek(st, 2)?,
                a.peek(st, 1)?,
                a.peek(st, 0)?,
            );
            simple(a, 4, &[z, w, x, y])
        }
        Op::LoadConst(i) => {
            let k = match consts.get(i as usize) {
                Some(Const::Code(_)) => Kind::CodeRt,
                _ => Any,
            };
            simple(a, 0, &[k])
        }
        Op::LoadInt(_)
        | Op::LoadNone
        | Op::LoadFast(_)
        | Op::LoadDeref(_)
        | Op::LoadClosure(_)
        | Op::LoadGlobal(_)
        | Op::LoadName(_)
        | Op::ImportName(_)
        | Op::LoadAssertionError => simple(a, 0, &[Any]),
        Op::LoadAttr(_)
        | Op::Unary(_)
        | Op::GetIter
        | Op::GetYieldFromIter
        | Op::ListToTuple
        | Op::YieldValue
        | Op::YieldAsyncGen
        | Op::GetAwaitable(_)
        | Op::GetAiter => simple(a, 1, &[Any]),
        Op::StoreAttr(_) | Op::DeleteSubscr => simple(a, 2, &[]),
        Op::StoreSubscr => simple(a, 3, &[]),
        Op::LoadMethod(_) => simple(a, 1, &[Any, MaybeUnbound]),
        Op::CallMethod(n) => simple(a, u64::from(n) + 2, &[Any]),
        Op::Call(n) => simple(a, u64::from(n) + 1, &[Any]),
        Op::CallKw(n) => simple(a, u64::from(n) + 2, &[Any]),
        Op::CallEx(k) => simple(a, 2 + u64::from(k != 0), &[Any]),
        Op::Subscr
        | Op::BinaryOp(_)
        | Op::InplaceOp(_)
        | Op::Compare(_)
        | Op::Is(_)
        | Op::In(_)
        | Op::DictWithoutKeys => simple(a, 2, &[Any]),
        Op::BuildSlice(n) => simple(a, if n == 3 { 3 } else { 2 }, &[Any]),
        Op::Jump(t) => Ok(Step {
            low: d,
            fall: None,
            jump: Some((t, st)),
        }),
        Op::JumpIfFalse(t) | Op::JumpIfTrue(t) | Op::JumpIfNotNone(t) => {
            let s = a.pop_n(st, 1)?;
            Ok(Step {
                low: d - 1,
                fall: Some(s),
                jump: Some((t, s)),
            })
        }
        Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
            let s = a.pop_n(st, 1)?;
            Ok(Step {
                low: d - 1,
                fall: Some(s),
                jump: Some((t, st)),
            })
        }
        Op::ForIter(t) => {
            let exhausted = a.pop_n(st, 1)?;
            let next = a.push(st, Any)?;
            Ok(Step {
                low: d - 1,
                fall: Some(next),
                jump: Some((t, exhausted)),
            })
        }
        Op::Send(t) => {
            let receiver = a.pop_n(st, 1)?;
            a.peek(receiver, 0)?;
            let yielded = a.push(receiver, Any)?;
            let result = a.push(a.pop_n(receiver, 1)?, Any)?;
            Ok(Step {
                low: d - 2,
                fall: Some(yielded),
                jump: Some((t, result)),
            })
        }
        Op::BuildTuple(n) | Op::BuildString(n) => simple(a, u64::from(n), &[Any]),
        Op::BuildList(n) => simple(a, u64::from(n), &[List]),
        Op::BuildSet(n) => simple(a, u64::from(n), &[Set]),
        Op::BuildMap(n) => simple(a, 2 * u64::from(n), &[Dict]),
        Op::ListAppend(n) => into(a, n, 1, List, "ListAppend"),
        Op::ListExtend(n) => into(a, n, 1, List, "ListExtend"),
        Op::SetAdd(n) => into(a, n, 1, Set, "SetAdd"),
        Op::SetUpdate(n) => into(a, n, 1, Set, "SetUpdate"),
        Op::MapAdd(n) => into(a, n, 2, Dict, "MapAdd"),
        Op::DictUpdate(n) => into(a, n, 1, Dict, "DictUpdate"),
        Op::DictMerge(n) => into(a, n, 1, Dict, "DictMerge"),
        Op::FormatValue(f) => simple(a, 1 + u64::from(f & 4 != 0), &[Any]),
        Op::UnpackSequence(n) => {
            let s = a.pop_n(st, 1)?;
            let s2 = a.push_n(s, u64::from(n), Any)?;
            Ok(Step {
                low: d - 1,
                fall: Some(s2),
                jump: None,
            })
        }
        Op::UnpackEx(arg) => {
            let count = u64::from(arg & 0xFFFF) + u64::from(arg >> 16) + 1;
            let s = a.pop_n(st, 1)?;
            let s2 = a.push_n(s, count, Any)?;
            Ok(Step {
                low: d - 1,
                fall: Some(s2),
                jump: None,
            })
        }
        Op::MakeFunction(flags) => {
            a.require(st, 0, &[Kind::CodeRt], "MakeFunction")?;
            simple(a, 1 + u64::from((flags & 15).count_ones()), &[Kind::Func])
        }
        Op::BuildClass(n) => {
            let count = u64::from(n & 0xFFFF) + 2 + u64::from(n & (1 << 31) != 0);
            a.require(st, count - 1, &[Kind::Func], "BuildClass")?;
            simple(a, count, &[Any])
        }
        Op::ReturnValue => end(a, 1),
        Op::Raise(k) => end(
            a,
            match k {
                0 => 0,
                2 => 2,
                _ => 1,
            },
        ),
        Op::Reraise => {
            a.require(st, 0, &[Exc], "Reraise")?;
            end(a, 1)
        }
        Op::HostCall(super::HostCallKind::AsyncFunction) => simple(a, 0, &[Any]),
        Op::Unsupported(_) | Op::HostCall(_) => end(a, 0),
        Op::PushExcInfo => {
            a.require(st, 0, &[Exc], "PushExcInfo")?;
            simple(a, 1, &[ExcOrNone, Exc])
        }
        Op::PopExcept => {
            a.require(st, 0, &[Exc, ExcOrNone], "PopExcept")?;
            simple(a, 1, &[])
        }
        Op::CheckExcMatch => {
            a.peek(st, 1)?;
            simple(a, 1, &[Any])
        }
        Op::CheckEgMatch(t) => {
            let kept = a.pop_n(st, 1)?;
            a.peek(kept, 0)?;
            let taken = a.push(a.pop_n(kept, 1)?, Any)?;
            let taken = a.push(taken, Any)?;
            Ok(Step {
                low: d - 2,
                fall: Some(taken),
                jump: Some((t, kept)),
            })
        }
        Op::PrepReraiseStar(t) => {
            a.require(st, 0, &[List], "PrepReraiseStar")?;
            let done = a.pop_n(st, 2)?;
            let raise = a.push(done, Exc)?;
            Ok(Step {
                low: d - 2,
                fall: Some(raise),
                jump: Some((t, done)),
            })
        }
        Op::MatchSequence(..) | Op::MatchMapping | Op::ImportFrom(_) => {
            a.peek(st, 0)?;
            simple(a, 0, &[Any])
        }
        Op::MatchKeys => {
            a.peek(st, 1)?;
            simple(a, 0, &[Any])
        }
        Op::MatchClass(_) => simple(a, 3, &[Any]),
        Op::BeforeWith | Op::BeforeAsyncWith => simple(a, 1, &[Any, Any]),
        // The async iterator stays where it is (its loop's handler counts it).
        Op::GetAnext => {
            a.peek(st, 0)?;
            simple(a, 0, &[Any])
        }
        Op::EndAsyncFor => simple(a, 2, &[]),
        Op::WithExceptStart => {
            a.peek(st, 2)?;
            simple(a, 0, &[Any])
        }
    }
}
