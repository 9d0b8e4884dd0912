//! `_re`: the matching core behind the bundled `re.py`.
//!
//! Patterns are translated (`translate.rs`), compiled for one of two engines (`engine.rs`:
//! linear time, or backtracking under a step budget) and cached per process. `search`
//! returns group spans in code points as a flat list `[start0, end0, start1, end1, ...]`
//! (-1 for groups that did not take part); `re.py` builds Match objects from them. The
//! many-match operations (`findall`, `split`, `sub`, chunks of `finditer`) run in Rust
//! (`scan.rs`), checking memory and the clock as they go.

mod engine;
mod scan;
mod translate;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::exc::{self, Exc, PyResult, RunError};
use crate::natives;
use crate::types::object::Object;
use crate::value::{ObjId, Value};
use crate::vm::{Args, Vm};

use engine::{CharPos, CompileError, Compiled, MatchError, Mode, Spans};

/// Patterns kept in the process-wide cache before it is cleared.
const MAX_CACHED: usize = 512;

natives! {
    /// `_re` functions.
    ReFn {
        Compile => "compile" => compile,
        Search => "search" => search,
        Finditer => "finditer" => scan::finditer,
        Findall => "findall" => scan::findall,
        Split => "split" => scan::split,
        Sub => "sub" => scan::sub,
    }
}

/// Build the module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_re")?;
    for f in [
        ReFn::Compile,
        ReFn::Search,
        ReFn::Finditer,
        ReFn::Findall,
        ReFn::Split,
        ReFn::Sub,
    ] {
        super::set_attr(
            vm,
            m,
            f.name(),
            Value::Native(crate::builtins::Native::Re(f)),
        )?;
    }
    let limit = Value::Int(i64::try_from(engine::MAX_BACKTRACK).unwrap_or(i64::MAX));
    super::set_attr(vm, m, "MAX_BACKTRACK", limit)?;
    Ok(m)
}

fn compiled(pattern: &str, flags: u32) -> Result<Arc<Compiled>, CompileError> {
    static CACHE: OnceLock<Mutex<HashMap<(String, u32), Arc<Compiled>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (pattern.to_string(), flags);
    if let Ok(map) = cache.lock() {
        if let Some(c) = map.get(&key) {
            return Ok(c.clone());
        }
    }
    let t = translate::translate(pattern, flags).map_err(|e| (e.msg, e.pos))?;
    let c = Arc::new(Compiled::new(&t, t.full.as_deref())?);
    if let Ok(mut map) = cache.lock() {
        if map.len() >= MAX_CACHED {
            map.clear();
        }
        map.insert(key, c.clone());
    }
    Ok(c)
}

fn pattern_args(vm: &Vm, args: &Args) -> PyResult<(String, u32)> {
    let p = args
        .get(0)
        .and_then(|v| vm.str_of(v))
        .ok_or_else(|| exc::type_error("first argument must be string or compiled pattern"))?
        .to_string();
    let flags = match args.get(1) {
        Some(Value::Int(f)) => u32::try_from(f).unwrap_or(0),
        _ => 0,
    };
    Ok((p, flags))
}

/// `compile(pattern, flags)` -> `(True, groups, flags, names, backtracks)` with `names` a
/// list of `(name, index)`, or `(False, msg, pos)`.
fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (p, flags) = pattern_args(vm, &args)?;
    match compiled(&p, flags) {
        Ok(c) => {
            let mut names = Vec::new();
            for (n, i) in &c.names {
                let s = vm.new_str(n.as_str())?;
                names.push(vm.new_tuple(vec![s, Value::Int(*i as i64)])?);
            }
            let names = vm.new_list(names)?;
            vm.new_tuple(vec![
                Value::Bool(true),
                Value::Int(c.groups as i64),
                Value::Int(i64::from(c.flags)),
                names,
                Value::Bool(c.backtracks()),
            ])
        }
        Err((msg, pos)) => {
            let m = vm.new_str(msg)?;
            let pos = pos.map_or(Value::None, |p| Value::Int(p as i64));
            vm.new_tuple(vec![Value::Bool(false), m, pos])
        }
    }
}

fn get_compiled(vm: &Vm, args: &Args) -> PyResult<Arc<Compiled>> {
    let (p, flags) = pattern_args(vm, args)?;
    compiled(&p, flags).map_err(|(m, _)| exc::value_error(m))
}

/// The subject string at `args[i]`.
fn subject_id(vm: &Vm, args: &Args, i: usize) -> PyResult<ObjId> {
    let s = args
        .get(i)
        .ok_or_else(|| exc::type_error("missing string"))?;
    // An instance of a str subclass is searched as its str value.
    match vm.builtin_view(s) {
        Value::Obj(id) if matches!(vm.heap.get(id), Object::Str(_)) => Ok(id),
        _ => Err(exc::type_error(format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(s)
        ))),
    }
}

