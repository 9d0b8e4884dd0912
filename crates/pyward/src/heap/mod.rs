//! The object arena: allocation, accounting against the memory limits, and tracing GC.
//!
//! Objects are addressed by `ObjId` (an index), so the object graph is plain data: it traces,
//! sizes and serializes without pointers. Every allocation is charged to `Account`; containers
//! re-charge their size when they grow (`Heap::recharge`). Collection happens only at safe
//! points chosen by the VM, when every live value is reachable from the VM's roots.

mod account;

pub use account::{Account, LimitKind};

/// Collect no more often than every this many allocated bytes (unless the memory limit is
/// close: see `pace`).
const MIN_GC_THRESHOLD: usize = 1 << 20;

/// The least allocation between two collections, however close the memory limit.
const FLOOR_GC_THRESHOLD: usize = 64 << 10;

/// Bytes to allocate before the next collection, given the live bytes after the last one:
/// twice the live set, so the tracing work stays amortised O(allocation) and a growing heap
/// is traced about once per doubling; but collect before garbage alone could push a small
/// live set over the memory limit.
fn pace(live: usize, max_bytes: usize) -> usize {
    let headroom = max_bytes.saturating_sub(live) / 2;
    MIN_GC_THRESHOLD
        .max(live.saturating_mul(2))
        .min(headroom)
        .max(FLOOR_GC_THRESHOLD)
}

use crate::exc::PyResult;
use crate::types::dict::Dict;
use crate::types::object::Object;
use crate::types::str::Str;
use crate::value::{ObjId, Value};

/// One arena slot: 64 bytes, one cache line.
struct Slot {
    obj: Option<Object>,
    /// Bytes charged for this object (so a free returns exactly what was charged). A u32
    /// keeps the slot at 64 bytes: one object may not exceed 4 GiB (`charge_of`).
    charged: u32,
    marked: bool,
}

const _: () = assert!(size_of::<Slot>() == 64);

impl Slot {
    const FREE: Slot = Slot::holding(None);
    #[allow(
        clippy::declare_interior_mutable_const,
        reason = "each use is a fresh empty str whose hash cell is filled later; none is shared"
    )]
    const STR: Slot = Slot::holding(Some(Object::Str(Str::empty())));
    const LIST: Slot = Slot::holding(Some(Object::List(Vec::new())));
    const TUPLE: Slot = Slot::holding(Some(Object::Tuple(Vec::new())));
    const DICT: Slot = Slot::holding(Some(Object::Dict(Dict::new())));

    const fn holding(obj: Option<Object>) -> Slot {
        Slot {
            obj,
            charged: 0,
            marked: false,
        }
    }
}

/// The kinds of empty object a snapshot's decoder fills in place (`Heap::push_restoring`).
#[derive(Clone, Copy)]
pub(crate) enum Shell {
    Str,
    List,
    Tuple,
    Dict,
}

/// `size` as a slot's charge: an object of 4 GiB or more ends the run in MemoryError.
#[inline]
fn charge_of(size: usize) -> PyResult<u32> {
    u32::try_from(size).map_err(|_| crate::exc::RunError::memory_limit())
}

/// The arena of heap objects.
pub struct Heap {
    slots: Vec<Slot>,
    free: Vec<u32>,
    /// Memory and allocation accounting.
    pub account: Account,
    /// Bytes allocated since the last collection, used to decide when to collect.
    since_gc: usize,
    /// Collect when `since_gc` passes this.
    gc_threshold: usize,
    /// Stand-in returned for a dangling id (an interpreter bug), instead of panicking.
    scratch: Slot,
}

impl Heap {
    /// An empty heap with the given accounting.
    pub fn new(account: Account) -> Heap {
        let gc_threshold = pace(0, account.max_bytes);
        Heap {
            // Room for a small program's objects without regrowing.
            slots: Vec::with_capacity(16),
            free: Vec::new(),
            account,
            since_gc: 0,
            gc_threshold,
            scratch: Slot::FREE,
        }
    }

