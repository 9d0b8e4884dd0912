//! Methods of `str` (Objects/unicodeobject.c).

use crate::exc::{self, PyResult};
use crate::natives;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

natives! {
    /// `str` methods.
    StrMethod {
        Join => "join" => join,
        Split => "split" => split,
        Strip => "strip" => strip,
        Lstrip => "lstrip" => lstrip,
        Rstrip => "rstrip" => rstrip,
        Lower => "lower" => lower,
        Upper => "upper" => upper,
        Replace => "replace" => replace,
        Startswith => "startswith" => startswith,
        Endswith => "endswith" => endswith,
        Find => "find" => find,
    }
}

/// The receiver's text (a copy), or the CPython descriptor error.
pub fn recv_text(vm: &Vm, args: &Args, name: &str) -> PyResult<String> {
    match args.get(0) {
        Some(v) => match vm.str_of(v) {
            Some(s) => Ok(s.to_string()),
            None => Err(exc::type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))),
        },
        None => Err(exc::type_error(format!(
            "unbound method str.{name}() needs an argument"
        ))),
    }
}

/// A str argument, or CPython's "must be str, not X" error.
pub fn str_arg(vm: &Vm, v: Value, what: &str) -> PyResult<String> {
    match vm.str_of(v) {
        Some(s) => Ok(s.to_string()),
        None => Err(exc::type_error(format!(
            "{what} must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sep = recv_text(vm, &args, "join")?;
    args.arity("str.join", 2, 2)
        .map_err(|_| exc::type_error("str.join() takes exactly one argument"))?;
    let items = vm.collect_iterable(args.pos[1])?;
    let mut total = 0usize;
    for (i, it) in items.iter().enumerate() {
        match vm.str_of(*it) {
            Some(s) => total = total.saturating_add(s.len()),
            None => {
                return Err(exc::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(*it)
                )));
            }
        }
    }
    total = total.saturating_add(sep.len().saturating_mul(items.len().saturating_sub(1)));
    vm.heap.account.check_fits(total)?;
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(vm.str_of(*it).unwrap_or(""));
    }
    vm.new_str(out)
}

fn split(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = recv_text(vm, &args, "split")?;
    let sep = args
        .take_kw("sep")
        .or_else(|| args.get(1))
        .unwrap_or(Value::None);
    let maxsplit = match args.take_kw("maxsplit").or_else(|| args.get(2)) {
        Some(v) => vm.index_arg(v, "")?,
        None => -1,
    };
    let parts: Vec<String> = match sep {
        Value::None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 >= maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start();
            }
            out
        }
        v => {
            let sep = str_arg(vm, v, "must be str or None").map_err(|_| {
                exc::type_error(format!("must be str or None, not {}", vm.type_name(v)))
            })?;
            if sep.is_empty() {
                return Err(exc::value_error("empty separator"));
            }
            if maxsplit < 0 {
                s.split(sep.as_str()).map(str::to_string).collect()
            } else {
                s.splitn(
                    usize::try_from(maxsplit)
                        .unwrap_or(usize::MAX)
                        .saturating_add(1),
                    sep.as_str(),
                )
                .map(str::to_string)
                .collect()
            }
        }
    };
    let mut vals = Vec::with_capacity(parts.len());
    for p in parts {
        vals.push(vm.new_str(p)?);
    }
    vm.new_list(vals)
}

fn strip_chars(vm: &Vm, args: &Args) -> PyResult<Option<Vec<char>>> {
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => match vm.str_of(v) {
            Some(c) => Ok(Some(c.chars().collect())),
            None => Err(exc::type_error("strip arg must be None or str".to_string())),
        },
    }
}

