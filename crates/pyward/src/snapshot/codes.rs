//! The code table: every distinct code object once, referenced by index. A bundled module's
//! code is stored as (module, number) and taken from the process's compiled copy on load
//! (`modules::bundled`): it is most of an idle session's bytes otherwise.
//!
//! `Arc<Code>` is shared by frames, functions, generators and `CodeRt` objects, and nests
//! through `Const::Code`. The encoder numbers codes by `Arc::as_ptr` in post-order (nested
//! codes before the code holding them); the decoder rebuilds the table in order, and a
//! reference may only point at an entry already decoded. So decoding never recurses on input
//! depth, references cannot form cycles, and sharing survives. Each decoded code passes
//! `bytecode::verify_code` as it is read; nesting depth is bounded so dropping a chain of
//! codes cannot overflow the stack.
//!
//! serde's derive has no way to pass context, so the table lives in a thread-local for the
//! duration of one dump or load (`EncodeGuard`, `DecodeGuard` clear it even on error).

use std::cell::{Cell, RefCell};
use std::collections::hash_map::Entry;
use std::fmt;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::de::{self, SeqAccess, Visitor};
use serde::ser::{self, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::bytecode::{Code, Const};
use crate::modules::bundled;

/// Deepest chain of code objects nested through constants. The compiler cannot exceed about
/// 300 (100 indentation levels plus 200 brackets of lambdas and comprehensions); dropping a
/// chain recurses once per level, so this also bounds that stack use.
pub(crate) const MAX_CODE_DEPTH: u32 = 512;

/// Deepest nesting of tuple and frozenset constants: the source pre-scan allows 200 brackets,
/// so the compiler never folds deeper. Decoding and dropping recurse once per level.
pub(crate) const MAX_CONST_DEPTH: u32 = 256;

thread_local! {
    /// While encoding: the code table (`EncodeGuard`).
    static ENCODE: RefCell<Option<EncodeTable>> = const { RefCell::new(None) };
    /// While decoding: the codes read so far and their nesting depths.
    static DECODE: RefCell<Option<DecodeTable>> = const { RefCell::new(None) };
    /// Current nesting of tuple/frozenset constants being decoded.
    static CONST_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// The bundled module a failed load named but this build does not have (or has
    /// compiled differently).
    static STALE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Why the last load failed, if it named bundled module code this build does not have.
pub(crate) fn take_stale_module() -> Option<String> {
    STALE.with(RefCell::take)
}

#[derive(Default)]
struct DecodeTable {
    codes: Vec<Arc<Code>>,
    depths: Vec<u32>,
    /// Deepest code referenced by the code being decoded.
    child_depth: u32,
}

/// Every code reachable from `roots` in post-order, all the way down: how a bundled module's
/// codes are numbered.
pub(crate) fn collect_all(roots: impl IntoIterator<Item = Arc<Code>>) -> Vec<Arc<Code>> {
    let mut table = Numbering::default();
    for root in roots {
        table.add(&root, |_| false);
    }
    table.codes
}

/// Codes numbered in post-order as they are added: each code's nested codes get lower
/// numbers than it.
#[derive(Default)]
struct Numbering {
    /// Code pointer -> index (`u32::MAX` while the code's nested codes are being added).
    index: FxHashMap<usize, u32>,
    codes: Vec<Arc<Code>>,
}

impl Numbering {
    /// Add `root` and the codes nested in its constants that are not numbered yet; a code
    /// `leaf` accepts is numbered without visiting its nested codes.
    fn add(&mut self, root: &Arc<Code>, leaf: impl Fn(&Arc<Code>) -> bool) {
        if self.index.contains_key(&key(root)) {
            return;
        }
        self.index.insert(key(root), u32::MAX);
        let nested = |c: &Arc<Code>| if leaf(c) { Vec::new() } else { children(c) };
        // Each stack entry: a code and the nested codes it still has to visit.
        let mut stack = vec![(root.clone(), nested(root))];
        while let Some((code, pending)) = stack.last_mut() {
            match pending.pop() {
                Some(child) => {
                    if let Entry::Vacant(slot) = self.index.entry(key(&child)) {
                        slot.insert(u32::MAX);
                        let grand = nested(&child);
                        stack.push((child, grand));
                    }
                }
                None => {
                    let n = u32::try_from(self.codes.len()).unwrap_or(u32::MAX);
                    self.index.insert(key(code), n);
                    self.codes.push(code.clone());
                    stack.pop();
                }
            }
        }
    }
}

/// A bundled module's code is stored by name (`modules::bundled`): its nested codes are not
/// in a snapshot's table.
fn stored_by_name(code: &Arc<Code>) -> bool {
    bundled::code_name(code).is_some()
}

fn key(code: &Arc<Code>) -> usize {
    Arc::as_ptr(code) as usize
}

/// The codes nested in `code`'s constants (also inside constant tuples), last first.
fn children(code: &Code) -> Vec<Arc<Code>> {
    let mut out = Vec::new();
    let mut consts: Vec<&Const> = code.consts.iter().rev().collect();
    while let Some(c) = consts.pop() {
        match c {
            Const::Code(inner) => out.push(inner.clone()),
            Const::Tuple(items) | Const::FrozenSet(items) => consts.extend(items.iter().rev()),
            Const::None
            | Const::Bool(_)
            | Const::Int(_)
            | Const::BigInt(_)
            | Const::Float(_)
            | Const::Imag(_)
            | Const::Str(_)
            | Const::Bytes(_)
            | Const::Ellipsis => {}
        }
    }
    out.reverse();
    out
}

/// While encoding: the code table so far.
struct EncodeTable {
    numbering: Numbering,
    /// Whether a code met for the first time joins the table (while the objects are
    /// written); once the table itself is written, an unknown code is an error.
    open: bool,
}

/// Installs the encoder's code table for the duration of a dump.
pub(crate) struct EncodeGuard;

impl EncodeGuard {
    /// A fixed table: exactly `table`, in its order.
    #[cfg(test)]
    pub(crate) fn new(table: &[Arc<Code>]) -> EncodeGuard {
        let mut numbering = Numbering::default();
        for (i, c) in table.iter().enumerate() {
            numbering
                .index
                .insert(key(c), u32::try_from(i).unwrap_or(u32::MAX));
        }
        numbering.codes = table.to_vec();
        Self::install(EncodeTable {
            numbering,
            open: false,
        })
    }

    /// An empty table that every code referenced from now on joins (with the codes nested in
    /// it, before it), until `close`.
    pub(crate) fn open() -> EncodeGuard {
        Self::install(EncodeTable {
            numbering: Numbering::default(),
            open: true,
        })
    }

    fn install(table: EncodeTable) -> EncodeGuard {
        ENCODE.with(|e| *e.borrow_mut() = Some(table));
        EncodeGuard
    }

    /// Add `code` and the codes nested in it, as a reference to it would.
    pub(crate) fn add(&self, code: &Arc<Code>) {
        ENCODE.with(|e| {
            if let Some(t) = e.borrow_mut().as_mut() {
                t.numbering.add(code, stored_by_name);
            }
        });
    }

    /// The table, to be written: no code can join it any more.
    pub(crate) fn close(&self) -> Vec<Arc<Code>> {
        ENCODE.with(|e| match e.borrow_mut().as_mut() {
            Some(t) => {
                t.open = false;
                t.numbering.codes.clone()
            }
            None => Vec::new(),
        })
    }
}

impl Drop for EncodeGuard {
    fn drop(&mut self) {
        ENCODE.with(|e| *e.borrow_mut() = None);
    }
}

/// Installs an empty decode table for the duration of a load.
pub(crate) struct DecodeGuard;

impl DecodeGuard {
    pub(crate) fn new() -> DecodeGuard {
        DECODE.with(|d| *d.borrow_mut() = Some(DecodeTable::default()));
        CONST_DEPTH.with(|c| c.set(0));
        DecodeGuard
    }
}

impl Drop for DecodeGuard {
    fn drop(&mut self) {
        DECODE.with(|d| *d.borrow_mut() = None);
    }
}

/// One entry of the code table: a code written out, or a bundled module's code by name.
#[derive(Serialize)]
enum EntryOut<'a> {
    Code(&'a Code),
    Bundled(&'a str, u32, u64),
}

/// `EntryOut` as read (same variants, same order). Only one is alive at a time, so the size
/// difference costs nothing.
#[derive(Deserialize)]
#[allow(
    clippy::large_enum_variant,
    reason = "one entry at a time, moved into an Arc"
)]
enum EntryIn {
    Code(Code),
    Bundled(String, u32, u64),
}

/// The table as written: each code in order.
pub(crate) struct CodeTableOut<'a>(pub &'a [Arc<Code>]);

