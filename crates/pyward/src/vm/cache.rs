//! Inline caches: one slot per instruction of the code arena (`Vm::icache`, parallel to
//! `Vm::code_ops`), filled when an instruction misses and checked the next time it runs.
//!
//! Validity: every entry records `Vm::cache_epoch`, which moves at every collection (an id in
//! a stale entry may have been reused) and whenever a class namespace changes. Entries about a
//! dict also record its key-set version (types/dict.rs): adding or removing a global
//! invalidates them, rebinding one does not (the value is read from its entry every time).
//! A stale entry is never dereferenced, so caches keep nothing alive and nothing dangles.
//! The table is derived state: dropping it (e.g. after a snapshot load) only costs misses.

use crate::exc::PyResult;
use crate::types::object::Object;
use crate::value::{ObjId, Value};

use super::Vm;

/// One instruction's cache.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Cache {
    /// Nothing cached.
    Empty,
    /// A global name (`LoadGlobal`, module-level `LoadName`, `StoreGlobal`, `StoreName`)
    /// found in globals dict `dict` at entry position `ix`.
    Global {
        epoch: u64,
        version: u64,
        dict: ObjId,
        ix: u32,
    },
    /// A name absent from globals dict `dict` and found among the builtins.
    Builtin {
        epoch: u64,
        version: u64,
        dict: ObjId,
        value: Value,
    },
}

impl Vm {
    /// Invalidate every inline cache and the class attribute cache: after a collection
    /// (ids may be reused) and when a class namespace changes.
    pub(crate) fn invalidate_caches(&mut self) {
        self.cache_epoch = self.cache_epoch.wrapping_add(1);
        self.attr_cache.clear();
    }

    /// The cached value of a global name read at arena position `at` in a frame whose
    /// globals dict is `globals`.
    #[inline]
    pub(crate) fn cached_global(&self, at: usize, globals: Value) -> Option<Value> {
        let (epoch, version, dict, hit) = match self.icache.get(at)? {
            Cache::Global {
                epoch,
                version,
                dict,
                ix,
            } => (*epoch, *version, *dict, Err(*ix)),
            Cache::Builtin {
                epoch,
                version,
                dict,
                value,
            } => (*epoch, *version, *dict, Ok(*value)),
            Cache::Empty => return None,
        };
        if epoch != self.cache_epoch || !globals.is(Value::Obj(dict)) {
            return None;
        }
        let Object::Dict(d) = self.heap.get(dict) else {
            return None;
        };
        if d.version() != version {
            return None;
        }
        match hit {
            Ok(v) => Some(v),
            Err(ix) => d.value_at(ix as usize),
        }
    }

    /// `LoadGlobal` (and module-level `LoadName`) on a miss: look the name up in `globals`,
    /// then the builtins, and remember where it was found.
    pub(crate) fn load_global_miss(
        &mut self,
        at: usize,
        globals: Value,
        name: Value,
    ) -> PyResult<Value> {
        if let Some(ix) = self.dict_find(globals, name)? {
            if let (Some(id), Some(Object::Dict(d))) = (globals.obj(), self.heap.get_obj(globals)) {
                if let Some(v) = d.value_at(ix) {
                    let entry = Cache::Global {
                        epoch: self.cache_epoch,
                        version: d.version(),
                        dict: id,
                        ix: u32::try_from(ix).unwrap_or(u32::MAX),
                    };
                    self.set_cache(at, entry);
                    return Ok(v);
                }
            }
        }
        let v = self.builtin_by_name(name)?;
        if let (Some(id), Some(Object::Dict(d))) = (globals.obj(), self.heap.get_obj(globals)) {
            let entry = Cache::Builtin {
                epoch: self.cache_epoch,
                version: d.version(),
                dict: id,
                value: v,
            };
            self.set_cache(at, entry);
        }
        Ok(v)
    }

    /// `StoreGlobal` (and module-level `StoreName`): rebind in place when the cache says
    /// where the name lives, else store through the dict and remember the position.
    pub(crate) fn store_global(
        &mut self,
        at: usize,
        globals: Value,
        name: Value,
        v: Value,
    ) -> PyResult<()> {
        if let (Some(Cache::Global { ix, .. }), Some(id)) =
            (self.icache.get(at).copied(), globals.obj())
        {
            if self.cached_global(at, globals).is_some() {
                if let Object::Dict(d) = self.heap.get_mut(id) {
                    d.set_value_at(ix as usize, v);
                    return Ok(());
                }
            }
        }
        self.dict_set(globals, name, v)?;
        if let Some(ix) = self.dict_find(globals, name)? {
            if let (Some(id), Some(Object::Dict(d))) = (globals.obj(), self.heap.get_obj(globals)) {
                let entry = Cache::Global {
                    epoch: self.cache_epoch,
                    version: d.version(),
                    dict: id,
                    ix: u32::try_from(ix).unwrap_or(u32::MAX),
                };
                self.set_cache(at, entry);
            }
        }
        Ok(())
    }

    fn set_cache(&mut self, at: usize, entry: Cache) {
        if let Some(slot) = self.icache.get_mut(at) {
            *slot = entry;
        }
    }
}
