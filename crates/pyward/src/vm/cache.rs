//! Inline caches: one slot per instruction of the code arena (`Vm::icache`, parallel to
//! `Vm::code_ops`), filled when an instruction misses and checked the next time it runs.
//!
//! Validity: every entry records `Vm::cache_epoch`, which moves at every collection (an id in
//! a stale entry may have been reused) and whenever a class namespace changes. Entries about a
//! dict also record its key-set version (types/dict.rs): adding or removing a global
//! invalidates them, rebinding one does not (the value is read from its entry every time).
//! A stale entry is never dereferenced, so caches keep nothing alive and nothing dangles.
//! The table is derived state: dropping it (e.g. after a snapshot load) only costs misses.

use crate::builtins::Native;
use crate::exc::PyResult;
use crate::types::BuiltinType;
use crate::types::dict::Dict;
use crate::types::function::BoundMethod;
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
    /// `LoadAttr`/`LoadMethod` on an instance of user class `cls`, whose MRO gives the name
    /// `class_attr`: Unbound (nothing), a function (a method), or plain data. No descriptor
    /// on the class takes precedence over the instance dict, and no `__getattribute__`
    /// overrides the lookup. `hint` is the name's last entry position in an instance dict.
    InstAttr {
        epoch: u64,
        cls: ObjId,
        class_attr: Value,
        hint: u32,
    },
    /// `StoreAttr` on an instance of user class `cls` without `__setattr__` and without a
    /// data descriptor for the name: the value goes straight into the instance dict.
    InstStore { epoch: u64, cls: ObjId, hint: u32 },
    /// `LoadMethod` on a value of builtin type `ty` (not an instance of a user subclass).
    BuiltinMethod { ty: BuiltinType, method: Native },
}

/// Where an attribute name is in an instance dict.
enum Found {
    /// At this entry position, with this value.
    At(u32, Value),
    /// Not there.
    Missing,
    /// Undecided without the general lookup (a non-str key has the same hash).
    Unknown,
}

/// Names the VM looks up itself, interned once when the VM starts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Names {
    /// `__init__`
    pub init: Value,
    /// `__new__`
    pub new: Value,
    /// `__getattribute__`
    pub getattribute: Value,
    /// `__setattr__`
    pub setattr: Value,
}

impl Names {
    /// Placeholders until `Vm::names` interns the real names on first use.
    pub(crate) fn empty() -> Names {
        Names {
            init: Value::None,
            new: Value::None,
            getattribute: Value::None,
            setattr: Value::None,
        }
    }

    /// Intern every name.
    pub(crate) fn intern(vm: &mut Vm) -> PyResult<Names> {
        Ok(Names {
            init: vm.intern("__init__")?,
            new: vm.intern("__new__")?,
            getattribute: vm.intern("__getattribute__")?,
            setattr: vm.intern("__setattr__")?,
        })
    }
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
            Cache::Empty
            | Cache::InstAttr { .. }
            | Cache::InstStore { .. }
            | Cache::BuiltinMethod { .. } => return None,
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

    /// `LoadAttr` through the cache at arena position `at`.
    pub(crate) fn load_attr_cached(
        &mut self,
        at: usize,
        obj: Value,
        name: Value,
    ) -> PyResult<Value> {
        match self.icache.get(at).copied() {
            Some(Cache::InstAttr {
                epoch,
                cls,
                class_attr,
                hint,
            }) if epoch == self.cache_epoch => {
                if let Some(found) = self.inst_attr_hit(at, obj, name, cls, hint) {
                    return match found {
                        Some(v) => Ok(v),
                        None if matches!(
                            self.heap.get_obj(class_attr),
                            Some(Object::Function(_))
                        ) =>
                        {
                            self.alloc(Object::BoundMethod(BoundMethod {
                                recv: obj,
                                func: class_attr,
                            }))
                        }
                        None if !matches!(class_attr, Value::Unbound) => Ok(class_attr),
                        None => self.getattr(obj, name),
                    };
                }
            }
            Some(Cache::Global { dict, .. }) => {
                if let Some(v) = self.cached_module_attr(at, obj, dict) {
                    return Ok(v);
                }
            }
            _ => {}
        }
        let v = self.getattr(obj, name)?;
        self.fill_attr_cache(at, obj, name)?;
        Ok(v)
    }

    /// A module attribute from the cache entry for module dict `dict`, when `obj` is still
    /// that module and the entry is valid.
    fn cached_module_attr(&mut self, at: usize, obj: Value, dict: ObjId) -> Option<Value> {
        match self.heap.get_obj(obj) {
            Some(Object::Module(m)) if m.dict.is(Value::Obj(dict)) => {
                let d = m.dict;
                self.cached_global(at, d)
            }
            _ => None,
        }
    }

