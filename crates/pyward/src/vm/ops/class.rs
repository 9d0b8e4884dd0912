//! Classes at run time: `class` statements, instantiation, attribute lookup through the MRO
//! with descriptors (functions bind, property, staticmethod, classmethod, super), and the
//! user-dunder dispatch that the operator families call first for instances of user classes.

use crate::builtins::Native;
use crate::exc::{self, PyResult, RunError, messages};
use crate::types::BuiltinType;
use crate::types::class::{Class, Instance, c3_merge};
use crate::types::function::BoundMethod;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

impl Vm {
    /// `BuildClass`: run the class body with a fresh namespace and create the class.
    pub(crate) fn build_class(
        &mut self,
        body: Value,
        name: Value,
        bases: Vec<Value>,
        kwargs: Value,
    ) -> PyResult<Value> {
        let name_text = self.str_of(name).unwrap_or("?").to_string();
        let (bases, orig_bases) = self.resolve_bases(bases)?;
        let (code, rt, globals, closure) = match self.heap.get_obj(body) {
            Some(Object::Function(f)) => (f.code.clone(), f.rt, f.globals, f.closure.clone()),
            _ => return Err(RunError::Internal("class body is not a function")),
        };
        for b in &bases {
            let ok = match b {
                Value::Type(t) => {
                    (!t.is_iterator() || t.is_iterator_adaptor())
                        && !matches!(
                            t,
                            BuiltinType::Bool
                                | BuiltinType::Range
                                | BuiltinType::Slice
                                | BuiltinType::Function
                                | BuiltinType::NoneType
                        )
                }
                Value::Obj(_) => matches!(self.heap.get_obj(*b), Some(Object::Class(_))),
                _ => false,
            };
            if !ok {
                if let Value::Type(t) = b {
                    return Err(exc::type_error(format!(
                        "type '{}' is not an acceptable base type",
                        t.name()
                    )));
                }
                return Err(exc::type_error("bases must be types"));
            }
        }
        let namespace = self.new_dict()?;
        if let Some(orig) = orig_bases {
            let key = self.intern("__orig_bases__")?;
            self.dict_set(namespace, key, orig)?;
        }
        let mut cells = Vec::with_capacity(code.cellvars.len() + closure.len());
        for _ in &code.cellvars {
            cells.push(self.alloc(Object::Cell(Value::Unbound))?);
        }
        cells.extend_from_slice(&closure);
        let depth = self.frames.len();
        self.push_frame(rt, globals, namespace, cells)?;
        let ret = self.run_nested(depth)?;
        let mut kw: Vec<(String, Value)> = match kwargs {
            Value::None => Vec::new(),
            d => self
                .dict_items(d)?
                .into_iter()
                .map(|(k, v)| (self.str_of(k).unwrap_or("").to_string(), v))
                .collect(),
        };
        let explicit = kw
            .iter()
            .position(|(k, _)| k == "metaclass")
            .map(|i| kw.remove(i).1);
        let meta = match explicit {
            Some(m) => m,
            None => bases
                .iter()
                .map(|b| self.metaclass_of(*b))
                .find(|m| !matches!(m, Value::Type(BuiltinType::Type)))
                .unwrap_or(Value::Type(BuiltinType::Type)),
        };
        let cls = if self.is_user_class(meta) {
            let n = self.new_str(name_text.clone())?;
            let b = self.new_tuple(bases)?;
            let args = Args {
                pos: smallvec::smallvec![n, b, namespace],
                kw,
            };
            self.instantiate(meta, args)?
        } else {
            // The class gets a copy of the body's namespace (as `type.__new__` makes), so a
            // `locals()` kept from the body cannot change the class behind the caches' back.
            let dict = self.new_dict()?;
            self.dict_update(dict, namespace, false)?;
            self.create_class(&name_text, bases, dict, Value::Type(BuiltinType::Type), kw)?
        };
        if let (Some(Object::Cell(_)), Some(id)) = (self.heap.get_obj(ret), ret.obj()) {
            *self.heap.get_mut(id) = Object::Cell(cls);
        }
        Ok(cls)
    }

    /// The metaclass of a class value.
    pub fn metaclass_of(&self, cls: Value) -> Value {
        match self.heap.get_obj(cls) {
            Some(Object::Class(c)) => c.metaclass,
            _ => Value::Type(BuiltinType::Type),
        }
    }