/// Run `f` over the text of string `id` while `f` may also use the VM (for the clock and
/// for allocation). The text is moved out of its object for the duration and put back
/// after, so no copy is made; `f` must not run Python code, which could read the string.
fn with_text<R>(
    vm: &mut Vm,
    id: ObjId,
    f: impl FnOnce(&mut Vm, &str) -> PyResult<R>,
) -> PyResult<R> {
    let text = match vm.heap.get_mut(id) {
        Object::Str(s) => std::mem::take(&mut s.s),
        _ => return Err(RunError::Internal("re subject is not a str")),
    };
    let r = f(vm, &text);
    if let Object::Str(s) = vm.heap.get_mut(id) {
        s.s = text;
    }
    r
}

/// Clamp CPython-style pos/endpos (code points) to a text of `n` code points.
fn bounds(vm: &Vm, args: &Args, n: usize, i: usize) -> PyResult<(usize, usize)> {
    let n = n as i64;
    let clamp = |v: i64| if v < 0 { 0 } else { v.min(n) } as usize;
    let pos = match args.get(i) {
        Some(v) if !matches!(v, Value::None) => clamp(vm.index_arg(v, "pos")?),
        _ => 0,
    };
    let endpos = match args.get(i + 1) {
        Some(v) if !matches!(v, Value::None) => clamp(vm.index_arg(v, "endpos")?),
        _ => n as usize,
    };
    Ok((pos, endpos))
}

/// The number of code points of string `id`.
fn char_len(vm: &Vm, id: ObjId) -> usize {
    match vm.heap.get(id) {
        Object::Str(s) => s.chars,
        _ => 0,
    }
}

/// Spans in bytes to the flat code-point list `re.py` reads.
fn span_values(spans: &Spans, cp: &mut CharPos<'_>) -> Vec<Value> {
    let mut out = Vec::with_capacity(spans.len() * 2);
    for g in spans {
        match g {
            Some((s, e)) => {
                out.push(Value::Int(cp.of(*s) as i64));
                out.push(Value::Int(cp.of(*e) as i64));
            }
            None => {
                out.push(Value::Int(-1));
                out.push(Value::Int(-1));
            }
        }
    }
    out
}

/// A failed search as the exception Python sees: `re.error` for a used-up backtracking
/// budget (a catchable error, so the program can fall back; each attempt is bounded, and
/// the run's duration limit still holds across attempts).
fn match_error(vm: &mut Vm, e: MatchError) -> RunError {
    let msg = match e {
        MatchError::Backtrack => format!(
            "pattern needs more than {} backtracking steps on this input: pyward bounds \
             backtracking, which it uses only for backreferences, look-around, atomic \
             groups, possessive quantifiers and conditionals",
            engine::MAX_BACKTRACK
        ),
        MatchError::Other(m) => m,
    };
    re_error(vm, msg)
}

/// A `re.error` with `msg` (a RuntimeError if `re` is not loaded, which cannot happen when
/// `_re` is used through `re`).
fn re_error(vm: &mut Vm, msg: String) -> RunError {
    let class = vm.modules.get("re").copied();
    let class = match class {
        Some(m) => vm.getattr_opt(m, "error").ok().flatten(),
        None => None,
    };
    let Some(class) = class else {
        return exc::runtime_error(msg);
    };
    let text = match vm.new_str(msg) {
        Ok(t) => t,
        Err(e) => return e,
    };
    match vm.call(class, &[text]) {
        Ok(Value::Obj(id)) => RunError::Exc(Box::new(Exc::Obj(id))),
        Ok(_) => RunError::Internal("re.error() returned a non-object"),
        Err(e) => e,
    }
}

/// `search(pattern, flags, string, pos, endpos, mode)`: mode 0 search, 1 match, 2 fullmatch.
fn search(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = get_compiled(vm, &args)?;
    let id = subject_id(vm, &args, 2)?;
    let (pos, endpos) = bounds(vm, &args, char_len(vm, id), 3)?;
    if pos > endpos {
        return Ok(Value::None);
    }
    let mode = match args.get(5) {
        Some(Value::Int(1)) => Mode::Match,
        Some(Value::Int(2)) => Mode::Full,
        _ => Mode::Search,
    };
    let found = {
        let Some(text) = vm.str_of(Value::Obj(id)) else {
            return Err(RunError::Internal("re subject is not a str"));
        };
        let eb = engine::byte_of(text, endpos);
        let hay = text.get(..eb).unwrap_or("");
        let pb = engine::byte_of(hay, pos);
        match c.find(hay, pb, mode) {
            Ok(Some(spans)) => Ok(Some(span_values(&spans, &mut CharPos::new(hay)))),
            Ok(None) => Ok(None),
            Err(e) => Err(e),
        }
    };
    match found {
        Ok(Some(v)) => vm.new_list(v),
        Ok(None) => Ok(Value::None),
        Err(e) => Err(match_error(vm, e)),
    }
}