fn strip_impl(vm: &mut Vm, args: Args, left: bool, right: bool, name: &str) -> PyResult<Value> {
    let s = recv_text(vm, &args, name)?;
    let chars = strip_chars(vm, &args)?;
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => c.is_whitespace(),
    };
    let mut t: &str = &s;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    let t = t.to_string();
    vm.new_str(t)
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, true, true, "strip")
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, true, false, "lstrip")
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, false, true, "rstrip")
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv_text(vm, &args, "lower")?;
    vm.new_str(s.to_lowercase())
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv_text(vm, &args, "upper")?;
    vm.new_str(s.to_uppercase())
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv_text(vm, &args, "replace")?;
    args.arity("replace", 3, 4)?;
    let old = str_arg(vm, args.pos[1], "replace() argument 1")?;
    let new = str_arg(vm, args.pos[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(v) => vm.index_arg(v, "")?,
        None => -1,
    };
    // Refuse amplification before building the result.
    let occurrences = if old.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(old.as_str()).count()
    };
    let n = if count < 0 {
        occurrences
    } else {
        occurrences.min(usize::try_from(count).unwrap_or(0))
    };
    let est = s.len().saturating_add(n.saturating_mul(new.len()));
    vm.heap.account.check_fits(est)?;
    let out = if count < 0 {
        s.replace(old.as_str(), &new)
    } else {
        s.replacen(old.as_str(), &new, n)
    };
    vm.new_str(out)
}

fn affix(vm: &mut Vm, args: &Args, name: &str, test: fn(&str, &str) -> bool) -> PyResult<Value> {
    let s = recv_text(vm, args, name)?;
    args.arity(name, 2, 4)?;
    let o = crate::vm::ops::int::as_i64;
    let chars: Vec<char> = s.chars().collect();
    let len = i64::try_from(chars.len()).unwrap_or(i64::MAX);
    let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let start = args.get(2).and_then(o).map_or(0, norm);
    let end = args.get(3).and_then(o).map_or(len, norm);
    let sub: String = if start <= end {
        chars[usize::try_from(start).unwrap_or(0)..usize::try_from(end).unwrap_or(0)]
            .iter()
            .collect()
    } else {
        return Ok(Value::Bool(false));
    };
    let prefixes: Vec<Value> = match vm.heap.get_obj(args.pos[1]) {
        Some(Object::Tuple(t)) => t.clone(),
        _ => vec![args.pos[1]],
    };
    for p in prefixes {
        let Some(ps) = vm.str_of(p) else {
            return Err(exc::type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                vm.type_name(p)
            )));
        };
        if test(&sub, ps) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "startswith", |s, p| s.starts_with(p))
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "endswith", |s, p| s.ends_with(p))
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv_text(vm, &args, "find")?;
    args.arity("find", 2, 4)?;
    let sub = str_arg(vm, args.pos[1], "find() argument 1")?;
    Ok(Value::Int(match s.find(sub.as_str()) {
        Some(b) => i64::try_from(s[..b].chars().count()).unwrap_or(-1),
        None => -1,
    }))
}

/// `str.maketrans(x[, y[, z]])`.
pub fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("maketrans", 1, 3)?;
    let d = vm.new_dict()?;
    match (args.get(0), args.get(1)) {
        (Some(x), None) => {
            for (k, v) in vm.dict_items(x)? {
                let key = match vm.str_of(k) {
                    Some(s) if s.chars().count() == 1 => {
                        Value::Int(i64::from(s.chars().next().map_or(0, |c| c as u32)))
                    }
                    Some(_) => {
                        return Err(exc::value_error(
                            "string keys in translate table must be of length 1",
                        ));
                    }
                    None => k,
                };
                vm.dict_set(d, key, v)?;
            }
        }
        (Some(x), Some(y)) => {
            let xs: Vec<char> = str_arg(vm, x, "maketrans() argument 1")?.chars().collect();
            let ys: Vec<char> = str_arg(vm, y, "maketrans() argument 2")?.chars().collect();
            if xs.len() != ys.len() {
                return Err(exc::value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in xs.iter().zip(ys.iter()) {
                vm.dict_set(
                    d,
                    Value::Int(i64::from(*a as u32)),
                    Value::Int(i64::from(*b as u32)),
                )?;
            }
            if let Some(z) = args.get(2) {
                for c in str_arg(vm, z, "maketrans() argument 3")?.chars() {
                    vm.dict_set(d, Value::Int(i64::from(c as u32)), Value::None)?;
                }
            }
        }
        _ => {}
    }
    Ok(d)
}
