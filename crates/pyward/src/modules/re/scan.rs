//! The many-match operations of `_re`: `findall`, `split`, `sub`/`subn` and chunks of
//! `finditer`. Each builds its result in Rust in one pass over the matches and, every
//! `CHECK_EVERY` matches, checks the run's clock and that the result still fits the memory
//! limit, so a pattern with millions of matches or a replacement that multiplies the text
//! is fast when it fits and ends with the run's `TimeoutError`/`MemoryError` when it does
//! not.

use super::engine::{CharPos, Compiled, MatchError, Scanner, Spans, byte_of};
use super::{bounds, char_len, get_compiled, match_error, span_values, subject_id, with_text};
use crate::exc::{self, PyResult, RunError};
use crate::value::{ObjId, Value};
use crate::vm::{Args, Vm};

/// Matches between checks of the clock and the memory limit.
const CHECK_EVERY: usize = 256;

/// What each collected result item costs at least while the list is being built.
const VALUE_BYTES: usize = std::mem::size_of::<Value>();

/// Why a scan stopped early: a run error, or an engine failure to raise as `re.error` once
/// the subject is back in place.
enum Stop {
    Run(RunError),
    Match(MatchError),
}

impl From<RunError> for Stop {
    fn from(e: RunError) -> Stop {
        Stop::Run(e)
    }
}

impl From<MatchError> for Stop {
    fn from(e: MatchError) -> Stop {
        Stop::Match(e)
    }
}

/// A scan's result.
type Scanned<T> = Result<T, Stop>;

/// Run a scan over the text of string `id` (see `with_text`) and raise what stopped it.
fn scan<T>(vm: &mut Vm, id: ObjId, f: impl FnOnce(&mut Vm, &str) -> Scanned<T>) -> PyResult<T> {
    let r = with_text(vm, id, |vm, text| Ok(f(vm, text)))?;
    match r {
        Ok(v) => Ok(v),
        Err(Stop::Run(e)) => Err(e),
        Err(Stop::Match(e)) => Err(match_error(vm, e)),
    }
}

/// Every `CHECK_EVERY` matches: the clock, and whether `bytes` more would fit.
fn periodic(vm: &mut Vm, n: usize, bytes: usize) -> PyResult<()> {
    if n.is_multiple_of(CHECK_EVERY) {
        vm.check_deadline()?;
        vm.heap.account.check_fits(bytes)?;
    }
    Ok(())
}

/// An optional int argument (None when absent or None).
fn int_arg(vm: &Vm, args: &Args, i: usize, what: &str) -> PyResult<Option<i64>> {
    match args.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(vm.index_arg(v, what)?)),
    }
}

fn slice_str(vm: &mut Vm, text: &str, span: Option<(usize, usize)>) -> PyResult<Value> {
    match span {
        Some((s, e)) => vm.new_str(text.get(s..e).unwrap_or("")),
        None => Ok(Value::None),
    }
}

/// `finditer(pattern, flags, string, pos, endpos, at, empty_at, limit)`: the spans of up to
/// `limit` matches from code point `at` (`empty_at` is where the previous chunk's last match
/// was empty, or -1). `re.py` asks for chunks of growing size, so iteration stays lazy.
pub fn finditer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = get_compiled(vm, &args)?;
    let id = subject_id(vm, &args, 2)?;
    let (pos, endpos) = bounds(vm, &args, char_len(vm, id), 3)?;
    let at = int_arg(vm, &args, 5, "at")?.map_or(pos, |a| a.max(0) as usize);
    let empty_at = int_arg(vm, &args, 6, "empty_at")?.and_then(|e| usize::try_from(e).ok());
    let limit = int_arg(vm, &args, 7, "limit")?.map_or(usize::MAX, |l| l.max(1) as usize);
    if pos > endpos {
        return vm.new_list(Vec::new());
    }
    scan(vm, id, |vm, text| {
        let hay = text.get(..byte_of(text, endpos)).unwrap_or("");
        let mut sc = Scanner::new(&c, hay, byte_of(hay, at), empty_at.map(|e| byte_of(hay, e)));
        let mut cp = CharPos::new(hay);
        let mut out = Vec::new();
        while out.len() < limit {
            let Some((sp, _, _)) = sc.next_match()? else {
                break;
            };
            let list = span_values(&sp, &mut cp);
            out.push(vm.new_list(list)?);
            periodic(vm, out.len(), out.len().saturating_mul(VALUE_BYTES))?;
        }
        Ok(vm.new_list(out)?)
    })
}