    /// `LoadMethod` through the cache: (callable, self) or (attribute, Unbound).
    pub(crate) fn load_method_cached(
        &mut self,
        at: usize,
        obj: Value,
        name: Value,
    ) -> PyResult<(Value, Value)> {
        match self.icache.get(at).copied() {
            Some(Cache::BuiltinMethod { ty, method })
                if !self.is_user_instance_like(obj) && self.builtin_type_of(obj) == ty =>
            {
                return Ok((Value::Native(method), obj));
            }
            Some(Cache::InstAttr {
                epoch,
                cls,
                class_attr,
                hint,
            }) if epoch == self.cache_epoch => {
                if let Some(found) = self.inst_attr_hit(at, obj, name, cls, hint) {
                    return match found {
                        Some(v) => Ok((v, Value::Unbound)),
                        None if matches!(
                            self.heap.get_obj(class_attr),
                            Some(Object::Function(_))
                        ) =>
                        {
                            Ok((class_attr, obj))
                        }
                        None if !matches!(class_attr, Value::Unbound) => {
                            Ok((class_attr, Value::Unbound))
                        }
                        None => self.load_method(obj, name),
                    };
                }
            }
            Some(Cache::Global { dict, .. }) => {
                if let Some(v) = self.cached_module_attr(at, obj, dict) {
                    return Ok((v, Value::Unbound));
                }
            }
            _ => {}
        }
        let r = self.load_method(obj, name)?;
        match r {
            (Value::Native(method), s) if s.is(obj) && !self.is_user_instance_like(obj) => {
                let ty = self.builtin_type_of(obj);
                self.set_cache(at, Cache::BuiltinMethod { ty, method });
            }
            _ => self.fill_attr_cache(at, obj, name)?,
        }
        Ok(r)
    }

    /// Whether `obj`'s builtin type says nothing about its methods: instances of user
    /// classes, modules, functions, exceptions and type objects resolve names otherwise.
    fn is_user_instance_like(&self, obj: Value) -> bool {
        matches!(obj, Value::Type(_))
            || matches!(
                self.heap.get_obj(obj),
                Some(
                    Object::Instance(_)
                        | Object::Module(_)
                        | Object::Function(_)
                        | Object::Exception(_)
                        | Object::Class(_)
                )
            )
    }

    /// The instance-dict part of a cached attribute read: None when the cache does not
    /// apply (another class, undecidable); Some(Some(v)) found in the instance dict;
    /// Some(None) absent from it.
    #[inline]
    fn inst_attr_hit(
        &mut self,
        at: usize,
        obj: Value,
        name: Value,
        cls: ObjId,
        hint: u32,
    ) -> Option<Option<Value>> {
        let Some(Object::Instance(inst)) = self.heap.get_obj(obj) else {
            return None;
        };
        if !inst.class.is(Value::Obj(cls)) {
            return None;
        }
        let dict = inst.dict;
        match self.find_attr(dict, name, hint) {
            Found::At(ix, v) => {
                if ix != hint {
                    self.set_hint(at, ix);
                }
                Some(Some(v))
            }
            Found::Missing => Some(None),
            Found::Unknown => None,
        }
    }

    /// Find an attribute name (an interned str) in an instance dict without calling Python.
    fn find_attr(&self, dict: Value, name: Value, hint: u32) -> Found {
        let d = match self.heap.get_obj(dict) {
            Some(Object::Dict(d)) => d,
            _ if matches!(dict, Value::None) => return Found::Missing,
            _ => return Found::Unknown,
        };
        if let Some(e) = d.entry_at(hint as usize) {
            if e.key.is(name) {
                return Found::At(hint, e.value);
            }
        }
        let Some(Object::Str(s)) = self.heap.get_obj(name) else {
            return Found::Unknown;
        };
        find_str_key(&self.heap, d, name, &s.s, s.hash())
    }

    fn set_hint(&mut self, at: usize, ix: u32) {
        if let Some(Cache::InstAttr { hint, .. } | Cache::InstStore { hint, .. }) =
            self.icache.get_mut(at)
        {
            *hint = ix;
        }
    }

    /// After a `LoadAttr`/`LoadMethod` miss: remember how the name resolves when the
    /// receiver is a module or a plain instance of a user class.
    fn fill_attr_cache(&mut self, at: usize, obj: Value, name: Value) -> PyResult<()> {
        if let Some(Object::Module(m)) = self.heap.get_obj(obj) {
            let d = m.dict;
            if let Some(ix) = self.dict_find(d, name)? {
                if let (Some(id), Some(Object::Dict(dict))) = (d.obj(), self.heap.get_obj(d)) {
                    let entry = Cache::Global {
                        epoch: self.cache_epoch,
                        version: dict.version(),
                        dict: id,
                        ix: u32::try_from(ix).unwrap_or(u32::MAX),
                    };
                    self.set_cache(at, entry);
                }
            }
            return Ok(());
        }
        let Some(cls) = self.cacheable_class(obj, name)? else {
            return Ok(());
        };
        let class_attr = match self.class_lookup_key(Value::Obj(cls), name)? {
            None => Value::Unbound,
            Some(a) if self.is_plain_class_attr(a) => a,
            Some(_) => return Ok(()),
        };
        let entry = Cache::InstAttr {
            epoch: self.cache_epoch,
            cls,
            class_attr,
            hint: 0,
        };
        self.set_cache(at, entry);
        Ok(())
    }

