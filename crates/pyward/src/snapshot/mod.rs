//! Snapshots: a whole `Vm` (paused run or idle session) as bytes, and back.
//!
//! Layout: `MAGIC`, `FORMAT_VERSION` (u32 little-endian), the pyward version (one length byte,
//! then UTF-8), then the heap's object table, encoded by hand (`objects.rs`: it is nearly all
//! of the bytes), then the rest of the postcard-encoded state (`state.rs`): the code table
//! first, then frames, value stack, roots and budget usage. Caches (`attr_cache`, `code_cache`, str
//! hashes and lengths, dict index tables) are rebuilt on load, never stored. A snapshot is
//! untrusted input: decoding never recurses on input depth (`codes.rs`), preallocates at most
//! serde's cautious 1 MiB per open container in the postcard part and never more elements
//! than the bytes left could encode in the object table; `objects.rs` checks the ids and
//! kinds of the objects it encodes compactly as it reads them (charging each to the memory
//! limit), and `validate.rs` checks every other id, kind and index the VM relies on before a
//! `Vm` is built, so loading ends in a `SnapshotError`, never a panic.
//!
//! Bump `FORMAT_VERSION` when the encoding changes in any way (a field or variant added,
//! removed or reordered in a serialized type, a changed `Op`, a new object kind or value tag
//! in `objects.rs`), and add fixtures under tests/snapshots/v<N>/; the fixture test fails until
//! you do. Version 2: the object table moved out of postcard into `objects.rs`. Version 3: a
//! bundled module's code is stored by name (`codes.rs`). Version 4: exceptions carry `name`,
//! `obj` and the NameError's scope. Version 5: a bundled code's name carries its module's
//! fingerprint. Version 6: functions carry `__annotations__`. Version 7: `complex` objects
//! (`Object::Complex`, postcard-encoded in the object table). Version 8: values in the object
//! table are fixed-size (a tag that gives the payload's width, then the payload), not
//! varints; a dict with the last dict's keys stores only its values; the strs' text is one
//! run. Version 9: exceptions carry an exception group's message and exceptions. Version 10:
//! the object table's payloads come before the strs' text, after their length (the encoder
//! writes the table in one pass). Version 11: the object table comes before the rest of the
//! state (the encoder gathers the code table as it writes the objects). Version 12: code
//! objects carry their instructions' column ranges, and traceback entries theirs. A change
//! to a bundled module's compiled code (its source, or the compiler) needs no bump: snapshots
//! naming the old code are refused by fingerprint; bless the current fixtures again.

mod codes;
mod names;
mod objects;
mod state;
mod validate;

#[cfg(test)]
mod objects_tests;
#[cfg(test)]
mod tests;

use std::fmt;

use crate::heap::LimitKind;
use crate::host::limits::Limits;
use crate::host::policy::{Clock, RealClock};
use crate::vm::Vm;

pub(crate) use codes::{code_ref, collect_all as collect_codes, nested_consts, nested_data};
pub(crate) use names::by_name;

/// The first bytes of every snapshot.
pub const MAGIC: &[u8; 8] = b"PYWARDSN";

/// The snapshot encoding's version; see the module docs for when to bump it.
pub const FORMAT_VERSION: u32 = 12;

/// The pyward version that wrote a snapshot must equal the one loading it: bytecode and
/// native semantics may change between versions even when the encoding does not.
pub const PYWARD_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Why a snapshot could not be written or loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// The bytes do not start with `MAGIC`.
    NotASnapshot,
    /// Written with another encoding version.
    FormatVersion {
        /// The version in the snapshot.
        found: u32,
        /// The version this build reads.
        expected: u32,
    },
    /// Written by another pyward version.
    PywardVersion {
        /// The version in the snapshot.
        found: String,
        /// This build's version.
        expected: String,
    },
    /// Truncated, corrupted or inconsistent bytes.
    Malformed(String),
    /// The decoded state does not fit the limits given to `load`.
    Limit(LimitKind),
    /// The VM cannot be written now: native code is on the Rust stack (a host call made
    /// under a native frame, or a dump from inside a callback).
    NotSuspendable(&'static str),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotASnapshot => write!(f, "not a pyward snapshot"),
            SnapshotError::FormatVersion { found, expected } => write!(
                f,
                "snapshot format version {found} is not supported (this build reads {expected})"
            ),
            SnapshotError::PywardVersion { found, expected } => write!(
                f,
                "snapshot written by pyward {found} cannot be loaded by pyward {expected}"
            ),
            SnapshotError::Malformed(why) => write!(f, "malformed snapshot: {why}"),
            SnapshotError::Limit(k) => write!(f, "snapshot does not fit the limits: {k:?}"),
            SnapshotError::NotSuspendable(why) => write!(f, "cannot snapshot now: {why}"),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// A malformed-input error with a reason.
#[cold]
pub fn malformed(why: impl Into<String>) -> SnapshotError {
    SnapshotError::Malformed(why.into())
}

/// Serialize a VM that is paused (no native frame live) or idle.
pub fn dump(vm: &Vm) -> Result<Vec<u8>, SnapshotError> {
    let mut out = Vec::with_capacity(4096);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    let version = PYWARD_VERSION.as_bytes();
    let len = u8::try_from(version.len()).map_err(|_| malformed("version string too long"))?;
    out.push(len);
    out.extend_from_slice(version);
    state::encode(vm, out)
}

/// Restore a VM from `dump`'s bytes under `limits`, with the real clock.
///
/// The given limits win over the ones the snapshot was taken with: the snapshot records only
/// what was used (time, fuel, allocations, output, the program's own recursion limit), which
/// counts against the new limits. The heap is re-charged object by object, so a snapshot
/// larger than `limits.max_memory` fails with `SnapshotError::Limit`.
pub fn load(bytes: &[u8], limits: Limits) -> Result<Vm, SnapshotError> {
    load_with_clock(bytes, limits, Box::new(RealClock::new()))
}

/// `load` with the embedder's clock (OS policy); the duration deadline is computed from it.
pub fn load_with_clock(
    bytes: &[u8],
    limits: Limits,
    clock: Box<dyn Clock>,
) -> Result<Vm, SnapshotError> {
    let payload = check_header(bytes)?;
    state::decode(payload, limits, clock)
}

/// Check magic and versions; return the payload.
fn check_header(bytes: &[u8]) -> Result<&[u8], SnapshotError> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(SnapshotError::NotASnapshot)?;
    let (ver, rest) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| malformed("truncated header"))?;
    let found = u32::from_le_bytes(*ver);
    if found != FORMAT_VERSION {
        return Err(SnapshotError::FormatVersion {
            found,
            expected: FORMAT_VERSION,
        });
    }
    let (&len, rest) = rest
        .split_first()
        .ok_or_else(|| malformed("truncated header"))?;
    let (name, payload) = rest
        .split_at_checked(usize::from(len))
        .ok_or_else(|| malformed("truncated header"))?;
    if name != PYWARD_VERSION.as_bytes() {
        return Err(SnapshotError::PywardVersion {
            found: String::from_utf8_lossy(name).into_owned(),
            expected: PYWARD_VERSION.to_string(),
        });
    }
    Ok(payload)
}