    /// Create a class from a finished namespace (`class` statements and `type(n, b, d)`).
    /// `class_cell`, when a cell, receives the class (for zero-argument `super()`).
    pub(crate) fn create_class(
        &mut self,
        name_text: &str,
        bases: Vec<Value>,
        namespace: Value,
        metaclass: Value,
        init_kwargs: Vec<(String, Value)>,
    ) -> PyResult<Value> {
        let name_text = name_text.to_string();
        // MRO and layout.
        let bases = if bases.is_empty() {
            vec![Value::Type(BuiltinType::Object)]
        } else {
            bases
        };
        let mut base_mros = Vec::with_capacity(bases.len());
        let mut base_type = BuiltinType::Object;
        for b in &bases {
            let m = self.mro_of(*b);
            let bt = self.base_type_of(*b);
            if bt != BuiltinType::Object {
                // Exception types share one instance layout (CPython's solid base is
                // BaseException for nearly all of them), so they combine freely.
                let compatible = base_type == BuiltinType::Object
                    || bt.is_subtype(base_type)
                    || base_type.is_subtype(bt)
                    || (bt.is_exception() && base_type.is_exception());
                if !compatible {
                    return Err(exc::type_error(
                        "multiple bases have instance lay-out conflict",
                    ));
                }
                // A group layout wins over a plain exception one (`class E(Exception,
                // BaseExceptionGroup)` has group instances).
                let group_first = bt.is_exception_group() && !base_type.is_exception_group();
                if bt.is_subtype(base_type) || group_first {
                    base_type = bt;
                }
            }
            base_mros.push(m);
        }
        let placeholder = Value::None;
        let Some(mut mro) = c3_merge(placeholder, base_mros, &bases) else {
            let names: Vec<String> = bases.iter().map(|b| self.class_name(*b)).collect();
            return Err(exc::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        // `__eq__` without `__hash__` makes instances unhashable.
        let eq_key = self.intern("__eq__")?;
        let hash_key = self.intern("__hash__")?;
        if self.dict_get(namespace, eq_key)?.is_some()
            && self.dict_get(namespace, hash_key)?.is_none()
        {
            self.dict_set(namespace, hash_key, Value::None)?;
        }
        // A plain-function `__new__` is a static method (typeobject.c `type_new_set_attrs`),
        // so `instance.__new__(cls)` does not bind the instance.
        let new_key = self.intern("__new__")?;
        if let Some(f) = self.dict_get(namespace, new_key)? {
            if matches!(self.heap.get_obj(f), Some(Object::Function(_))) {
                let wrapped = self.alloc(Object::StaticMethod(f))?;
                self.dict_set(namespace, new_key, wrapped)?;
            }
        }
        let qn_key = self.intern("__qualname__")?;
        let qualname = match self.dict_get(namespace, qn_key)? {
            Some(q) => self.str_of(q).unwrap_or(&name_text).to_string(),
            None => name_text.clone(),
        };
        let cls = self.alloc(Object::Class(Box::new(Class {
            name: name_text,
            qualname,
            bases: bases.clone(),
            mro: Vec::new(),
            dict: namespace,
            base_type,
            metaclass,
        })))?;
        mro[0] = cls;
        if let Some(id) = cls.obj() {
            if let Object::Class(c) = self.heap.get_mut(id) {
                c.mro = mro;
            }
        }
        self.set_names(cls, namespace)?;
        // `__init_subclass__` of a user base.
        if let Some(hook) = self.lookup_after(cls, cls, "__init_subclass__")? {
            let f = match self.heap.get_obj(hook) {
                Some(Object::ClassMethod(f)) => *f,
                _ => hook,
            };
            if matches!(self.heap.get_obj(f), Some(Object::Function(_))) {
                let args = Args {
                    pos: smallvec::smallvec![cls],
                    kw: init_kwargs,
                };
                self.call_with(f, args)?;
            }
        }
        Ok(cls)
    }

    /// Run frames until the frame at index `depth` returns (native re-entry), growing the
    /// Rust stack on demand.
    pub(crate) fn run_nested(&mut self, depth: usize) -> PyResult<Value> {
        self.native_depth += 1;
        let r = stacker::maybe_grow(
            super::super::STACK_RED_ZONE,
            super::super::STACK_SEGMENT,
            || self.run_until(depth),
        );
        self.native_depth -= 1;
        r
    }

    /// The MRO of a class value (builtin types included).
    pub fn mro_of(&self, cls: Value) -> Vec<Value> {
        match cls {
            Value::Type(t) => t.mro().into_iter().map(Value::Type).collect(),
            _ => match self.heap.get_obj(cls) {
                Some(Object::Class(c)) => c.mro.clone(),
                _ => Vec::new(),
            },
        }
    }

    /// The builtin layout of instances of a class value.
    pub fn base_type_of(&self, cls: Value) -> BuiltinType {
        match cls {
            Value::Type(t) => t,
            _ => match self.heap.get_obj(cls) {
                Some(Object::Class(c)) => c.base_type,
                _ => BuiltinType::Object,
            },
        }
    }

    /// Whether a value is a user class.
    pub fn is_user_class(&self, v: Value) -> bool {
        matches!(self.heap.get_obj(v), Some(Object::Class(_)))
    }

    /// The first class in `start_cls`'s MRO after `after` (or from the start when they are the
    /// same) whose namespace has `name`; builtin types contribute their methods and slots.
    pub(crate) fn lookup_after(
        &mut self,
        start_cls: Value,
        after: Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        let mro = self.mro_of(start_cls);
        let skip = if start_cls.is(after) {
            1
        } else {
            mro.iter()
                .position(|c| c.is(after))
                .map_or(mro.len(), |p| p + 1)
        };
        let key = self.intern(name)?;
        for c in mro.into_iter().skip(skip) {
            if let Some(v) = self.class_own_attr(c, key, name)? {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    /// An attribute defined directly on one class of an MRO.
    fn class_own_attr(&mut self, c: Value, key: Value, name: &str) -> PyResult<Option<Value>> {
        match c {
            Value::Type(t) => Ok(crate::builtins::method_of(t, name)
                .or_else(|| crate::builtins::own_slot_of(t, name))
                .map(Value::Native)),
            _ => match self.heap.get_obj(c) {
                Some(Object::Class(cl)) => {
                    let d = cl.dict;
                    self.dict_get(d, key)
                }
                _ => Ok(None),
            },
        }
    }

    /// Look `name` up along the MRO of class `cls`.
    pub fn class_lookup(&mut self, cls: Value, name: &str) -> PyResult<Option<Value>> {
        let key = self.intern(name)?;
        self.class_lookup_key(cls, key)
    }

    /// `class_lookup` by interned name, through the attribute cache.
    pub fn class_lookup_key(&mut self, cls: Value, key: Value) -> PyResult<Option<Value>> {
        let cache_key = match (cls, key) {
            (Value::Obj(c), Value::Obj(k)) => Some((c, k)),
            _ => None,
        };
        if let Some(ck) = cache_key {
            if let Some(hit) = self.attr_cache.get(&ck) {
                return Ok(*hit);
            }
        }
        let name = self.str_of(key).unwrap_or("").to_string();
        let mut found = None;
        for c in self.mro_of(cls) {
            if let Some(v) = self.class_own_attr(c, key, &name)? {
                found = Some(v);
                break;
            }
        }
        if let Some(ck) = cache_key {
            self.attr_cache.insert(ck, found);
        }
        Ok(found)
    }

    /// Attribute lookup on a plain user instance for the common cases (methods, class
    /// constants, instance attributes); None sends the lookup down the general path.
    pub(crate) fn instance_getattr_fast(
        &mut self,
        obj: Value,
        key: Value,
    ) -> PyResult<Option<Value>> {
        let Some(Object::Instance(i)) = self.heap.get_obj(obj) else {
            return Ok(None);
        };
        let (cls, dict) = (i.class, i.dict);
        if matches!(cls, Value::Type(_)) {
            return Ok(None);
        }
        let attr = self.class_lookup_key(cls, key)?;
        let attr_kind = attr.map(|a| match self.heap.get_obj(a) {
            Some(Object::Function(_)) => 1,
            None => 2,
            Some(Object::Str(_) | Object::Tuple(_) | Object::BigInt(_)) => 2,
            _ => 0,
        });
        if attr_kind == Some(0) {
            return Ok(None);
        }
        if !matches!(dict, Value::None) {
            if let Some(v) = self.dict_get(dict, key)? {
                return Ok(Some(v));
            }
        }
        match (attr, attr_kind) {
            (Some(f), Some(1)) => self
                .alloc(Object::BoundMethod(BoundMethod { recv: obj, func: f }))
                .map(Some),
            (Some(v), Some(2)) => match v {
                Value::Native(_) => Ok(None),
                _ => Ok(Some(v)),
            },
            _ => Ok(None),
        }
    }

    /// A dunder defined by a user class in `v`'s type (not by a builtin type): the function
    /// to call with `v` prepended.
    pub fn user_dunder(&mut self, v: Value, name: &str) -> PyResult<Option<Value>> {
        let cls = match self.heap.get_obj(v) {
            Some(Object::Instance(i)) => i.class,
            Some(Object::Exception(e)) => e.cls,
            Some(Object::Class(c)) => c.metaclass,
            _ => return Ok(None),
        };
        if matches!(cls, Value::Type(_)) {
            return Ok(None);
        }
        let mro = self.mro_of(cls);
        let key = self.intern(name)?;
        for c in mro {
            let Some(Object::Class(cl)) = self.heap.get_obj(c) else {
                return Ok(None);
            };
            let d = cl.dict;
            if let Some(f) = self.dict_get(d, key)? {
                return Ok(Some(match self.heap.get_obj(f) {
                    Some(Object::StaticMethod(inner)) => *inner,
                    _ => f,
                }));
            }
        }
        Ok(None)
    }

    /// Call a user dunder of `v` if its class defines one: `Some(result)`, else None.
    pub fn call_dunder(&mut self, v: Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        let Some(f) = self.user_dunder(v, name)? else {
            return Ok(None);
        };
        if matches!(f, Value::None) {
            return Ok(None);
        }
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(v);
        all.extend_from_slice(args);
        self.call(f, &all).map(Some)
    }

    /// Whether `v` is an instance of a user class (so operators consult its dunders).
    #[inline]
    pub fn is_user_instance(&self, v: Value) -> bool {
        match self.heap.get_obj(v) {
            Some(Object::Instance(i)) => !matches!(i.class, Value::Type(_)),
            Some(Object::Exception(e)) => !matches!(e.cls, Value::Type(_)),
            Some(Object::Class(c)) => !matches!(c.metaclass, Value::Type(_)),
            _ => false,
        }
    }

    /// The builtin value that builtin behaviour applies to: the payload of an instance of a
    /// builtin subclass, else the value itself.
    pub fn builtin_view(&self, v: Value) -> Value {
        match self.heap.get_obj(v) {
            Some(Object::Instance(i)) if !matches!(i.payload, Value::None) => i.payload,
            _ => v,
        }
    }

    /// Create an instance of user class `cls` and run `__init__`.
    pub(crate) fn instantiate(&mut self, cls: Value, args: Args) -> PyResult<Value> {
        let base_type = self.base_type_of(cls);
        if let Some(new) = self.user_new(cls)? {
            let mut nargs = Args {
                pos: args.pos.clone(),
                kw: args.kw.clone(),
            };
            nargs.pos.insert(0, cls);
            let obj = self.call_with(new, nargs)?;
            let t = self.type_of(obj);
            if self.is_subclass(t, cls) {
                self.run_init(obj, cls, args, true)?;
            }
            return Ok(obj);
        }
        let obj = self.new_instance(cls, base_type, &args)?;
        self.temp_roots.push(obj);
        let r = self.run_init(obj, cls, args, false);
        self.temp_roots.pop();
        r.map(|()| obj)
    }

    fn user_new(&mut self, cls: Value) -> PyResult<Option<Value>> {
        let mro = self.mro_of(cls);
        let key = self.intern("__new__")?;
        for c in mro {
            let Some(Object::Class(cl)) = self.heap.get_obj(c) else {
                return Ok(None);
            };
            let d = cl.dict;
            if let Some(f) = self.dict_get(d, key)? {
                return Ok(Some(match self.heap.get_obj(f) {
                    Some(Object::StaticMethod(inner)) => *inner,
                    _ => f,
                }));
            }
        }
        Ok(None)
    }

    /// A bare instance of `cls` with the layout of `base_type`.
    pub(crate) fn new_instance(
        &mut self,
        cls: Value,
        base_type: BuiltinType,
        args: &Args,
    ) -> PyResult<Value> {
        if base_type.is_exception_group() {
            return crate::builtins::excgroup::new_group(self, cls, args);
        }
        if base_type.is_exception() {
            return self.new_exception(cls, base_type, args.pos.to_vec());
        }
        if base_type == BuiltinType::Type {
            // `type.__new__(mcs, name, bases, namespace)`: a class whose metaclass is `cls`.
            let [name, bases, ns] = args.pos.as_slice() else {
                return Err(exc::type_error("type.__new__() takes exactly 3 arguments"));
            };
            let n = self.str_of(*name).unwrap_or("?").to_string();
            let bases = self.list_items(*bases);
            let namespace = self.new_dict()?;
            self.dict_update(namespace, *ns, false)?;
            return self.create_class(&n, bases, namespace, cls, args.kw.clone());
        }
        let payload = match base_type {
            BuiltinType::Object => Value::None,
            t if immutable_base(t) => {
                let a = Args {
                    pos: args.pos.clone(),
                    kw: args.kw.clone(),
                };
                crate::builtins::construct(self, t, a)?
            }
            t => crate::builtins::construct(self, t, Args::default())?,
        };
        let dict = self.new_dict()?;
        self.alloc(Object::Instance(Instance {
            class: cls,
            dict,
            payload,
        }))
    }

    fn run_init(&mut self, obj: Value, cls: Value, args: Args, from_new: bool) -> PyResult<()> {
        let init = self.class_lookup(cls, "__init__")?;
        match init {
            Some(f) if matches!(self.heap.get_obj(f), Some(Object::Function(_))) => {
                let mut iargs = args;
                iargs.pos.insert(0, obj);
                let r = self.call_with(f, iargs)?;
                self.init_result(obj, r).map(|_| ())
            }
            _ => {
                let base_type = self.base_type_of(cls);
                if base_type == BuiltinType::Object {
                    if !from_new && (!args.pos.is_empty() || !args.kw.is_empty()) {
                        let cls_name = self.class_name(cls);
                        return Err(exc::type_error(format!("{cls_name}() takes no arguments")));
                    }
                    return Ok(());
                }
                if base_type.is_exception() {
                    return self.exception_init(obj, cls, args, from_new);
                }
                if from_new || immutable_base(base_type) || base_type == BuiltinType::Type {
                    return Ok(());
                }
                // Mutable builtin base: build the payload from the arguments.
                let payload = crate::builtins::construct(self, base_type, args)?;
                if let Some(id) = obj.obj() {
                    if let Object::Instance(i) = self.heap.get_mut(id) {
                        i.payload = payload;
                    }
                }
                Ok(())
            }
        }
    }

    /// BaseException.__init__ for a user exception class without its own `__init__`: no
    /// keywords, and after a user `__new__` the call's arguments become `args`.
    fn exception_init(
        &mut self,
        obj: Value,
        cls: Value,
        args: Args,
        from_new: bool,
    ) -> PyResult<()> {
        if !args.kw.is_empty() {
            let name = self.class_name(cls);
            return Err(exc::type_error(exc::messages::no_keyword_arguments(&name)));
        }
        if from_new {
            if let Some(Object::Exception(e)) = obj.obj().map(|id| self.heap.get_mut(id)) {
                e.args = args.pos.to_vec();
            }
        }
        Ok(())
    }

    /// Bind a class attribute found for instance `obj` (functions become bound methods).
    pub(crate) fn bind_attr(&mut self, attr: Value, obj: Value, cls: Value) -> PyResult<Value> {
        match self.heap.get_obj(attr) {
            Some(Object::Function(_)) => self.alloc(Object::BoundMethod(BoundMethod {
                recv: obj,
                func: attr,
            })),
            Some(Object::StaticMethod(f)) => Ok(*f),
            Some(Object::ClassMethod(f)) => {
                let f = *f;
                self.alloc(Object::BoundMethod(BoundMethod { recv: cls, func: f }))
            }
            Some(Object::Property(p)) => {
                let g = p.fget;
                if matches!(g, Value::None) {
                    return Err(exc::attribute_error("unreadable attribute"));
                }
                self.call(g, &[obj])
            }
            _ => match attr {
                Value::Native(n) => {
                    let recv = if matches!(n, Native::Slot(_)) {
                        obj
                    } else {
                        self.builtin_view(obj)
                    };
                    self.alloc(Object::BoundMethod(BoundMethod { recv, func: attr }))
                }
                _ => Ok(attr),
            },
        }
    }

    /// Attribute lookup on an instance of a user class.
    pub(crate) fn instance_getattr(&mut self, obj: Value, name: &str) -> PyResult<Option<Value>> {
        let (cls, dict) = match self.heap.get_obj(obj) {
            Some(Object::Instance(i)) => (i.class, i.dict),
            Some(Object::Exception(e)) => (e.cls, e.dict),
            _ => return Ok(None),
        };
        match name {
            "__dict__" if self.slot_names(cls)?.is_some() => return Ok(None),
            "__dict__" => {
                if matches!(dict, Value::None) {
                    let d = self.new_dict()?;
                    if let Some(id) = obj.obj() {
                        if let Object::Exception(e) = self.heap.get_mut(id) {
                            e.dict = d;
                        }
                    }
                    return Ok(Some(d));
                }
                return Ok(Some(dict));
            }
            "__class__" => return Ok(Some(cls)),
            _ => {}
        }
        let attr = self.class_lookup(cls, name)?;
        if let Some(a) = attr {
            if matches!(self.heap.get_obj(a), Some(Object::Property(_))) {
                return self.bind_attr(a, obj, cls).map(Some);
            }
            // Data descriptors (with `__set__`) take precedence over the instance dict.
            if self.is_user_instance(a) && self.user_dunder(a, "__set__")?.is_some() {
                if let Some(v) = self.descriptor_get(a, obj, cls)? {
                    return Ok(Some(v));
                }
            }
        }
        if !matches!(dict, Value::None) {
            let key = self.intern(name)?;
            if let Some(v) = self.dict_get(dict, key)? {
                return Ok(Some(v));
            }
        }
        if let Some(a) = attr {
            if let Some(v) = self.descriptor_get(a, obj, cls)? {
                return Ok(Some(v));
            }
            return self.bind_attr(a, obj, cls).map(Some);
        }
        Ok(None)
    }

    /// `__getattr__` fallback of a user instance.
    pub(crate) fn getattr_hook(&mut self, obj: Value, name: &str) -> PyResult<Option<Value>> {
        if !self.is_user_instance(obj) {
            return Ok(None);
        }
        let Some(hook) = self.user_dunder(obj, "__getattr__")? else {
            return Ok(None);
        };
        let n = self.new_str(name)?;
        self.call(hook, &[obj, n]).map(Some)
    }

    /// Attribute lookup on a class object.
    pub(crate) fn class_getattr(&mut self, cls: Value, name: &str) -> PyResult<Option<Value>> {
        let (cname, qualname, bases, dict) = match self.heap.get_obj(cls) {
            Some(Object::Class(c)) => (c.name.clone(), c.qualname.clone(), c.bases.clone(), c.dict),
            _ => return Ok(None),
        };
        match name {
            "__name__" => return self.new_str(cname).map(Some),
            "__qualname__" => return self.new_str(qualname).map(Some),
            "__dict__" => return self.class_dict_view(dict).map(Some),
            "__bases__" => return self.new_tuple(bases).map(Some),
            "__base__" => return Ok(bases.first().copied()),
            "__mro__" => {
                let m = self.mro_of(cls);
                return self.new_tuple(m).map(Some);
            }
            "__class__" => return Ok(Some(Value::Type(BuiltinType::Type))),
            "mro" => {
                let f = Value::Native(Native::Slot(crate::builtins::SlotFn::Mro));
                return self
                    .alloc(Object::BoundMethod(BoundMethod { recv: cls, func: f }))
                    .map(Some);
            }
            _ => {}
        }
        let Some(attr) = self.class_lookup(cls, name)? else {
            let meta = self.metaclass_of(cls);
            if self.is_user_class(meta) {
                if let Some(a) = self.class_lookup(meta, name)? {
                    return self.bind_attr(a, cls, meta).map(Some);
                }
            }
            return Ok(match name {
                "__module__" => Some(self.new_str("__main__")?),
                "__doc__" => Some(Value::None),
                _ => None,
            });
        };
        if let Some(v) = self.descriptor_get(attr, Value::None, cls)? {
            return Ok(Some(v));
        }
        Ok(Some(match self.heap.get_obj(attr) {
            Some(Object::StaticMethod(f)) => *f,
            Some(Object::ClassMethod(f)) => {
                let f = *f;
                self.alloc(Object::BoundMethod(BoundMethod { recv: cls, func: f }))?
            }
            _ => attr,
        }))
    }

    /// `cls.__dict__` and `vars(cls)`: a copy of the namespace. CPython gives a read-only
    /// mappingproxy; a copy reads the same, and keeps every change to a class going through
    /// `setattr`/`delattr`, which invalidate the attribute caches (vm/cache.rs).
    pub(crate) fn class_dict_view(&mut self, dict: Value) -> PyResult<Value> {
        let copy = self.new_dict()?;
        self.dict_update(copy, dict, false)?;
        Ok(copy)
    }

    /// Attribute lookup through `super()`.
    pub(crate) fn super_getattr(&mut self, sup: Value, name: &str) -> PyResult<Option<Value>> {
        let Some(Object::Super { cls, obj }) = self.heap.get_obj(sup) else {
            return Ok(None);
        };
        let (cls, obj) = (*cls, *obj);
        // super(cls, obj): an instance of cls searches type(obj)'s MRO; a subclass of cls
        // (classmethods) searches its own.
        let t = self.type_of(obj);
        let obj_is_class =
            !self.is_subclass(t, cls) && (self.is_user_class(obj) || matches!(obj, Value::Type(_)));
        let start = if obj_is_class { obj } else { t };
        let Some(attr) = self.lookup_after(start, cls, name)? else {
            return Ok(None);
        };
        if obj_is_class {
            return Ok(Some(match self.heap.get_obj(attr) {
                Some(Object::ClassMethod(f)) => {
                    let f = *f;
                    self.alloc(Object::BoundMethod(BoundMethod { recv: obj, func: f }))?
                }
                Some(Object::StaticMethod(f)) => *f,
                _ => attr,
            }));
        }
        self.bind_attr(attr, obj, start).map(Some)
    }

    /// Set an attribute on a user instance or class; Ok(false) when `obj` is neither.
    pub(crate) fn user_setattr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<bool> {
        let attr = self.str_of(name).unwrap_or("").to_string();
        let (cls, dict) = match self.heap.get_obj(obj) {
            Some(Object::Instance(i)) => (i.class, i.dict),
            Some(Object::Class(_)) => {
                // A metaclass's __setattr__ (enum's guards its members).
                if let Some(hook) = self.user_dunder(obj, "__setattr__")? {
                    self.call(hook, &[obj, name, v])?;
                } else {
                    self.class_setattr(obj, name, v)?;
                }
                return Ok(true);
            }
            _ => return Ok(false),
        };
        if let Some(hook) = self.user_dunder(obj, "__setattr__")? {
            self.call(hook, &[obj, name, v])?;
            return Ok(true);
        }
        if matches!(cls, Value::Type(_)) {
            return Err(exc::attribute_error(format!(
                "'object' object has no attribute '{attr}'"
            )));
        }
        self.generic_setattr(obj, cls, dict, name, v)?;
        Ok(true)
    }

    /// `cls.name = v` on a user class, without the metaclass's `__setattr__` (which is
    /// `type.__setattr__`, reached through `super()` from a metaclass override).
    pub(crate) fn class_setattr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let Some(Object::Class(c)) = self.heap.get_obj(obj) else {
            return Err(crate::exc::RunError::Internal(
                "class_setattr on a non-class",
            ));
        };
        let d = c.dict;
        let attr = self.str_of(name).unwrap_or("");
        if matches!(attr, "__name__" | "__qualname__") {
            let is_name = attr == "__name__";
            let Some(text) = self.str_of(v).map(str::to_string) else {
                return Err(exc::type_error(format!(
                    "can only assign string to {}.{attr}, not '{}'",
                    c.name,
                    self.type_name(v)
                )));
            };
            if let Some(id) = obj.obj() {
                if let Object::Class(c) = self.heap.get_mut(id) {
                    if is_name {
                        c.name = text;
                    } else {
                        c.qualname = text;
                    }
                }
            }
            return Ok(());
        }
        self.dict_set(d, name, v)?;
        self.invalidate_caches();
        Ok(())
    }

    /// Bases that are not classes but define `__mro_entries__` (`Generic[T]`, `list[int]`)
    /// are replaced by what it returns, as CPython's `types.resolve_bases`; the original
    /// bases come back too when any was replaced (for `__orig_bases__`).
    fn resolve_bases(&mut self, bases: Vec<Value>) -> PyResult<(Vec<Value>, Option<Value>)> {
        if !bases.iter().any(|b| self.is_user_instance(*b)) {
            return Ok((bases, None));
        }
        let orig = self.new_tuple(bases.clone())?;
        self.temp_roots.push(orig);
        let mut out = Vec::with_capacity(bases.len());
        let mut result = Ok(());
        for b in &bases {
            if self.is_user_instance(*b) {
                match self.call_dunder(*b, "__mro_entries__", &[orig]) {
                    Ok(Some(r)) => {
                        match self.heap.get_obj(r) {
                            Some(Object::Tuple(items)) => out.extend(items.iter().copied()),
                            _ => {
                                result =
                                    Err(exc::type_error("__mro_entries__ must return a tuple"));
                                break;
                            }
                        }
                        continue;
                    }
                    Ok(None) => {}
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
            out.push(*b);
        }
        self.temp_roots.pop();
        result.map(|()| (out, Some(orig)))
    }

    /// The attribute names instances of `cls` may hold when every class of its MRO declares
    /// `__slots__` (without `__dict__`): the instances then have no `__dict__` and refuse
    /// other names. None when instances have a dict (the common case, answered by one cached
    /// lookup).
    pub(crate) fn slot_names(&mut self, cls: Value) -> PyResult<Option<Vec<String>>> {
        if self.class_lookup(cls, "__slots__")?.is_none() {
            return Ok(None);
        }
        let key = self.intern("__slots__")?;
        let mut names = Vec::new();
        for c in self.mro_of(cls) {
            let (dict, class_name) = match self.heap.get_obj(c) {
                Some(Object::Class(cl)) => (cl.dict, cl.name.clone()),
                _ => continue,
            };
            let Some(slots) = self.dict_get(dict, key)? else {
                return Ok(None);
            };
            let items = match self.str_of(slots) {
                Some(one) => vec![one.to_string()],
                None => {
                    let mut out = Vec::new();
                    for item in self.collect_iterable(slots)? {
                        out.push(self.str_of(item).unwrap_or("").to_string());
                    }
                    out
                }
            };
            for n in items {
                if n == "__dict__" {
                    return Ok(None);
                }
                names.push(crate::compile::mangle(&class_name, &n).unwrap_or(n));
            }
        }
        Ok(Some(names))
    }

    /// `object.__setattr__`: property setters, else the instance dict.
    pub(crate) fn generic_setattr(
        &mut self,
        obj: Value,
        cls: Value,
        dict: Value,
        name: Value,
        v: Value,
    ) -> PyResult<()> {
        let attr = self.str_of(name).unwrap_or("").to_string();
        if let Some(a) = self.class_lookup(cls, &attr)? {
            if self.is_user_instance(a) && self.call_dunder(a, "__set__", &[obj, v])?.is_some() {
                return Ok(());
            }
            if let Some(Object::Property(p)) = self.heap.get_obj(a) {
                let setter = p.fset;
                if matches!(setter, Value::None) {
                    let cname = self.class_name(cls);
                    return Err(exc::attribute_error(format!(
                        "property '{attr}' of '{cname}' object has no setter"
                    )));
                }
                self.call(setter, &[obj, v])?;
                return Ok(());
            }
        }
        if let Some(slots) = self.slot_names(cls)? {
            if !slots.contains(&attr) {
                return Err(self.no_attribute_to_delete(obj, &attr));
            }
        }
        self.dict_set(dict, name, v)
    }

    /// Delete an attribute of a user instance or class; Ok(false) when `obj` is neither.
    pub(crate) fn user_delattr(&mut self, obj: Value, name: Value) -> PyResult<bool> {
        let attr = self.str_of(name).unwrap_or("").to_string();
        let (cls, dict) = match self.heap.get_obj(obj) {
            Some(Object::Instance(i)) => (i.class, i.dict),
            Some(Object::Class(c)) => (obj, c.dict),
            _ => return Ok(false),
        };
        if self.is_user_instance(obj) {
            if let Some(hook) = self.user_dunder(obj, "__delattr__")? {
                self.call(hook, &[obj, name])?;
                return Ok(true);
            }
            if let Some(a) = self.class_lookup(cls, &attr)? {
                if let Some(Object::Property(p)) = self.heap.get_obj(a) {
                    let deleter = p.fdel;
                    if matches!(deleter, Value::None) {
                        let cname = self.class_name(cls);
                        return Err(exc::attribute_error(format!(
                            "property '{attr}' of '{cname}' object has no deleter"
                        )));
                    }
                    self.call(deleter, &[obj])?;
                    return Ok(true);
                }
                // A data descriptor of a user class: `__delete__`, or the error its `__set__`
                // alone gives (typeobject.c `slot_tp_descr_set` with no value).
                if self.is_user_instance(a) {
                    if let Some(del) = self.user_dunder(a, "__delete__")? {
                        self.call(del, &[a, obj])?;
                        return Ok(true);
                    }
                    if self.user_dunder(a, "__set__")?.is_some() {
                        return Err(exc::attribute_error("__delete__"));
                    }
                }
            }
        }
        if self.dict_remove(dict, name)?.is_none() {
            return Err(self.no_attribute_to_delete(obj, &attr));
        }
        self.invalidate_caches();
        Ok(true)
    }

    /// `super()` with no arguments: the enclosing method's class cell and first argument.
    pub(crate) fn zero_arg_super(&mut self) -> PyResult<Value> {
        let Some(f) = self.frames.last() else {
            return Err(exc::runtime_error("super(): no arguments"));
        };
        let (rt, base) = (f.rt, f.base);
        let Some(code) = self.code_of(rt).cloned() else {
            return Err(RunError::Internal("frame without code"));
        };
        if code.argcount == 0 && !code.flags.varargs {
            return Err(exc::runtime_error("super(): no arguments"));
        }
        let Some(pos) = code.freevars.iter().position(|n| n == "__class__") else {
            return Err(exc::runtime_error("super(): __class__ cell not found"));
        };
        let mut obj = self.stack.get(base).copied().unwrap_or(Value::Unbound);
        // A first argument captured by a closure lives in its cell.
        if let Some(ci) = code.cell_params.iter().position(|p| *p == Some(0)) {
            let cell = self
                .stack
                .get(base + code.nlocals() + ci)
                .copied()
                .unwrap_or(Value::None);
            if let Some(Object::Cell(v)) = self.heap.get_obj(cell) {
                obj = *v;
            }
        }
        let cell = self
            .stack
            .get(base + code.nlocals() + code.cellvars.len() + pos)
            .copied()
            .unwrap_or(Value::None);
        let cls = match self.heap.get_obj(cell) {
            Some(Object::Cell(c)) => *c,
            _ => Value::Unbound,
        };
        if matches!(cls, Value::Unbound) || matches!(obj, Value::Unbound) {
            return Err(exc::runtime_error("super(): empty __class__ cell"));
        }
        self.alloc(Object::Super { cls, obj })
    }

    /// Default `repr` of an instance: `<__main__.A object at 0x...>`.
    pub(crate) fn default_repr(&self, v: Value) -> String {
        let cls = self.type_of(v);
        let (module, name) = match cls {
            Value::Type(t) => ("builtins".to_string(), t.name().to_string()),
            _ => (
                self.class_module(cls)
                    .unwrap_or_else(|| "__main__".to_string()),
                self.class_qualname(cls),
            ),
        };
        let id = v.obj().map_or(0, |o| u64::from(o.0));
        if module == "builtins" {
            format!(
                "<{name} object at 0x{:012x}>",
                0x7f00_0000_0000u64 + id * 16
            )
        } else {
            format!(
                "<{module}.{name} object at 0x{:012x}>",
                0x7f00_0000_0000u64 + id * 16
            )
        }
    }

    /// The `__module__` string in a user class's own namespace (set from the defining
    /// module's `__name__`), or None when absent or not a str.
    pub fn class_module(&self, cls: Value) -> Option<String> {
        let Some(Object::Class(c)) = self.heap.get_obj(cls) else {
            return None;
        };
        let Some(Object::Dict(d)) = self.heap.get_obj(c.dict) else {
            return None;
        };
        d.iter().find_map(|e| match self.heap.get_obj(e.key) {
            Some(Object::Str(k)) if k.s == "__module__" => match self.heap.get_obj(e.value) {
                Some(Object::Str(m)) => Some(m.s.as_str().to_owned()),
                _ => None,
            },
            _ => None,
        })
    }

    /// `module.qualname` of a class as `repr` and tracebacks show it.
    pub fn class_dotted_name(&self, cls: Value) -> String {
        let qualname = self.class_qualname(cls);
        match self.class_module(cls) {
            Some(m) if m != "builtins" => format!("{m}.{qualname}"),
            _ => qualname,
        }
    }

    /// `__qualname__` of a class value.
    pub fn class_qualname(&self, cls: Value) -> String {
        match self.heap.get_obj(cls) {
            Some(Object::Class(c)) => c.qualname.clone(),
            _ => self.class_name(cls),
        }
    }

    /// Call `__set_name__(owner, name)` on descriptors in a new class's namespace.
    fn set_names(&mut self, cls: Value, namespace: Value) -> PyResult<()> {
        for (k, v) in self.dict_items(namespace)? {
            if self.is_user_instance(v) {
                self.call_dunder(v, "__set_name__", &[cls, k])?;
            }
        }
        Ok(())
    }

    /// A user descriptor's `__get__(instance, owner)`, when `attr` has one.
    pub(crate) fn descriptor_get(
        &mut self,
        attr: Value,
        obj: Value,
        cls: Value,
    ) -> PyResult<Option<Value>> {
        if !self.is_user_instance(attr) {
            return Ok(None);
        }
        self.call_dunder(attr, "__get__", &[obj, cls])
    }

    #[cold]
    pub(crate) fn unhashable_error(&self, v: Value) -> RunError {
        exc::type_error(messages::unhashable(&self.type_name(v)))
    }
}

/// Builtin types whose value is fixed at creation (`__new__`), not in `__init__`.
fn immutable_base(t: BuiltinType) -> bool {
    matches!(
        t,
        BuiltinType::Tuple
            | BuiltinType::Str
            | BuiltinType::Int
            | BuiltinType::Float
            | BuiltinType::Complex
            | BuiltinType::FrozenSet
            | BuiltinType::Bytes
    ) || t.is_iterator_adaptor()
}