    /// The class of `obj` when attribute `name` on it may be cached: a plain instance of a
    /// user class without `__getattribute__`, and not a dunder name (`__class__`, `__dict__`
    /// are special).
    fn cacheable_class(&mut self, obj: Value, name: Value) -> PyResult<Option<ObjId>> {
        let Some(Object::Instance(inst)) = self.heap.get_obj(obj) else {
            return Ok(None);
        };
        let Value::Obj(cls) = inst.class else {
            return Ok(None);
        };
        if self.str_of(name).is_none_or(|n| n.starts_with("__")) {
            return Ok(None);
        }
        let getattribute = self.names()?.getattribute;
        match self.class_lookup_key(Value::Obj(cls), getattribute)? {
            None | Some(Value::Native(_)) => Ok(Some(cls)),
            Some(_) => Ok(None),
        }
    }

    /// A class attribute that is a function (a method) or plain data, never a descriptor
    /// that must run on access or on assignment.
    fn is_plain_class_attr(&self, a: Value) -> bool {
        match a {
            Value::Obj(_) => matches!(
                self.heap.get_obj(a),
                Some(
                    Object::Function(_)
                        | Object::Str(_)
                        | Object::Bytes(_)
                        | Object::BigInt(_)
                        | Object::Tuple(_)
                        | Object::List(_)
                        | Object::Dict(_)
                        | Object::Set(_)
                        | Object::FrozenSet(_)
                )
            ),
            Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => true,
            _ => false,
        }
    }

    /// `StoreAttr` through the cache at arena position `at`.
    pub(crate) fn store_attr_cached(
        &mut self,
        at: usize,
        obj: Value,
        name: Value,
        v: Value,
    ) -> PyResult<()> {
        if let Some(Cache::InstStore { epoch, cls, hint }) = self.icache.get(at).copied() {
            if epoch == self.cache_epoch {
                if let Some(Object::Instance(inst)) = self.heap.get_obj(obj) {
                    if inst.class.is(Value::Obj(cls)) {
                        let dict = inst.dict;
                        match self.find_attr(dict, name, hint) {
                            Found::At(ix, _) => {
                                if let Some(id) = dict.obj() {
                                    if let Object::Dict(d) = self.heap.get_mut(id) {
                                        d.set_value_at(ix as usize, v);
                                    }
                                }
                                if ix != hint {
                                    self.set_hint(at, ix);
                                }
                                return Ok(());
                            }
                            Found::Missing if !matches!(dict, Value::None) => {
                                return self.dict_set(dict, name, v);
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        self.setattr(obj, name, v)?;
        self.fill_store_cache(at, obj, name)
    }

    fn fill_store_cache(&mut self, at: usize, obj: Value, name: Value) -> PyResult<()> {
        let Some(cls) = self.cacheable_class(obj, name)? else {
            return Ok(());
        };
        let setattr = self.names()?.setattr;
        if !matches!(
            self.class_lookup_key(Value::Obj(cls), setattr)?,
            None | Some(Value::Native(_))
        ) {
            return Ok(());
        }
        match self.class_lookup_key(Value::Obj(cls), name)? {
            None => {}
            Some(a) if self.is_plain_class_attr(a) => {}
            Some(_) => return Ok(()),
        }
        let entry = Cache::InstStore {
            epoch: self.cache_epoch,
            cls,
            hint: 0,
        };
        self.set_cache(at, entry);
        Ok(())
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

/// Find str key `name` (text `text`, hash `hash`) in `d` by identity or equal text, without
/// calling Python: a candidate with the same hash that is not a str leaves it undecided.
fn find_str_key(heap: &crate::heap::Heap, d: &Dict, name: Value, text: &str, hash: i64) -> Found {
    let mut odd = false;
    let pos = d.find(hash, |k| {
        if k.is(name) {
            return true;
        }
        match heap.get_obj(k) {
            Some(Object::Str(s)) => s.s == text,
            _ => {
                odd = true;
                false
            }
        }
    });
    match pos {
        Some(ix) => match (d.value_at(ix), u32::try_from(ix)) {
            (Some(v), Ok(ix)) => Found::At(ix, v),
            _ => Found::Unknown,
        },
        None if odd => Found::Unknown,
        None => Found::Missing,
    }
}
