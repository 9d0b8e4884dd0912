//! Attribute access, method lookup and name resolution (globals, then builtins).

use crate::builtins;
use crate::exc::{self, PyResult, messages};
use crate::types::BuiltinType;
use crate::types::function::BoundMethod;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

use super::int::to_big;

impl Vm {
    /// Class-body name lookup: namespace, globals, builtins.
    pub(crate) fn load_name(&mut self, fi: usize, rt: Value, i: u32) -> PyResult<Value> {
        let name = self.name_at(rt, i);
        let ns = self.frames.get(fi).map_or(Value::None, |f| f.namespace);
        if !matches!(ns, Value::None) {
            if let Some(v) = self.dict_get(ns, name)? {
                return Ok(v);
            }
        }
        let globals = self.frames.get(fi).map_or(self.globals, |f| f.globals);
        if let Some(v) = self.dict_get(globals, name)? {
            return Ok(v);
        }
        self.builtin_by_name(name)
    }

    pub(crate) fn builtin_by_name(&mut self, name: Value) -> PyResult<Value> {
        let text = self.str_of(name).unwrap_or("");
        if let Some(v) = builtins::lookup(text) {
            return Ok(v);
        }
        // The embedder's builtin-like host functions.
        let host = self.host.builtins;
        if !matches!(host, Value::None) {
            if let Some(v) = self.dict_get(host, name)? {
                return Ok(v);
            }
        }
        let text = self.str_of(name).unwrap_or("");
        Err(exc::name_not_defined(text))
    }

    pub(crate) fn delete_global(&mut self, globals: Value, name: Value) -> PyResult<()> {
        match self.dict_remove(globals, name)? {
            Some(_) => Ok(()),
            None => {
                let text = self.str_of(name).unwrap_or("").to_string();
                Err(exc::name_not_defined(&text))
            }
        }
    }