/// `findall(pattern, flags, string, pos, endpos)`.
pub fn findall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = get_compiled(vm, &args)?;
    let id = subject_id(vm, &args, 2)?;
    let (pos, endpos) = bounds(vm, &args, char_len(vm, id), 3)?;
    if pos > endpos {
        return vm.new_list(Vec::new());
    }
    scan(vm, id, |vm, text| {
        let hay = text.get(..byte_of(text, endpos)).unwrap_or("");
        let mut sc = Scanner::new(&c, hay, byte_of(hay, pos), None);
        let mut out = Vec::new();
        while let Some((sp, _, _)) = sc.next_match()? {
            let item = findall_item(vm, &c, hay, &sp)?;
            out.push(item);
            periodic(vm, out.len(), out.len().saturating_mul(VALUE_BYTES))?;
        }
        Ok(vm.new_list(out)?)
    })
}

/// One `findall` item: the match, its one group, or a tuple of its groups ('' for a group
/// that did not take part).
fn findall_item(vm: &mut Vm, c: &Compiled, hay: &str, sp: &Spans) -> PyResult<Value> {
    let text_of = |i: usize| -> &str {
        match sp.get(i).copied().flatten() {
            Some((s, e)) => hay.get(s..e).unwrap_or(""),
            None => "",
        }
    };
    match c.groups {
        0 => vm.new_str(text_of(0)),
        1 => vm.new_str(text_of(1)),
        n => {
            let mut items = Vec::with_capacity(n);
            for g in 1..=n {
                items.push(vm.new_str(text_of(g))?);
            }
            vm.new_tuple(items)
        }
    }
}

/// `split(pattern, flags, string, maxsplit)`.
pub fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = get_compiled(vm, &args)?;
    let id = subject_id(vm, &args, 2)?;
    let maxsplit = int_arg(vm, &args, 3, "maxsplit")?.unwrap_or(0);
    if maxsplit < 0 {
        // CPython: a negative maxsplit means no split at all.
        let s = Value::Obj(id);
        return vm.new_list(vec![s]);
    }
    scan(vm, id, |vm, text| {
        let mut sc = Scanner::new(&c, text, 0, None);
        let mut out = Vec::new();
        let mut last = 0;
        let mut n: i64 = 0;
        while maxsplit == 0 || n < maxsplit {
            let Some((sp, s, e)) = sc.next_match()? else {
                break;
            };
            out.push(vm.new_str(text.get(last..s).unwrap_or(""))?);
            for g in 1..=c.groups {
                let v = slice_str(vm, text, sp.get(g).copied().flatten())?;
                out.push(v);
            }
            last = e;
            n += 1;
            periodic(vm, out.len(), out.len().saturating_mul(VALUE_BYTES))?;
        }
        out.push(vm.new_str(text.get(last..).unwrap_or(""))?);
        Ok(vm.new_list(out)?)
    })
}

/// A piece of a parsed replacement template.
enum Part {
    Lit(String),
    Group(usize),
}

fn template(vm: &Vm, v: Value) -> PyResult<Vec<Part>> {
    let mut parts = Vec::new();
    for item in vm.list_items(v) {
        match item {
            Value::Int(g) => parts.push(Part::Group(usize::try_from(g).unwrap_or(0))),
            other => match vm.str_of(other) {
                Some(s) => parts.push(Part::Lit(s.to_string())),
                None => return Err(RunError::Internal("re template item is not str or int")),
            },
        }
    }
    Ok(parts)
}

/// `sub(pattern, flags, template, string, count)`: `(result, n)`, the template being a list
/// of literal strings and group numbers parsed by `re.py`. (A replacement function runs
/// from `re.py`, over `finditer`.)
pub fn sub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = get_compiled(vm, &args)?;
    let id = subject_id(vm, &args, 3)?;
    let count = int_arg(vm, &args, 4, "count")?.unwrap_or(0);
    let limit = if count <= 0 {
        usize::MAX
    } else {
        count as usize
    };
    let t = args
        .get(2)
        .ok_or_else(|| exc::type_error("missing template"))?;
    let parts = template(vm, t)?;
    let (out, n) = scan(vm, id, |vm, text| sub_template(vm, &c, text, &parts, limit))?;
    let s = vm.new_str(out)?;
    vm.new_tuple(vec![s, Value::Int(n as i64)])
}

fn sub_template(
    vm: &mut Vm,
    c: &Compiled,
    text: &str,
    parts: &[Part],
    limit: usize,
) -> Scanned<(String, usize)> {
    let mut sc = Scanner::new(c, text, 0, None);
    let mut out = String::new();
    let mut last = 0;
    let mut n = 0;
    while n < limit {
        let Some((sp, s, e)) = sc.next_match()? else {
            break;
        };
        out.push_str(text.get(last..s).unwrap_or(""));
        for p in parts {
            match p {
                Part::Lit(l) => out.push_str(l),
                Part::Group(g) => {
                    if let Some(Some((gs, ge))) = sp.get(*g).copied() {
                        out.push_str(text.get(gs..ge).unwrap_or(""));
                    }
                }
            }
        }
        last = e;
        n += 1;
        periodic(vm, n, out.len())?;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    vm.heap.account.check_fits(out.len())?;
    Ok((out, n))
}