impl Serialize for CodeTableOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for c in self.0 {
            match bundled::code_name(c) {
                Some((module, n, fingerprint)) => {
                    seq.serialize_element(&EntryOut::Bundled(module, n, fingerprint))?;
                }
                None => seq.serialize_element(&EntryOut::Code(c))?,
            }
        }
        seq.end()
    }
}

/// The table as read: each code verified (or looked up, for a bundled module's) and
/// installed in the decode table; the objects and frames decoded after it hold the codes.
pub(crate) struct CodeTable;

impl<'de> Deserialize<'de> for CodeTable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CodeTable, D::Error> {
        d.deserialize_seq(TableVisitor)
    }
}

struct TableVisitor;

impl<'de> Visitor<'de> for TableVisitor {
    type Value = CodeTable;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a code table")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<CodeTable, A::Error> {
        loop {
            with_table(|t| t.child_depth = 0).map_err(de::Error::custom)?;
            let Some(entry) = seq.next_element::<EntryIn>()? else {
                break;
            };
            let code = match entry {
                EntryIn::Code(code) => {
                    crate::bytecode::verify::verify_code(&code).map_err(de::Error::custom)?;
                    Arc::new(code)
                }
                // Compiled by this build from its own source: nothing to verify. The process
                // keeps it alive, so dropping the VM never recurses into it (depth 1).
                EntryIn::Bundled(module, n, fingerprint) => {
                    bundled::code_named(&module, n, fingerprint).ok_or_else(|| {
                        // postcard keeps no custom message: `state::decode` reports this one.
                        STALE.with(|s| s.replace(Some(module)));
                        de::Error::custom("unknown bundled module code")
                    })?
                }
            };
            with_table(|t| {
                let depth = t.child_depth.saturating_add(1);
                if depth > MAX_CODE_DEPTH {
                    return Err("code objects nested too deeply");
                }
                t.codes.push(code);
                t.depths.push(depth);
                Ok(())
            })
            .and_then(|r| r)
            .map_err(de::Error::custom)?;
        }
        Ok(CodeTable)
    }
}

