//! `_re`: the matching core behind the bundled `re.py`, on the `regex` crate (linear time).
//!
//! Patterns are translated (`translate.rs`) and compiled once per process into a bounded
//! cache. Matching functions return group spans in code points as flat lists
//! `[start0, end0, start1, end1, ...]` (-1 for groups that did not take part); `re.py`
//! builds Match objects, substitution and splitting from them.

mod translate;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use regex::{Regex, RegexBuilder};

use crate::exc::{self, PyResult};
use crate::natives;
use crate::value::Value;
use crate::vm::{Args, Vm};

/// Compiled programs are capped so a pattern cannot take unbounded memory.
const MAX_REGEX_SIZE: usize = 16 << 20;
/// Patterns kept in the process-wide cache before it is cleared.
const MAX_CACHED: usize = 512;

natives! {
    /// `_re` functions.
    ReFn {
        Compile => "compile" => compile,
        Search => "search" => search,
        Finditer => "finditer" => finditer,
    }
}

/// Build the module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_re")?;
    for f in [ReFn::Compile, ReFn::Search, ReFn::Finditer] {
        super::set_attr(
            vm,
            m,
            f.name(),
            Value::Native(crate::builtins::Native::Re(f)),
        )?;
    }
    Ok(m)
}

/// A compiled pattern: unanchored, anchored at the start, and anchored at both ends.
struct Compiled {
    search: Regex,
    anchored: Regex,
    full: Regex,
    flags: u32,
}

/// A compile failure: message and position.
type CompileError = (String, Option<usize>);

fn build(src: &str, flags: u32) -> Result<Regex, CompileError> {
    RegexBuilder::new(src)
        .case_insensitive(flags & translate::I != 0)
        .multi_line(flags & translate::M != 0)
        .dot_matches_new_line(flags & translate::S != 0)
        .size_limit(MAX_REGEX_SIZE)
        .dfa_size_limit(MAX_REGEX_SIZE)
        .build()
        .map_err(|e| {
            let msg = match e {
                regex::Error::CompiledTooBig(_) => "pattern too large to compile".to_string(),
                e => {
                    let text = e.to_string();
                    let last = text.lines().rev().find(|l| l.starts_with("error:"));
                    last.map_or(text.clone(), |l| {
                        l.trim_start_matches("error: ").to_string()
                    })
                }
            };
            (msg, None)
        })
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
    let c = Arc::new(Compiled {
        search: build(&t.regex, t.flags)?,
        anchored: build(&format!("\\A(?:{})", t.regex), t.flags)?,
        full: build(&format!("\\A(?:{})\\z", t.regex), t.flags)?,
        flags: t.flags,
    });
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

/// `compile(pattern, flags)` -> `(True, groups, flags, names)` with `names` a list of
/// `(name, index)`, or `(False, msg, pos)`.
fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (p, flags) = pattern_args(vm, &args)?;
    match compiled(&p, flags) {
        Ok(c) => {
            let groups = c.search.captures_len().saturating_sub(1);
            let mut names = Vec::new();
            for (i, n) in c.search.capture_names().enumerate() {
                if let Some(n) = n {
                    let s = vm.new_str(n)?;
                    names.push(vm.new_tuple(vec![s, Value::Int(i as i64)])?);
                }
            }
            let names = vm.new_list(names)?;
            vm.new_tuple(vec![
                Value::Bool(true),
                Value::Int(groups as i64),
                Value::Int(i64::from(c.flags)),
                names,
            ])
        }
        Err((msg, pos)) => {
            let m = vm.new_str(msg)?;
            let pos = pos.map_or(Value::None, |p| Value::Int(p as i64));
            vm.new_tuple(vec![Value::Bool(false), m, pos])
        }
    }
}

/// Byte offsets <-> code-point indices of one subject string.
struct Text {
    s: String,
    /// Byte offset of each char, plus the total length (empty when the text is ASCII).
    offsets: Vec<usize>,
}

impl Text {
    fn new(s: String) -> Text {
        let offsets = if s.is_ascii() {
            Vec::new()
        } else {
            let mut v: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
            v.push(s.len());
            v
        };
        Text { s, offsets }
    }

    fn chars(&self) -> usize {
        if self.offsets.is_empty() {
            self.s.len()
        } else {
            self.offsets.len() - 1
        }
    }

