//! Calls: binding arguments to parameters, pushing frames, calling natives, and the
//! re-entrant `Vm::call` that native code uses to call back into Python.

use smallvec::SmallVec;

use crate::bytecode::Code;
use crate::exc::{self, PyResult, RunError, messages};
use crate::types::function::{BoundMethod, Function};
use crate::types::object::Object;
use crate::value::Value;

use super::frame::{ExitAction, Frame};
use super::{MAX_NATIVE_DEPTH, Vm};
use crate::types::generator::{GenKind, GenState, Generator, SavedFrame};

/// Arguments for a native function: positional values and keyword pairs.
#[derive(Debug, Default)]
pub struct Args {
    /// Positional arguments (for methods, `self` first).
    pub pos: SmallVec<[Value; 6]>,
    /// Keyword arguments in call order.
    pub kw: Vec<(String, Value)>,
}

impl Args {
    /// Positional-only arguments.
    pub fn positional(vals: &[Value]) -> Args {
        Args {
            pos: SmallVec::from_slice(vals),
            kw: Vec::new(),
        }
    }

    /// Positional argument `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.pos.get(i).copied()
    }

    /// Remove and return a keyword argument.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| k == name)?;
        Some(self.kw.remove(i).1)
    }

    /// Fail if any keyword arguments remain (CPython: "f() takes no keyword arguments" or
    /// "'x' is an invalid keyword argument for f()").
    pub fn no_kwargs(&self, fname: &str) -> PyResult<()> {
        // Builtins that take some keywords name the bad one; the rest take none at all.
        const TAKES_KEYWORDS: &[&str] = &[
            "print",
            "sorted",
            "min",
            "max",
            "sum",
            "enumerate",
            "zip",
            "int",
            "str",
            "round",
            "pow",
            "sort",
            "dict",
            "split",
            "rsplit",
            "encode",
            "decode",
            "splitlines",
            "bytes",
            "bytearray",
            "list.sort",
            "exec",
            "compile",
            "__import__",
        ];
        match self.kw.first() {
            None => Ok(()),
            Some(_) if !TAKES_KEYWORDS.contains(&fname) => Err(exc::type_error(format!(
                "{fname}() takes no keyword arguments"
            ))),
            Some((k, _)) => Err(exc::type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            ))),
        }
    }

    /// `arity` for a method: `pos[0]` is the receiver and does not count.
    pub fn method_arity(&self, fname: &str, min: usize, max: usize) -> PyResult<()> {
        arity_error(fname, self.pos.len().saturating_sub(1), min, max)
    }

    /// Check the positional count is within `min..=max` (CPython's getargs wording).
    pub fn arity(&self, fname: &str, min: usize, max: usize) -> PyResult<()> {
        arity_error(fname, self.pos.len(), min, max)
    }
}