fn with_table<R>(f: impl FnOnce(&mut DecodeTable) -> R) -> Result<R, &'static str> {
    DECODE.with(|d| match d.borrow_mut().as_mut() {
        Some(t) => Ok(f(t)),
        None => Err("code reference outside a snapshot load"),
    })
}

/// serde `with` module for `Arc<Code>` fields: an index into the code table.
pub(crate) mod code_ref {
    use super::*;

    /// Write the code's table index.
    pub(crate) fn serialize<S: Serializer>(code: &Arc<Code>, s: S) -> Result<S::Ok, S::Error> {
        let ix = ENCODE.with(|e| {
            let mut table = e.borrow_mut();
            let t = table.as_mut()?;
            if t.open {
                t.numbering.add(code, stored_by_name);
            }
            t.numbering.index.get(&key(code)).copied()
        });
        match ix {
            Some(i) => s.serialize_u32(i),
            None => Err(ser::Error::custom(
                "code object missing from the snapshot's code table",
            )),
        }
    }

    /// Read a table index; only codes already decoded can be referenced.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<Code>, D::Error> {
        let i = u32::deserialize(d)? as usize;
        with_table(|t| {
            let code = t.codes.get(i).cloned();
            let depth = t.depths.get(i).copied().unwrap_or(0);
            t.child_depth = t.child_depth.max(depth);
            code
        })
        .map_err(de::Error::custom)?
        .ok_or_else(|| de::Error::custom("code index out of range"))
    }
}

/// `deserialize_with` for the items of tuple and frozenset constants: bounds their nesting.
pub(crate) fn nested_consts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Const>, D::Error> {
    nested(d)
}

/// `deserialize_with` for the items of nested host `Data` (pending host calls' arguments):
/// bounds their nesting like constants'.
pub(crate) fn nested_data<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    nested(d)
}

/// Deserialize one level of a recursive structure, refusing nesting past `MAX_CONST_DEPTH`
/// (decoding and dropping recurse once per level).
fn nested<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let depth = CONST_DEPTH.with(Cell::get).saturating_add(1);
    if depth > MAX_CONST_DEPTH {
        return Err(de::Error::custom("value nested too deeply"));
    }
    CONST_DEPTH.with(|c| c.set(depth));
    let r = Vec::<T>::deserialize(d);
    CONST_DEPTH.with(|c| c.set(depth - 1));
    r
}