    fn byte(&self, ci: usize) -> usize {
        if self.offsets.is_empty() {
            ci.min(self.s.len())
        } else {
            self.offsets.get(ci).copied().unwrap_or(self.s.len())
        }
    }

    fn char_index(&self, b: usize) -> usize {
        if self.offsets.is_empty() {
            b
        } else {
            self.offsets.partition_point(|&o| o < b)
        }
    }

    /// Byte length of the char starting at byte `b`.
    fn char_len_at(&self, b: usize) -> usize {
        self.s
            .get(b..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8)
    }
}

/// Clamp CPython-style pos/endpos to the text.
fn bounds(vm: &Vm, args: &Args, text: &Text, i: usize) -> PyResult<(usize, usize)> {
    let n = text.chars() as i64;
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

fn spans(vm: &mut Vm, text: &Text, caps: &regex::Captures<'_>, base: usize) -> PyResult<Value> {
    let mut out = Vec::with_capacity(caps.len() * 2);
    for g in caps.iter() {
        match g {
            Some(m) => {
                out.push(Value::Int(text.char_index(m.start() + base) as i64));
                out.push(Value::Int(text.char_index(m.end() + base) as i64));
            }
            None => {
                out.push(Value::Int(-1));
                out.push(Value::Int(-1));
            }
        }
    }
    vm.new_list(out)
}

fn subject(vm: &Vm, args: &Args) -> PyResult<Text> {
    let s = args
        .get(2)
        .ok_or_else(|| exc::type_error("missing string"))?;
    match vm.str_of(s) {
        Some(t) => Ok(Text::new(t.to_string())),
        None => Err(exc::type_error(format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(s)
        ))),
    }
}

fn get_compiled(vm: &Vm, args: &Args) -> PyResult<Arc<Compiled>> {
    let (p, flags) = pattern_args(vm, args)?;
    compiled(&p, flags).map_err(|(m, _)| exc::value_error(m))
}

/// `search(pattern, flags, string, pos, endpos, mode)`: mode 0 search, 1 match, 2 fullmatch.
fn search(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = get_compiled(vm, &args)?;
    let text = subject(vm, &args)?;
    let (pos, endpos) = bounds(vm, &args, &text, 3)?;
    if pos > endpos {
        return Ok(Value::None);
    }
    let (pb, eb) = (text.byte(pos), text.byte(endpos));
    let mode = match args.get(5) {
        Some(Value::Int(m)) => m,
        _ => 0,
    };
    let hay = text.s.get(..eb).unwrap_or("");
    let caps = match mode {
        0 => c.search.captures_at(hay, pb).map(|cp| (cp, 0)),
        _ => {
            let re = if mode == 1 { &c.anchored } else { &c.full };
            let sub = hay.get(pb..).unwrap_or("");
            re.captures(sub).map(|cp| (cp, pb))
        }
    };
    match caps {
        Some((cp, base)) => spans(vm, &text, &cp, base),
        None => Ok(Value::None),
    }
}

/// `finditer(pattern, flags, string, pos, endpos)`: the spans of every match, with
/// CPython's rule that an empty match may not directly follow another at the same place.
fn finditer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = get_compiled(vm, &args)?;
    let text = subject(vm, &args)?;
    let (pos, endpos) = bounds(vm, &args, &text, 3)?;
    let mut out = Vec::new();
    if pos <= endpos {
        let eb = text.byte(endpos);
        let hay = text.s.get(..eb).unwrap_or("");
        let mut at = text.byte(pos);
        let mut last_empty_at: Option<usize> = None;
        while at <= hay.len() {
            let Some(cp) = c.search.captures_at(hay, at) else {
                break;
            };
            let Some(m) = cp.get(0) else { break };
            if m.start() == m.end() && last_empty_at == Some(m.start()) {
                // An empty match where the previous one ended: move on one char.
                if at >= hay.len() {
                    break;
                }
                at += text.char_len_at(at);
                continue;
            }
            vm.heap.account.check_fits(out.len().saturating_mul(64))?;
            out.push(spans(vm, &text, &cp, 0)?);
            last_empty_at = (m.start() == m.end()).then_some(m.end());
            at = m.end();
        }
    }
    vm.new_list(out)
}