/// The getargs arity error for `n` arguments against `min..=max`, if any.
fn arity_error(fname: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    Err(exc::type_error(if min == max {
        match min {
            0 => format!("{fname}() takes no arguments ({n} given)"),
            1 => format!("{fname}() takes exactly one argument ({n} given)"),
            _ => format!("{fname}() takes exactly {min} arguments ({n} given)"),
        }
    } else if n < min {
        format!(
            "{fname} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{fname} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    }))
}

/// What a call did: pushed a Python frame for the loop to run, or finished with a value.
pub(crate) enum Called {
    /// A frame was pushed; its return value will land on the caller's stack.
    Pushed,
    /// The call completed.
    Value(Value),
}

impl Vm {
    /// Call `func` with the `nargs` values at `stack[start..]` (the last `len(kwnames)` of them
    /// keyword values). On completion the stack is truncated to `ret_to`.
    pub(crate) fn call_stack(
        &mut self,
        func: Value,
        start: usize,
        nargs: usize,
        kwnames: Value,
        ret_to: usize,
    ) -> PyResult<Called> {
        match func {
            Value::Obj(id) => match self.heap.get(id) {
                Object::Function(f) => {
                    let code = &*f.code;
                    let simple = matches!(kwnames, Value::None)
                        && !code.flags.varargs
                        && !code.flags.varkeywords
                        && code.kwonlyargcount == 0
                        && nargs <= code.argcount as usize
                        && nargs + f.defaults.len() >= code.argcount as usize;
                    if simple {
                        if code.cellvars.is_empty()
                            && !code.flags.generator
                            && !code.flags.coroutine
                        {
                            return self.enter_plain(id, start, nargs, ret_to);
                        }
                        // Arguments already sit where the callee's locals go.
                        let argc = code.argcount as usize;
                        let first_default = argc - f.defaults.len();
                        for k in nargs..argc {
                            let d = f
                                .defaults
                                .get(k - first_default)
                                .copied()
                                .unwrap_or(Value::None);
                            self.stack.push(d);
                        }
                        return Ok(match self.enter_function(id, start, ret_to)? {
                            Some(g) => Called::Value(g),
                            None => Called::Pushed,
                        });
                    }
                    let code = f.code.clone();
                    let (pos, kw) = self.take_stack_args(start, nargs, kwnames)?;
                    self.stack.truncate(start);
                    let locals = self.bind_args(id, &code, pos, kw)?;
                    self.stack.extend(locals);
                    Ok(match self.enter_function(id, start, ret_to)? {
                        Some(g) => Called::Value(g),
                        None => Called::Pushed,
                    })
                }
                Object::BoundMethod(BoundMethod { recv, func: inner }) => {
                    let (recv, inner) = (*recv, *inner);
                    self.stack.insert(start, recv);
                    self.call_stack(inner, start, nargs + 1, kwnames, ret_to)
                }
                Object::Class(_) => match self.call_class(id, start, nargs, kwnames, ret_to)? {
                    Some(called) => Ok(called),
                    None => self.call_native_from_stack(func, start, nargs, kwnames, ret_to),
                },
                _ => self.call_native_from_stack(func, start, nargs, kwnames, ret_to),
            },
            _ => self.call_native_from_stack(func, start, nargs, kwnames, ret_to),
        }
    }

    /// A class call from bytecode for the common case (metaclass `type`, plain instance
    /// layout, no user `__new__`): allocate the instance into the callee slot below the
    /// arguments and run a Python `__init__` as an ordinary frame of this loop, whose
    /// `ExitAction::Init` checks the None result and returns the instance. None: take the
    /// general path (`instantiate`).
    fn call_class(
        &mut self,
        cls: crate::value::ObjId,
        start: usize,
        nargs: usize,
        kwnames: Value,
        ret_to: usize,
    ) -> PyResult<Option<Called>> {
        let Object::Class(c) = self.heap.get(cls) else {
            return Ok(None);
        };
        if !matches!(c.metaclass, Value::Type(crate::types::BuiltinType::Type))
            || c.base_type != crate::types::BuiltinType::Object
            || start == 0
            || start <= ret_to
        {
            return Ok(None);
        }
        let names = self.names()?;
        let clsv = Value::Obj(cls);
        if !matches!(
            self.class_lookup_key(clsv, names.new)?,
            None | Some(Value::Native(_))
        ) {
            return Ok(None);
        }
        let init = match self.class_lookup_key(clsv, names.init)? {
            Some(f) if matches!(self.heap.get_obj(f), Some(Object::Function(_))) => f,
            _ => return Ok(None),
        };
        let dict = self.new_dict()?;
        let inst = self
            .heap
            .alloc(Object::Instance(crate::types::class::Instance {
                class: clsv,
                dict,
                payload: Value::None,
            }))?;
        // The callee slot (or an empty method-self slot) sits just below the arguments.
        if let Some(slot) = self.stack.get_mut(start - 1) {
            *slot = Value::Obj(inst);
        }
        let depth = self.frames.len();
        match self.call_stack(init, start - 1, nargs + 1, kwnames, ret_to)? {
            Called::Pushed => {
                if self.frames.len() > depth {
                    if let Some(f) = self.frames.last_mut() {
                        f.exit = ExitAction::Init(inst);
                    }
                }
                Ok(Some(Called::Pushed))
            }
            Called::Value(r) => self
                .init_result(Value::Obj(inst), r)
                .map(|v| Some(Called::Value(v))),
        }
    }

    /// What a class call returns once `__init__` returned `r`: the instance, or CPython's
    /// TypeError when `__init__` returned something else.
    pub(crate) fn init_result(&self, inst: Value, r: Value) -> PyResult<Value> {
        if matches!(r, Value::None) {
            return Ok(inst);
        }
        Err(exc::type_error(format!(
            "__init__() should return None, not '{}'",
            self.type_name(r)
        )))
    }

    fn call_native_from_stack(
        &mut self,
        func: Value,
        start: usize,
        nargs: usize,
        kwnames: Value,
        ret_to: usize,
    ) -> PyResult<Called> {
        if let Value::Native(crate::builtins::Native::Gen(m)) = func {
            if let Some(c) = self.resume_call(m, start, nargs, kwnames, ret_to)? {
                return Ok(c);
            }
        }
        let args = if matches!(kwnames, Value::None) {
            // Positional only (the common case): one copy into the inline vector.
            let end = (start + nargs).min(self.stack.len());
            Args {
                pos: self
                    .stack
                    .get(start..end)
                    .map(SmallVec::from_slice)
                    .unwrap_or_default(),
                kw: Vec::new(),
            }
        } else {
            let (pos, kw) = self.take_stack_args(start, nargs, kwnames)?;
            Args {
                pos: SmallVec::from_vec(pos),
                kw,
            }
        };
        self.stack.truncate(ret_to);
        self.call_object(func, args).map(Called::Value)
    }

    fn take_stack_args(
        &mut self,
        start: usize,
        nargs: usize,
        kwnames: Value,
    ) -> PyResult<(Vec<Value>, Vec<(String, Value)>)> {
        let end = (start + nargs).min(self.stack.len());
        let all: Vec<Value> = self
            .stack
            .get(start..end)
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        let names: Vec<Value> = match self.heap.get_obj(kwnames) {
            Some(Object::Tuple(t)) => t.clone(),
            _ => Vec::new(),
        };
        let npos = all.len().saturating_sub(names.len());
        let mut kw = Vec::with_capacity(names.len());
        for (n, v) in names.iter().zip(all.iter().skip(npos)) {
            kw.push((self.str_of(*n).unwrap_or("").to_string(), *v));
        }
        let pos = all.get(..npos).map(<[Value]>::to_vec).unwrap_or_default();
        Ok((pos, kw))
    }

    /// The call fast path: a function without cells or generator/coroutine flag, called with
    /// positional arguments only (`nargs` of them at `stack[start..]`, missing ones covered
    /// by defaults). Reads everything under one heap borrow: no `Arc` clone, no allocation.
    fn enter_plain(
        &mut self,
        fid: crate::value::ObjId,
        start: usize,
        nargs: usize,
        ret_to: usize,
    ) -> PyResult<Called> {
        if self.frames.len() >= self.limits.max_recursion {
            self.stack.truncate(ret_to);
            return Err(exc::recursion_error(messages::recursion_depth("")));
        }
        self.tick()?;
        let Object::Function(f) = self.heap.get(fid) else {
            return Err(RunError::Internal("enter_plain on a non-function"));
        };
        let argc = f.code.argcount as usize;
        let nlocals = f.code.nlocals();
        if nargs < argc {
            let first_default = argc.saturating_sub(f.defaults.len());
            let from = nargs.saturating_sub(first_default);
            let to = argc - first_default;
            if let Some(ds) = f.defaults.get(from..to) {
                self.stack.extend_from_slice(ds);
            }
        }
        let have = self.stack.len() - start;
        if have < nlocals {
            self.stack.resize(start + nlocals, Value::Unbound);
        }
        self.stack.extend_from_slice(&f.closure);
        let stack_base = self.stack.len();
        self.frames.push(Frame {
            rt: f.rt,
            ops_base: f.ops_base,
            nlocals: u32::try_from(nlocals).unwrap_or(u32::MAX),
            globals: f.globals,
            namespace: Value::None,
            ip: 0,
            base: start,
            stack_base,
            ret_to,
            generator: None,
            exit: ExitAction::Return,
        });
        Ok(Called::Pushed)
    }

    /// Push a frame for function `fid` whose locals start at `base` (already holding the
    /// bound parameters), filling the remaining locals and cells.
    fn enter_function(
        &mut self,
        fid: crate::value::ObjId,
        base: usize,
        ret_to: usize,
    ) -> PyResult<Option<Value>> {
        if self.frames.len() >= self.limits.max_recursion {
            self.stack.truncate(ret_to);
            return Err(exc::recursion_error(messages::recursion_depth("")));
        }
        self.tick()?;
        let (code, rt, ops_base, globals, closure) = match self.heap.get(fid) {
            Object::Function(f) => (
                f.code.clone(),
                f.rt,
                f.ops_base,
                f.globals,
                f.closure.clone(),
            ),
            _ => return Err(RunError::Internal("enter_function on a non-function")),
        };
        let nlocals = code.nlocals();
        let have = self.stack.len() - base;
        for _ in have..nlocals {
            self.stack.push(Value::Unbound);
        }
        for (i, p) in code.cell_params.iter().enumerate() {
            let init = match p {
                Some(pi) => self
                    .stack
                    .get(base + *pi as usize)
                    .copied()
                    .unwrap_or(Value::Unbound),
                None => Value::Unbound,
            };
            let cell = self.alloc(Object::Cell(init))?;
            let _ = i;
            self.stack.push(cell);
        }
        self.stack.extend_from_slice(&closure);
        let stack_base = self.stack.len();
        if code.flags.generator || code.flags.coroutine {
            // Calling a generator or coroutine function builds the frame as data and returns
            // the generator (or coroutine, or async generator) object.
            let saved: Vec<Value> = self.stack.split_off(base);
            self.stack.truncate(ret_to);
            let (name, qualname) = (code.name.clone(), code.qualname.clone());
            let code_kind = (code.flags.generator, code.flags.coroutine);
            let g = Generator {
                frame: Some(SavedFrame {
                    rt,
                    ops_base,
                    nlocals: u32::try_from(nlocals).unwrap_or(u32::MAX),
                    globals,
                    ip: 0,
                    stack: saved,
                    stack_base: stack_base - base,
                }),
                state: GenState::Created,
                name,
                qualname,
                return_value: Value::None,
                kind: match (code_kind.0, code_kind.1) {
                    (true, true) => GenKind::AsyncGenerator,
                    (false, true) => GenKind::Coroutine,
                    _ => GenKind::Generator,
                },
                yielded_own: false,
                running_async: false,
                exc_state: Value::None,
                outer_handled: Value::None,
            };
            return self.alloc(Object::Generator(Box::new(g))).map(Some);
        }
        self.frames.push(Frame {
            rt,
            ops_base,
            nlocals: u32::try_from(nlocals).unwrap_or(u32::MAX),
            globals,
            namespace: Value::None,
            ip: 0,
            base,
            stack_base,
            ret_to,
            generator: None,
            exit: ExitAction::Return,
        });
        Ok(None)
    }

    /// Push a frame for module-level or class-body code with the given locals.
    pub(crate) fn push_frame(
        &mut self,
        rt: Value,
        globals: Value,
        namespace: Value,
        cells: Vec<Value>,
    ) -> PyResult<()> {
        let Some(c) = self.code_rt(rt) else {
            return Err(RunError::Internal("push_frame without code"));
        };
        let (ops_base, nlocals) = (c.ops_base, c.code.nlocals());
        let ret_to = self.stack.len();
        let base = ret_to;
        // Fast locals: none for module and class bodies, whose names live in dicts.
        self.stack.resize(base + nlocals, Value::Unbound);
        self.stack.extend(cells);
        let stack_base = self.stack.len();
        self.frames.push(Frame {
            rt,
            ops_base,
            nlocals: u32::try_from(nlocals).unwrap_or(u32::MAX),
            globals,
            namespace,
            ip: 0,
            base,
            stack_base,
            ret_to,
            generator: None,
            exit: ExitAction::Return,
        });
        Ok(())
    }

    /// Bind call arguments to a function's parameters (Python/ceval.c initialize_locals).
    fn bind_args(
        &mut self,
        fid: crate::value::ObjId,
        code: &Code,
        pos: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> PyResult<Vec<Value>> {
        let (defaults, kwdefaults, qualname) = match self.heap.get(fid) {
            Object::Function(f) => (f.defaults.clone(), f.kwdefaults.clone(), f.qualname.clone()),
            _ => return Err(RunError::Internal("bind_args on a non-function")),
        };
        let argc = code.argcount as usize;
        let posonly = code.posonlyargcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let mut locals = vec![Value::Unbound; code.nlocals()];
        let npos = pos.len();
        for (i, v) in pos.iter().take(argc).enumerate() {
            locals[i] = *v;
        }
        let mut slot = argc + kwonly;
        if code.flags.varargs {
            let extra = pos.get(argc..).map(<[Value]>::to_vec).unwrap_or_default();
            locals[argc + kwonly] = self.new_tuple(extra)?;
            slot += 1;
        } else if npos > argc {
            let kw_given = kw
                .iter()
                .filter(|(k, _)| {
                    code.varnames
                        .get(argc..argc + kwonly)
                        .is_some_and(|ks| ks.iter().any(|n| n == k))
                })
                .count();
            let min = argc - defaults.len();
            return Err(exc::type_error(messages::too_many_positional(
                &qualname, argc, min, npos, kw_given,
            )));
        }
        let kwargs_dict = if code.flags.varkeywords {
            Some(self.new_dict()?)
        } else {
            None
        };
        // CPython names every positional-only parameter passed by keyword, in parameter
        // order, once some keyword matches no parameter (positional_only_passed_as_keyword).
        // (Computed up front, as `kw` is consumed below; free when nothing is positional-only.)
        let posonly_as_kw = if posonly == 0 || kw.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = code
                .varnames
                .iter()
                .take(posonly)
                .filter(|n| kw.iter().any(|(k, _)| k == *n))
                .map(String::as_str)
                .collect();
            names.join(", ")
        };
        for (k, v) in kw {
            let found = code
                .varnames
                .iter()
                .take(argc + kwonly)
                .position(|n| *n == k);
            match found {
                Some(i) if i >= posonly => {
                    if !matches!(locals[i], Value::Unbound) {
                        return Err(exc::type_error(messages::multiple_values(&qualname, &k)));
                    }
                    locals[i] = v;
                }
                _ => match kwargs_dict {
                    Some(d) => {
                        let key = self.new_str(k)?;
                        self.dict_set(d, key, v)?;
                    }
                    None => {
                        if !posonly_as_kw.is_empty() {
                            return Err(exc::type_error(format!(
                                "{qualname}() got some positional-only arguments passed as keyword arguments: '{posonly_as_kw}'"
                            )));
                        }
                        return Err(exc::type_error(messages::unexpected_keyword(&qualname, &k)));
                    }
                },
            }
        }
        if let Some(d) = kwargs_dict {
            locals[slot] = d;
        }
        // Defaults for missing positional parameters.
        let first_default = argc - defaults.len();
        let mut missing = Vec::new();
        for (i, slot) in locals
            .iter_mut()
            .enumerate()
            .take(argc)
            .skip(npos.min(argc))
        {
            if matches!(slot, Value::Unbound) {
                if i >= first_default {
                    *slot = defaults
                        .get(i - first_default)
                        .copied()
                        .unwrap_or(Value::None);
                } else {
                    missing.push(code.varnames.get(i).cloned().unwrap_or_default());
                }
            }
        }
        if !missing.is_empty() {
            return Err(exc::type_error(messages::missing_arguments(
                &qualname,
                "positional",
                &missing,
            )));
        }
        for (i, slot) in locals.iter_mut().enumerate().take(argc + kwonly).skip(argc) {
            if matches!(slot, Value::Unbound) {
                let name = code.varnames.get(i).cloned().unwrap_or_default();
                match kwdefaults.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => *slot = *v,
                    None => missing.push(name),
                }
            }
        }
        if !missing.is_empty() {
            return Err(exc::type_error(messages::missing_arguments(
                &qualname,
                "keyword-only",
                &missing,
            )));
        }
        Ok(locals)
    }

    /// `f(*args, **kwargs)`: the stack holds `f argtuple [kwdict]`.
    pub(crate) fn call_ex(&mut self, has_kw: bool) -> PyResult<Called> {
        let kwargs = if has_kw { self.pop() } else { Value::None };
        let argtuple = self.pop();
        let func = self.pop();
        let ret_to = self.stack.len();
        let pos = match self.heap.get_obj(argtuple) {
            Some(Object::Tuple(t)) => t.clone(),
            _ => self.star_items(argtuple, Some(func))?,
        };
        let mut names = Vec::new();
        let start = self.stack.len();
        self.stack.extend_from_slice(&pos);
        if has_kw {
            let items = self.dict_items(kwargs)?;
            for (k, v) in items {
                if self.str_of(k).is_none() {
                    self.stack.truncate(ret_to);
                    return Err(exc::type_error("keywords must be strings"));
                }
                names.push(k);
                self.stack.push(v);
            }
        }
        let n = pos.len() + names.len();
        let kwnames = if names.is_empty() {
            Value::None
        } else {
            self.new_tuple(names)?
        };
        self.stack.insert(start, func);
        self.call_stack(func, start + 1, n, kwnames, ret_to)
    }

    /// Call any callable with native arguments. Python functions run in a nested dispatch
    /// loop (the re-entry path); depth is bounded by `MAX_NATIVE_DEPTH`.
    pub fn call(&mut self, func: Value, args: &[Value]) -> PyResult<Value> {
        self.call_with(func, Args::positional(args))
    }

    /// `call` with keyword arguments.
    pub fn call_with(&mut self, func: Value, args: Args) -> PyResult<Value> {
        match func {
            Value::Obj(id)
                if matches!(
                    self.heap.get(id),
                    Object::Function(_) | Object::BoundMethod(_)
                ) =>
            {
                if self.native_depth >= MAX_NATIVE_DEPTH {
                    return Err(exc::recursion_error(messages::recursion_depth(
                        " while calling a Python object",
                    )));
                }
                let ret_to = self.stack.len();
                self.stack.push(func);
                let start = self.stack.len();
                self.stack.extend_from_slice(&args.pos);
                let mut names = Vec::new();
                for (k, v) in &args.kw {
                    names.push(self.new_str(k.clone())?);
                    self.stack.push(*v);
                }
                let kwnames = if names.is_empty() {
                    Value::None
                } else {
                    self.new_tuple(names)?
                };
                let n = args.pos.len() + args.kw.len();
                let depth = self.frames.len();
                match self.call_stack(func, start, n, kwnames, ret_to)? {
                    Called::Value(v) => Ok(v),
                    Called::Pushed => self.run_nested(depth),
                }
            }
            _ => self.call_object(func, args),
        }
    }

    /// Call a non-Python callable: natives, builtin types, bound natives.
    pub(crate) fn call_object(&mut self, func: Value, mut args: Args) -> PyResult<Value> {
        match func {
            Value::Native(n) => n.call(self, args),
            Value::Type(t) => crate::builtins::construct(self, t, args),
            Value::Obj(id) => match self.heap.get(id) {
                Object::BoundMethod(b) => {
                    let (recv, f) = (b.recv, b.func);
                    args.pos.insert(0, recv);
                    self.call_with(f, args)
                }
                Object::Function(_) => self.call_with(func, args),
                Object::Class(c) => {
                    if !matches!(c.metaclass, Value::Type(_)) {
                        if let Some(f) = self.user_dunder(func, "__call__")? {
                            args.pos.insert(0, func);
                            return self.call_with(f, args);
                        }
                    }
                    self.instantiate(func, args)
                }
                Object::Instance(_) => match self.user_dunder(func, "__call__")? {
                    Some(f) => {
                        args.pos.insert(0, func);
                        self.call_with(f, args)
                    }
                    None => Err(exc::type_error(messages::not_callable(
                        &self.type_name(func),
                    ))),
                },
                _ => Err(exc::type_error(messages::not_callable(
                    &self.type_name(func),
                ))),
            },
            _ => Err(exc::type_error(messages::not_callable(
                &self.type_name(func),
            ))),
        }
    }

    /// `MakeFunction`: stack holds `[defaults] [kwdefaults] [annotations] [closure] code`.
    pub(crate) fn make_function(&mut self, fi: usize, flags: u32) -> PyResult<Value> {
        let rt = self.pop();
        let closure = if flags & 4 != 0 {
            self.pop()
        } else {
            Value::None
        };
        let annotations = if flags & 8 != 0 {
            self.pop()
        } else {
            Value::None
        };
        let kwdefaults = if flags & 2 != 0 {
            self.pop()
        } else {
            Value::None
        };
        let defaults = if flags & 1 != 0 {
            self.pop()
        } else {
            Value::None
        };
        let (code, ops_base) = match self.heap.get_obj(rt) {
            Some(Object::CodeRt(c)) => (c.code.clone(), c.ops_base),
            _ => return Err(RunError::Internal("MakeFunction without code")),
        };
        let defaults = match self.heap.get_obj(defaults) {
            Some(Object::Tuple(t)) => t.clone(),
            _ => Vec::new(),
        };
        let kwdefaults = match kwdefaults {
            Value::None => Vec::new(),
            d => self
                .dict_items(d)?
                .into_iter()
                .map(|(k, v)| (self.str_of(k).unwrap_or("").to_string(), v))
                .collect(),
        };
        let closure = match self.heap.get_obj(closure) {
            Some(Object::Tuple(t)) => t.clone(),
            _ => Vec::new(),
        };
        let globals = self.frames.get(fi).map_or(self.globals, |f| f.globals);
        let f = Function {
            name: code.name.clone(),
            qualname: code.qualname.clone(),
            code,
            rt,
            ops_base,
            globals,
            defaults,
            kwdefaults,
            closure,
            dict: Value::None,
            doc: Value::Unbound,
            annotations,
        };
        self.alloc(Object::Function(Box::new(f)))
    }
}