    /// Allocate an object, charging its size. Fails with a limit error when over budget.
    pub fn alloc(&mut self, obj: Object) -> PyResult<ObjId> {
        let size = obj.size_bytes();
        let charged = charge_of(size)?;
        self.account.charge_alloc(size)?;
        self.since_gc = self.since_gc.saturating_add(size);
        let slot = Slot {
            obj: Some(obj),
            charged,
            marked: false,
        };
        if let Some(i) = self.free.pop() {
            if let Some(s) = self.slots.get_mut(i as usize) {
                *s = slot;
                return Ok(ObjId(i));
            }
        }
        let i =
            u32::try_from(self.slots.len()).map_err(|_| crate::exc::RunError::memory_limit())?;
        self.slots.push(slot);
        Ok(ObjId(i))
    }

    /// Allocate and wrap as a `Value`.
    pub fn alloc_value(&mut self, obj: Object) -> PyResult<Value> {
        Ok(Value::Obj(self.alloc(obj)?))
    }

    /// The object behind an id. Ids come only from `alloc`, and the GC frees only unreachable
    /// objects, so a live id always resolves; a dangling one is an interpreter bug.
    #[inline]
    pub fn get(&self, id: ObjId) -> &Object {
        match self.slots.get(id.index()).and_then(|s| s.obj.as_ref()) {
            Some(o) => o,
            None => &Object::Freed,
        }
    }

    /// The object behind a value, if it is a heap object.
    #[inline]
    pub fn get_obj(&self, v: Value) -> Option<&Object> {
        match v {
            Value::Obj(id) => self.slots.get(id.index()).and_then(|s| s.obj.as_ref()),
            _ => None,
        }
    }

    /// Mutable access to an object.
    #[inline]
    pub fn get_mut(&mut self, id: ObjId) -> &mut Object {
        match self.slots.get_mut(id.index()) {
            Some(Slot { obj: Some(o), .. }) => o,
            // A dangling id is an interpreter bug: hand out a scratch object, never panic.
            _ => {
                self.scratch = Slot::FREE;
                self.scratch.obj.insert(Object::Freed)
            }
        }
    }

    /// Re-measure an object after it grew or shrank and charge the difference.
    pub fn recharge(&mut self, id: ObjId) -> PyResult<()> {
        let Some(slot) = self.slots.get_mut(id.index()) else {
            return Ok(());
        };
        let Some(obj) = slot.obj.as_ref() else {
            return Ok(());
        };
        let size = obj.size_bytes();
        let charged = charge_of(size)?;
        let old = slot.charged as usize;
        slot.charged = charged;
        if size > old {
            let extra = size - old;
            self.since_gc = self.since_gc.saturating_add(extra);
            self.account.charge_growth(extra)?;
        } else {
            self.account.release(old - size);
        }
        Ok(())
    }

    /// Whether enough was allocated since the last collection to collect now.
    #[inline]
    pub fn wants_gc(&self) -> bool {
        self.since_gc > self.gc_threshold
    }

    /// Mark-and-sweep from `roots`. Only the VM calls this, at a safe point.
    pub fn collect(&mut self, roots: &[Value]) {
        let mut stack: Vec<ObjId> = roots.iter().filter_map(|v| v.obj()).collect();
        let mut children = Vec::new();
        while let Some(id) = stack.pop() {
            let Some(slot) = self.slots.get_mut(id.index()) else {
                continue;
            };
            if slot.marked {
                continue;
            }
            slot.marked = true;
            if let Some(obj) = &slot.obj {
                children.clear();
                obj.trace(&mut children);
                stack.extend(children.iter().filter_map(|v| v.obj()));
            }
        }
        let mut live = 0usize;
        for (i, slot) in self.slots.iter_mut().enumerate() {
            if slot.marked {
                slot.marked = false;
                live = live.saturating_add(slot.charged as usize);
            } else if slot.obj.is_some() {
                slot.obj = None;
                self.account.release(slot.charged as usize);
                slot.charged = 0;
                if let Ok(i) = u32::try_from(i) {
                    self.free.push(i);
                }
            }
        }
        self.since_gc = 0;
        // Grow the threshold with the live set so collection stays amortised O(allocation).
        self.gc_threshold = pace(live, self.account.max_bytes);
    }