    /// `obj.name`.
    pub fn getattr(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        match self.instance_getattr_fast(obj, name) {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {}
            Err(e) => return Err(self.attribute_error_context(e, obj, name)),
        }
        let attr = self.str_of(name).unwrap_or("").to_string();
        match self.getattr_opt(obj, &attr) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(self.no_attribute(obj, &attr)),
            Err(e) => Err(self.attribute_error_context(e, obj, name)),
        }
    }

    /// An AttributeError escaping an attribute lookup (from a property, `__getattr__` or a
    /// native) gets the lookup's `name` and `obj` unless it has them, as CPython's
    /// `set_attribute_error_context` does, so its traceback can offer a suggestion.
    #[cold]
    fn attribute_error_context(
        &mut self,
        e: crate::exc::RunError,
        obj: Value,
        name: Value,
    ) -> crate::exc::RunError {
        use crate::exc::{Exc, ExcArgs, RunError};
        let RunError::Exc(mut x) = e else { return e };
        match &mut *x {
            Exc::New {
                ty: BuiltinType::AttributeError,
                args,
            } => {
                if let ExcArgs::Msg(m) = args {
                    let msg = std::mem::take(m);
                    let name = self.str_of(name).unwrap_or("").to_string();
                    *args = ExcArgs::Named { msg, name, obj };
                }
            }
            Exc::New { .. } => {}
            Exc::Obj(id) => {
                let id = *id;
                let is_attr = match self.heap.get(id) {
                    Object::Exception(ex) => {
                        matches!(ex.name, Value::None)
                            && matches!(ex.obj, Value::None)
                            && self.is_subclass(ex.cls, Value::Type(BuiltinType::AttributeError))
                    }
                    _ => false,
                };
                if is_attr {
                    if let Object::Exception(ex) = self.heap.get_mut(id) {
                        ex.name = name;
                        ex.obj = obj;
                    }
                }
            }
        }
        RunError::Exc(x)
    }

    /// The AttributeError of a failed lookup of `obj.attr`, with `name` and `obj` set.
    #[cold]
    pub(crate) fn no_attribute(&self, obj: Value, attr: &str) -> crate::exc::RunError {
        exc::named_error(
            BuiltinType::AttributeError,
            self.no_attribute_message(obj, attr),
            attr,
            obj,
        )
    }

    /// The AttributeError of a failed `del obj.attr` (CPython sets no `name` or `obj` there).
    #[cold]
    pub(crate) fn no_attribute_to_delete(&self, obj: Value, attr: &str) -> crate::exc::RunError {
        exc::attribute_error(self.no_attribute_message(obj, attr))
    }

    fn no_attribute_message(&self, obj: Value, attr: &str) -> String {
        match obj {
            Value::Type(t) => messages::type_no_attribute(t.name(), attr),
            _ => match self.heap.get_obj(obj) {
                Some(Object::Module(m)) => messages::module_no_attribute(&m.name, attr),
                Some(Object::Class(c)) => messages::type_no_attribute(&c.name, attr),
                _ => messages::no_attribute(&self.type_name(obj), attr),
            },
        }
    }

    /// `obj.name`, or None when there is no such attribute.
    pub fn getattr_opt(&mut self, obj: Value, attr: &str) -> PyResult<Option<Value>> {
        if attr == "__class__" {
            return Ok(Some(self.type_of(obj)));
        }
        match obj {
            Value::Type(t) => return self.type_attr(t, attr),
            Value::Native(n) => {
                return Ok(match attr {
                    "__name__" | "__qualname__" => Some(self.new_str(n.name())?),
                    _ => None,
                });
            }
            Value::Int(_) | Value::Bool(_) => match attr {
                "real" | "numerator" => {
                    return Ok(Some(Value::Int(self.to_index(obj).unwrap_or(0))));
                }
                "imag" => return Ok(Some(Value::Int(0))),
                "denominator" => return Ok(Some(Value::Int(1))),
                _ => {}
            },
            Value::Float(f) => match attr {
                "real" => return Ok(Some(Value::Float(f))),
                "imag" => return Ok(Some(Value::Float(0.0))),
                _ => {}
            },
            _ => {}
        }
        match self.heap.get_obj(obj) {
            Some(Object::Instance(i)) => {
                let payload = i.payload;
                if let Some(v) = self.instance_getattr(obj, attr)? {
                    return Ok(Some(v));
                }
                // The members of a builtin number base's value (`real`, `imag`, ... of an
                // int, float or complex subclass) come before `__getattr__`, as type
                // attributes do.
                let number = matches!(payload, Value::Int(_) | Value::Bool(_) | Value::Float(_))
                    || to_big(self, payload).is_some();
                let member = matches!(attr, "real" | "imag" | "numerator" | "denominator");
                if number || (member && !matches!(payload, Value::None)) {
                    if let Some(v) = self.getattr_opt(payload, attr)? {
                        return Ok(Some(v));
                    }
                }
                return self.getattr_hook(obj, attr);
            }
            Some(Object::Class(_)) => return self.class_getattr(obj, attr),
            Some(Object::Super { .. }) => return self.super_getattr(obj, attr),
            Some(Object::Exception(e)) if !matches!(e.cls, Value::Type(_)) => {
                if let Some(v) = self.object_data_attr(obj, attr)? {
                    return Ok(Some(v));
                }
                if let Some(v) = self.instance_getattr(obj, attr)? {
                    return Ok(Some(v));
                }
                return self.getattr_hook(obj, attr);
            }
            Some(Object::Property(p)) => {
                let p = *p;
                return Ok(match attr {
                    "fget" => Some(p.fget),
                    "fset" => Some(p.fset),
                    "fdel" => Some(p.fdel),
                    // CPython copies the getter's docstring when no doc= is given.
                    "__doc__" if matches!(p.fget, Value::None) => Some(Value::None),
                    "__doc__" => self.getattr_opt(p.fget, "__doc__")?,
                    "setter" | "getter" | "deleter" => {
                        let m = crate::builtins::property_method(attr);
                        Some(self.alloc(Object::BoundMethod(BoundMethod {
                            recv: obj,
                            func: Value::Native(m),
                        }))?)
                    }
                    _ => None,
                });
            }
            Some(Object::StaticMethod(f) | Object::ClassMethod(f)) if attr == "__func__" => {
                return Ok(Some(*f));
            }
            Some(Object::Traceback(e)) => {
                let line = match self.heap.get_obj(*e) {
                    Some(Object::Exception(x)) => x.traceback.last().map_or(0, |t| t.line),
                    _ => 0,
                };
                return Ok(match attr {
                    "tb_lineno" => Some(Value::Int(i64::from(line))),
                    "tb_next" | "tb_frame" => Some(Value::None),
                    _ => None,
                });
            }
            _ => {}
        }
        if let Some(v) = self.object_data_attr(obj, attr)? {
            return Ok(Some(v));
        }
        let ty = self.builtin_type_of(obj);
        if attr.starts_with("__") {
            if let Some(s) = builtins::slot_of(ty, attr) {
                let b = self.alloc(Object::BoundMethod(BoundMethod {
                    recv: obj,
                    func: Value::Native(s),
                }))?;
                return Ok(Some(b));
            }
        }
        if matches!(ty, BuiltinType::Bytes | BuiltinType::ByteArray) {
            // Class and static methods (`b''.fromhex`) are reached through instances unbound.
            if let Some(m) = builtins::type_attr(ty, attr) {
                return Ok(Some(m));
            }
        }
        if let Some(m) = builtins::method_of(ty, attr) {
            let b = self.alloc(Object::BoundMethod(BoundMethod {
                recv: obj,
                func: Value::Native(m),
            }))?;
            return Ok(Some(b));
        }
        Ok(None)
    }

    fn object_data_attr(&mut self, obj: Value, attr: &str) -> PyResult<Option<Value>> {
        if let Some(Object::Exception(_)) = self.heap.get_obj(obj) {
            if let Some(v) = self.exception_field(obj, attr)? {
                return Ok(Some(v));
            }
        }
        let Some(o) = self.heap.get_obj(obj) else {
            return Ok(None);
        };
        Ok(match o {
            Object::Module(m) => {
                let d = m.dict;
                let key = self.intern(attr)?;
                self.dict_get(d, key)?
            }
            Object::Exception(e) => match attr {
                "args" => {
                    let args = e.args.clone();
                    Some(self.new_tuple(args)?)
                }
                "message" if e.group.is_some() => e.group.map(|g| g.0),
                "exceptions" if e.group.is_some() => e.group.map(|g| g.1),
                "value" if self.is_subclass(e.cls, Value::Type(BuiltinType::StopIteration)) => {
                    Some(e.args.first().copied().unwrap_or(Value::None))
                }
                "code" if self.is_subclass(e.cls, Value::Type(BuiltinType::SystemExit)) => {
                    Some(e.args.first().copied().unwrap_or(Value::None))
                }
                "name"
                    if [
                        BuiltinType::NameError,
                        BuiltinType::AttributeError,
                        BuiltinType::ImportError,
                    ]
                    .iter()
                    .any(|t| self.is_subclass(e.cls, Value::Type(*t))) =>
                {
                    Some(e.name)
                }
                "obj" if self.is_subclass(e.cls, Value::Type(BuiltinType::AttributeError)) => {
                    Some(e.obj)
                }
                "__dict__" => {
                    let d = e.dict;
                    if matches!(d, Value::None) {
                        let d = self.new_dict()?;
                        if let Some(Object::Exception(e)) =
                            obj.obj().map(|id| self.heap.get_mut(id))
                        {
                            e.dict = d;
                        }
                        Some(d)
                    } else {
                        Some(d)
                    }
                }
                "__cause__" => Some(e.cause),
                "__context__" => Some(e.context),
                "__suppress_context__" => Some(Value::Bool(e.suppress_context)),
                "__traceback__" => {
                    if e.traceback.is_empty() {
                        Some(Value::None)
                    } else {
                        Some(self.alloc(Object::Traceback(obj))?)
                    }
                }
                _ => {
                    let d = e.dict;
                    if matches!(d, Value::None) {
                        None
                    } else {
                        let key = self.intern(attr)?;
                        self.dict_get(d, key)?
                    }
                }
            },
            Object::CodeRt(c) => {
                let code = c.code.clone();
                return self.code_attr(&code, attr);
            }
            Object::Function(f) => match attr {
                "__name__" => {
                    let n = f.name.clone();
                    Some(self.new_str(n)?)
                }
                "__qualname__" => {
                    let n = f.qualname.clone();
                    Some(self.new_str(n)?)
                }
                "__doc__" => match (f.doc, f.code.doc.clone()) {
                    (Value::Unbound, Some(d)) => Some(self.new_str(d)?),
                    (Value::Unbound, None) => Some(Value::None),
                    (d, _) => Some(d),
                },
                "__module__" => {
                    // CPython: the defining module's `__name__`, read from its globals.
                    let globals = f.globals;
                    let key = self.intern("__name__")?;
                    match self.dict_get(globals, key)? {
                        Some(name) => Some(name),
                        None => Some(Value::None),
                    }
                }
                "__closure__" => {
                    let c = f.closure.clone();
                    if c.is_empty() {
                        Some(Value::None)
                    } else {
                        Some(self.new_tuple(c)?)
                    }
                }
                "__kwdefaults__" => {
                    let kw = f.kwdefaults.clone();
                    if kw.is_empty() {
                        Some(Value::None)
                    } else {
                        let d = self.new_dict()?;
                        for (k, v) in kw {
                            let key = self.new_str(k)?;
                            self.dict_set(d, key, v)?;
                        }
                        Some(d)
                    }
                }
                "__code__" => Some(f.rt),
                "__globals__" => Some(f.globals),
                "__annotations__" => {
                    let a = f.annotations;
                    if matches!(a, Value::None) {
                        let d = self.new_dict()?;
                        if let Some(Object::Function(f)) = obj.obj().map(|id| self.heap.get_mut(id))
                        {
                            f.annotations = d;
                        }
                        Some(d)
                    } else {
                        Some(a)
                    }
                }
                "__defaults__" => {
                    let d = f.defaults.clone();
                    if d.is_empty() {
                        Some(Value::None)
                    } else {
                        Some(self.new_tuple(d)?)
                    }
                }
                "__dict__" => {
                    let d = f.dict;
                    Some(self.function_dict(obj, d)?)
                }
                _ => {
                    let d = f.dict;
                    if matches!(d, Value::None) {
                        None
                    } else {
                        let key = self.intern(attr)?;
                        self.dict_get(d, key)?
                    }
                }
            },
            // A method forwards other attributes to its function (`__name__`, `__doc__`,
            // `__annotations__`, `__wrapped__`, ...), as CPython's method_getattro.
            Object::BoundMethod(b) => match attr {
                "__self__" => Some(b.recv),
                "__func__" => Some(b.func),
                // A builtin method's qualname names the type defining it (`str.join`), as
                // CPython's meth_get__qualname__; a module's functions keep their bare name.
                "__qualname__" if matches!(b.func, Value::Native(_)) => {
                    let (recv, f) = (b.recv, b.func);
                    let name = self.getattr_opt(f, attr)?.unwrap_or(Value::None);
                    let owner = match recv {
                        Value::Type(t) => Some(t.name()),
                        _ if matches!(self.heap.get_obj(recv), Some(Object::Module(_))) => None,
                        _ => Some(self.builtin_type_of(self.builtin_view(recv)).name()),
                    };
                    match (owner, self.str_of(name)) {
                        (Some(t), Some(n)) => Some(self.new_str(format!("{t}.{n}"))?),
                        _ => Some(name),
                    }
                }
                _ => {
                    let f = b.func;
                    return self.getattr_opt(f, attr);
                }
            },
            Object::Slice(s) => match attr {
                "indices" => {
                    let f = Value::Native(builtins::Native::Slot(builtins::SlotFn::SliceIndices));
                    return Ok(Some(
                        self.alloc(Object::BoundMethod(BoundMethod { recv: obj, func: f }))?,
                    ));
                }
                "start" => Some(s.start),
                "stop" => Some(s.stop),
                "step" => Some(s.step),
                _ => None,
            },
            Object::Range(_) | Object::BigRange(_) => return self.range_attr(obj, attr),
            Object::Generator(g) => match attr {
                "__name__" => {
                    let n = g.name.clone();
                    Some(self.new_str(n)?)
                }
                "__qualname__" => {
                    let n = g.qualname.clone();
                    Some(self.new_str(n)?)
                }
                "gi_running" | "cr_running" | "ag_running" => Some(Value::Bool(
                    g.state == crate::types::generator::GenState::Running,
                )),
                _ => None,
            },
            Object::Complex(c) => match attr {
                "real" => Some(Value::Float(c.re)),
                "imag" => Some(Value::Float(c.im)),
                _ => None,
            },
            Object::BigInt(_) => match attr {
                "real" | "numerator" => Some(obj),
                "imag" => Some(Value::Int(0)),
                "denominator" => Some(Value::Int(1)),
                _ => None,
            },
            _ => None,
        })
    }

    fn function_dict(&mut self, f: Value, d: Value) -> PyResult<Value> {
        if !matches!(d, Value::None) {
            return Ok(d);
        }
        let nd = self.new_dict()?;
        if let Some(id) = f.obj() {
            if let Object::Function(func) = self.heap.get_mut(id) {
                func.dict = nd;
            }
        }
        Ok(nd)
    }

    fn type_attr(&mut self, t: BuiltinType, attr: &str) -> PyResult<Option<Value>> {
        match attr {
            "__name__" | "__qualname__" => return Ok(Some(self.new_str(t.name())?)),
            "__module__" => return Ok(Some(self.new_str("builtins")?)),
            "__doc__" => return Ok(Some(Value::None)),
            "__mro__" => {
                let mro: Vec<Value> = t.mro().into_iter().map(Value::Type).collect();
                return Ok(Some(self.new_tuple(mro)?));
            }
            "__bases__" => {
                let mut b = if t == BuiltinType::Object {
                    vec![]
                } else {
                    vec![Value::Type(t.base())]
                };
                b.extend(t.second_base().map(Value::Type));
                return Ok(Some(self.new_tuple(b)?));
            }
            "__base__" => {
                return Ok(Some(if t == BuiltinType::Object {
                    Value::None
                } else {
                    Value::Type(t.base())
                }));
            }
            _ => {}
        }
        if let Some(m) = builtins::type_attr(t, attr) {
            return Ok(Some(m));
        }
        if let Some(s) = builtins::slot_of(t, attr) {
            return Ok(Some(Value::Native(s)));
        }
        Ok(builtins::method_of(t, attr).map(Value::Native))
    }

    /// `LoadMethod`: a (callable, self) pair without allocating a bound method, or
    /// (attribute, Unbound) when the attribute is not a method.
    pub(crate) fn load_method(&mut self, obj: Value, name: Value) -> PyResult<(Value, Value)> {
        if let Some(Object::Instance(inst)) = self.heap.get_obj(obj) {
            let (cls, dict) = (inst.class, inst.dict);
            if let Some(f) = self.class_lookup_key(cls, name)? {
                if matches!(self.heap.get_obj(f), Some(Object::Function(_)))
                    && (matches!(dict, Value::None) || self.dict_get(dict, name)?.is_none())
                {
                    return Ok((f, obj));
                }
            }
            let v = self.getattr(obj, name)?;
            return Ok((v, Value::Unbound));
        }
        let attr = self.str_of(name).unwrap_or("");
        let plain = !matches!(obj, Value::Type(_))
            && !matches!(
                self.heap.get_obj(obj),
                Some(Object::Module(_) | Object::Function(_) | Object::Exception(_))
            );
        if plain {
            let ty = self.builtin_type_of(obj);
            if let Some(m) = builtins::method_of(ty, attr) {
                return Ok((Value::Native(m), obj));
            }
        }
        let v = self.getattr(obj, name)?;
        Ok((v, Value::Unbound))
    }

    /// The `co_*` attributes of a code object.
    fn code_attr(&mut self, code: &crate::bytecode::Code, attr: &str) -> PyResult<Option<Value>> {
        let count = |n: u32| Value::Int(i64::from(n));
        Ok(Some(match attr {
            "co_name" => self.new_str(code.name.clone())?,
            "co_qualname" => self.new_str(code.qualname.clone())?,
            "co_filename" => self.new_str(code.filename.to_string())?,
            "co_firstlineno" => count(code.first_line),
            "co_argcount" => count(code.argcount),
            "co_posonlyargcount" => count(code.posonlyargcount),
            "co_kwonlyargcount" => count(code.kwonlyargcount),
            "co_nlocals" => Value::Int(i64::try_from(code.varnames.len()).unwrap_or(i64::MAX)),
            "co_varnames" | "co_cellvars" | "co_freevars" | "co_names" => {
                let names = match attr {
                    "co_varnames" => &code.varnames,
                    "co_cellvars" => &code.cellvars,
                    "co_freevars" => &code.freevars,
                    _ => &code.names,
                };
                let mut items = Vec::with_capacity(names.len());
                for n in names {
                    items.push(self.new_str(n.clone())?);
                }
                self.new_tuple(items)?
            }
            _ => return Ok(None),
        }))
    }

    /// `obj.name = v`.
    pub fn setattr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        if self.user_setattr(obj, name, v)? {
            return Ok(());
        }
        let attr = self.str_of(name).unwrap_or("").to_string();
        let target = match self.heap.get_obj(obj) {
            Some(Object::Exception(e)) => match attr.as_str() {
                "message" | "exceptions" if e.group.is_some() => {
                    return Err(exc::attribute_error(
                        exc::messages::excgroup::READONLY.to_string(),
                    ));
                }
                "__cause__" | "__context__" | "__suppress_context__" | "args" => {
                    if let Some(id) = obj.obj() {
                        if let Object::Exception(e) = self.heap.get_mut(id) {
                            match attr.as_str() {
                                "__cause__" => {
                                    e.cause = v;
                                    e.suppress_context = true;
                                }
                                "__context__" => e.context = v,
                                "__suppress_context__" => {
                                    e.suppress_context = matches!(v, Value::Bool(true))
                                }
                                _ => {}
                            }
                        }
                        if attr == "args" {
                            let items = self.collect_iterable(v)?;
                            if let Object::Exception(e) = self.heap.get_mut(id) {
                                e.args = items;
                            }
                        }
                    }
                    return Ok(());
                }
                _ => Some(e.dict),
            },
            Some(Object::Function(f)) => {
                let d = f.dict;
                if attr == "__annotations__" {
                    if let Some(Object::Function(f)) = obj.obj().map(|id| self.heap.get_mut(id)) {
                        f.annotations = v;
                    }
                    return Ok(());
                }
                if matches!(
                    attr.as_str(),
                    "__globals__" | "__closure__" | "__builtins__"
                ) {
                    return Err(exc::attribute_error("readonly attribute".to_string()));
                }
                if matches!(attr.as_str(), "__name__" | "__qualname__" | "__doc__") {
                    let text = self.str_of(v).map(str::to_string);
                    if let Some(id) = obj.obj() {
                        if let Object::Function(f) = self.heap.get_mut(id) {
                            match (attr.as_str(), text) {
                                ("__doc__", _) => f.doc = v,
                                ("__name__", Some(t)) => f.name = t,
                                ("__qualname__", Some(t)) => f.qualname = t,
                                _ => {
                                    return Err(exc::type_error(format!(
                                        "{attr} must be set to a string object"
                                    )));
                                }
                            }
                        }
                    }
                    return Ok(());
                }
                Some(d)
            }
            Some(Object::Module(m)) => {
                let d = m.dict;
                return self.dict_set(d, name, v);
            }
            _ => None,
        };
        match target {
            Some(d) => {
                let d = if matches!(d, Value::None) {
                    let nd = self.new_dict()?;
                    if let Some(id) = obj.obj() {
                        match self.heap.get_mut(id) {
                            Object::Exception(e) => e.dict = nd,
                            Object::Function(f) => f.dict = nd,
                            _ => {}
                        }
                    }
                    nd
                } else {
                    d
                };
                self.dict_set(d, name, v)
            }
            None => {
                let tname = self.type_name(obj);
                if let Value::Type(t) = obj {
                    return Err(exc::type_error(format!(
                        "cannot set '{attr}' attribute of immutable type '{}'",
                        t.name()
                    )));
                }
                if builtins::method_of(self.builtin_type_of(obj), &attr).is_some() {
                    return Err(exc::attribute_error(format!(
                        "'{tname}' object attribute '{attr}' is read-only"
                    )));
                }
                Err(exc::attribute_error(format!(
                    "'{tname}' object has no attribute '{attr}'"
                )))
            }
        }
    }

    /// `del obj.name`.
    pub fn delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        if self.user_delattr(obj, name)? {
            return Ok(());
        }
        let d = match self.heap.get_obj(obj) {
            Some(Object::Exception(e)) => e.dict,
            Some(Object::Function(f)) => f.dict,
            Some(Object::Module(m)) => m.dict,
            _ => Value::None,
        };
        if !matches!(d, Value::None) && self.dict_remove(d, name)?.is_some() {
            return Ok(());
        }
        let attr = self.str_of(name).unwrap_or("").to_string();
        Err(self.no_attribute_to_delete(obj, &attr))
    }

    /// Whether `v` is an int-like value (for builtins that accept ints).
    pub fn is_intlike(&self, v: Value) -> bool {
        to_big(self, v).is_some()
    }
}