    /// Every slot's object (None for a free slot), in id order, for snapshots.
    pub(crate) fn objects(&self) -> impl ExactSizeIterator<Item = Option<&Object>> {
        self.slots.iter().map(|s| s.obj.as_ref())
    }

    /// The free list and the GC pacing state, for snapshots.
    pub(crate) fn free_list(&self) -> (&[u32], usize, usize) {
        (&self.free, self.since_gc, self.gc_threshold)
    }

    /// An empty heap to restore a snapshot's object table into (`push_restored`, in id
    /// order), with the free list and GC pacing the snapshot recorded.
    pub(crate) fn restoring(
        capacity: usize,
        free: Vec<u32>,
        since_gc: usize,
        gc_threshold: usize,
        account: Account,
    ) -> Heap {
        // Loaded under possibly other limits: never later than half of them allows (a
        // threshold `pace` chose under the same limits is unchanged, so a reload re-dumps
        // the same bytes).
        let gc_threshold = gc_threshold
            .min(account.max_bytes / 2)
            .max(FLOOR_GC_THRESHOLD);
        Heap {
            slots: Vec::with_capacity(capacity),
            free,
            account,
            since_gc,
            gc_threshold,
            scratch: Slot::FREE,
        }
    }

    /// Append the next slot of a snapshot's object table (None: a free slot), charging the
    /// object's size to the account as a fresh allocation would. Fails when it does not fit
    /// the limits.
    #[inline(always)]
    pub(crate) fn push_restored(&mut self, obj: Option<Object>) -> PyResult<()> {
        let size = obj.as_ref().map_or(0, Object::size_bytes);
        let charged = charge_of(size)?;
        self.account.charge_growth(size)?;
        self.slots.push(Slot {
            obj,
            charged,
            marked: false,
        });
        Ok(())
    }

    /// Append the next slot of a snapshot's object table as an empty object of kind `shell`,
    /// to be filled where it lies and then charged with `charge_last_restored`.
    ///
    /// Each shell is a constant slot copied from read-only memory. A slot built on the stack
    /// and pushed is copied with 16-byte loads of the 8-byte stores that just built it, which
    /// the CPU cannot forward: a stall on every restored object (a fifth of the load time).
    #[inline(always)]
    pub(crate) fn push_restoring(&mut self, shell: Shell) -> &mut Object {
        self.slots.push(match shell {
            Shell::Str => Slot::STR,
            Shell::List => Slot::LIST,
            Shell::Tuple => Slot::TUPLE,
            Shell::Dict => Slot::DICT,
        });
        match self.slots.last_mut() {
            Some(Slot { obj: Some(o), .. }) => o,
            _ => self.scratch.obj.insert(Object::Freed),
        }
    }

    /// Charge the object `push_restoring` appended, now that it is filled, as `size` bytes
    /// (its `Object::size_bytes`, which the decoder knows without matching on the kind).
    #[inline(always)]
    pub(crate) fn charge_last_restored(&mut self, size: usize) -> Result<(), LimitKind> {
        let charged = u32::try_from(size).map_err(|_| LimitKind::Memory)?;
        if let Some(slot) = self.slots.last_mut() {
            slot.charged = charged;
        }
        self.account.grow_restored(size)
    }

    /// The slot at arena index `i`: None past the end, Some(None) for a free slot.
    #[inline]
    pub(crate) fn slot_at(&self, i: usize) -> Option<Option<&Object>> {
        self.slots.get(i).map(|s| s.obj.as_ref())
    }

    /// Number of live objects (for tests and diagnostics).
    pub fn live_objects(&self) -> usize {
        self.slots.iter().filter(|s| s.obj.is_some()).count()
    }
}
