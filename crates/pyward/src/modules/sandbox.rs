//! `_sandbox`: the sandbox's view of the host, for the bundled `sys`, `time` and `datetime`:
//! the policy clock (`Vm::now_nanos`, `Vm::wall_nanos`), virtual sleep, the output streams,
//! the recursion limit and `sys.exc_info`; `code_flags` for `inspect` and `asyncio`; and the
//! traceback text and entries of an exception, for `traceback`, and the calling frame, for
//! `logging`.
//!
//! Nothing here reaches the host: the clock comes from the OS policy (host/policy.rs), output
//! goes through `Vm::write_out`/`write_err` and their limit, and `sleep` only advances the
//! VM's virtual clock (charged against the duration limit).

use crate::exc::{self, PyResult};
use crate::natives;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

natives! {
    /// `_sandbox` functions.
    SandboxFn {
        MonotonicNs => "monotonic_ns" => monotonic_ns,
        TimeNs => "time_ns" => time_ns,
        Sleep => "sleep" => sleep,
        WriteOut => "write_out" => write_out,
        WriteErr => "write_err" => write_err,
        InitSys => "init_sys" => init_sys,
        Getrecursionlimit => "getrecursionlimit" => getrecursionlimit,
        Setrecursionlimit => "setrecursionlimit" => setrecursionlimit,
        ExcInfo => "exc_info" => exc_info,
        Getsizeof => "getsizeof" => getsizeof,
        CodeFlags => "code_flags" => code_flags,
        FormatException => "format_exception" => format_exception,
        TbEntries => "tb_entries" => tb_entries,
        SourceLine => "source_line" => source_line,
        Carets => "carets" => carets,
        Caller => "caller" => caller,
    }
}

const ALL: &[SandboxFn] = &[
    SandboxFn::MonotonicNs,
    SandboxFn::TimeNs,
    SandboxFn::Sleep,
    SandboxFn::WriteOut,
    SandboxFn::WriteErr,
    SandboxFn::InitSys,
    SandboxFn::Getrecursionlimit,
    SandboxFn::Setrecursionlimit,
    SandboxFn::ExcInfo,
    SandboxFn::Getsizeof,
    SandboxFn::CodeFlags,
    SandboxFn::FormatException,
    SandboxFn::TbEntries,
    SandboxFn::SourceLine,
    SandboxFn::Carets,
    SandboxFn::Caller,
];

/// Build the module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_sandbox")?;
    for &f in ALL {
        super::set_attr(
            vm,
            m,
            f.name(),
            Value::Native(crate::builtins::Native::Sandbox(f)),
        )?;
    }
    if vm.host.policy.clock == crate::host::policy::ClockPolicy::Host {
        // The embedder answers clock readings: the natives become host-call stubs.
        let dict = match vm.heap.get_obj(m) {
            Some(Object::Module(module)) => module.dict,
            _ => return Err(exc::RunError::Internal("_sandbox is not a module")),
        };
        for (name, kind) in [
            ("time_ns", crate::bytecode::HostCallKind::WallClock),
            (
                "monotonic_ns",
                crate::bytecode::HostCallKind::MonotonicClock,
            ),
        ] {
            crate::host::function::internal_stub(vm, name, kind, dict)?;
        }
    }
    Ok(m)
}

fn int_u64(vm: &mut Vm, n: u64) -> PyResult<Value> {
    match i64::try_from(n) {
        Ok(i) => Ok(Value::Int(i)),
        Err(_) => crate::vm::ops::int::from_big(vm, n.into()),
    }
}

fn monotonic_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("monotonic_ns", 0, 0)?;
    let n = vm.sandbox_monotonic_nanos();
    int_u64(vm, n)
}

fn time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("time_ns", 0, 0)?;
    let n = vm.wall_nanos();
    int_u64(vm, n)
}

/// `time.sleep(secs)`: CPython's `_PyTime_FromSecondsObject` checks.
fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("sleep")?;
    args.arity("sleep", 1, 1)?;
    let v = args.pos[0];
    let secs = match v {
        Value::Float(f) => {
            if f.is_nan() {
                return Err(exc::value_error("Invalid value NaN (not a number)"));
            }
            f
        }
        Value::Int(_) | Value::Bool(_) => vm.index_arg(v, "")? as f64,
        _ => match crate::vm::ops::int::to_big(vm, v) {
            Some(_) => {
                return Err(exc::overflow_error(
                    "timestamp too large to convert to C _PyTime_t",
                ));
            }
            None => {
                return Err(exc::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )));
            }
        },
    };
    if secs < 0.0 {
        return Err(exc::value_error("sleep length must be non-negative"));
    }
    if secs > 9.2e9 {
        return Err(exc::overflow_error(
            "timestamp too large to convert to C _PyTime_t",
        ));
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "secs is in 0..9.2e9, so the nanoseconds fit a u64"
    )]
    let nanos = (secs * 1e9).round() as u64;
    vm.sleep_nanos(nanos)?;
    Ok(Value::None)
}

fn text_arg(vm: &Vm, args: &Args, fname: &str) -> PyResult<String> {
    args.arity(fname, 1, 1)?;
    let v = args.pos[0];
    match vm.str_of(v) {
        Some(s) => Ok(s.to_string()),
        None => Err(exc::type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

fn written(s: &str) -> Value {
    Value::Int(i64::try_from(s.chars().count()).unwrap_or(i64::MAX))
}

fn write_out(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = text_arg(vm, &args, "write")?;
    vm.write_out(&s)?;
    Ok(written(&s))
}

fn write_err(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = text_arg(vm, &args, "write")?;
    vm.write_err(&s)?;
    Ok(written(&s))
}

/// `init_sys(stdout, stderr)`: remember the standard stream objects (so `print` can write
/// to them directly) and return the live `sys.modules` dict.
fn init_sys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("init_sys", 2, 2)?;
    vm.stdout_obj = args.pos[0];
    vm.stderr_obj = args.pos[1];
    if !matches!(vm.modules_dict, Value::None) {
        return Ok(vm.modules_dict);
    }
    let d = vm.new_dict()?;
    vm.modules_dict = d;
    let mut mods: Vec<(String, Value)> = vm.modules.iter().map(|(k, v)| (k.clone(), *v)).collect();
    mods.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, m) in mods {
        let k = vm.new_str(name)?;
        vm.dict_set(d, k, m)?;
    }
    Ok(d)
}

fn getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("getrecursionlimit", 0, 0)?;
    Ok(Value::Int(
        i64::try_from(vm.limits.max_recursion).unwrap_or(i64::MAX),
    ))
}

/// `sys.setrecursionlimit(n)`: CPython's checks, then the limit capped at the embedder's.
fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("setrecursionlimit")?;
    args.arity("setrecursionlimit", 1, 1)?;
    let v = args.pos[0];
    if let Value::Float(_) = v {
        return Err(exc::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = vm.index_arg(v, "")?;
    if n < 1 {
        return Err(exc::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = vm.frames.len();
    let want = usize::try_from(n).unwrap_or(usize::MAX);
    if want <= depth {
        return Err(exc::recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: \
             the limit is too low"
        )));
    }
    vm.limits.max_recursion = want.min(vm.recursion_cap);
    Ok(Value::None)
}

fn exc_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("exc_info", 0, 0)?;
    let e = vm.handled;
    if matches!(e, Value::None) {
        return vm.new_tuple(vec![Value::None, Value::None, Value::None]);
    }
    let cls = vm.type_of(e);
    let tb = vm.getattr_opt(e, "__traceback__")?.unwrap_or(Value::None);
    vm.new_tuple(vec![cls, e, tb])
}

/// `sys.getsizeof`: CPython 3.11's sizes on 64-bit builds for the common types, an
/// approximation elsewhere.
fn getsizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("getsizeof", 1, 2)?;
    let v = args.pos[0];
    let n: usize = match v {
        Value::None => 16,
        Value::Bool(b) => 24 + 4 * usize::from(b),
        Value::Int(0) => 24,
        Value::Int(i) => 24 + 4 * (64 - i.unsigned_abs().leading_zeros() as usize).div_ceil(30),
        Value::Float(_) => 24,
        _ => match vm.heap.get_obj(v) {
            Some(Object::Str(s)) => {
                let t = &s.s;
                let max = t.chars().map(u32::from).max().unwrap_or(0);
                let n = t.chars().count();
                match max {
                    0..=0x7f => 49 + n,
                    0x80..=0xff => 73 + n,
                    0x100..=0xffff => 74 + 2 * (n + 1),
                    _ => 76 + 4 * (n + 1),
                }
            }
            Some(Object::Bytes(b)) => 33 + b.len(),
            Some(Object::ByteArray(b)) => 57 + b.len(),
            Some(Object::BigInt(b)) => 24 + 4 * usize::try_from(b.bits().div_ceil(30)).unwrap_or(0),
            Some(Object::List(items)) => 56 + 8 * items.capacity(),
            Some(Object::Tuple(items)) => 40 + 8 * items.len(),
            Some(o) => o.size_bytes(),
            None => 16,
        },
    };
    Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
}

/// `code_flags(obj)`: CPython's `co_flags` bits that `inspect` reads from a function's code
/// (`CO_VARARGS` 0x04, `CO_VARKEYWORDS` 0x08, `CO_GENERATOR` 0x20, `CO_COROUTINE` 0x80,
/// `CO_ASYNC_GENERATOR` 0x200), looking through bound methods; 0 for anything else.
fn code_flags(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("code_flags", 1, 1)?;
    let mut f = args.pos[0];
    if let Some(Object::BoundMethod(b)) = vm.heap.get_obj(f) {
        f = b.func;
    }
    let Some(Object::Function(func)) = vm.heap.get_obj(f) else {
        return Ok(Value::Int(0));
    };
    let fl = func.code.flags;
    let mut bits = 0;
    if fl.varargs {
        bits |= 0x04;
    }
    if fl.varkeywords {
        bits |= 0x08;
    }
    bits |= match (fl.generator, fl.coroutine) {
        (true, true) => 0x200,
        (false, true) => 0x80,
        (true, false) => 0x20,
        (false, false) => 0,
    };
    Ok(Value::Int(bits))
}

/// The exception behind an exception or a traceback object (a view of its exception's
/// entries); None for anything else.
fn exception_of(vm: &Vm, v: Value) -> Option<crate::value::ObjId> {
    let id = v.obj()?;
    match vm.heap.get_obj(v)? {
        Object::Exception(_) => Some(id),
        Object::Traceback(e) => e.obj(),
        _ => None,
    }
}

/// `format_exception(exc, chain, limit, only)`: the text CPython's `traceback` module gives
/// for `exc` (the same as an uncaught exception's, in the given style).
fn format_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("format_exception", 4, 4)?;
    let Some(id) = exception_of(vm, args.pos[0]) else {
        return Err(exc::type_error("format_exception() needs an exception"));
    };
    let limit = match args.pos[2] {
        Value::None => None,
        v => Some(vm.index_arg(v, "")?),
    };
    let style = crate::vm::Style {
        chain: vm.truthy(args.pos[1])?,
        limit,
        only: vm.truthy(args.pos[3])?,
    };
    let sources = std::mem::take(&mut vm.host.sources);
    let lookup = |f: &str, line: u32| crate::vm::line_of(&sources, f, line);
    let text = vm.format_exception_as(id, &lookup, style);
    vm.host.sources = sources;
    vm.new_str(text)
}

/// `tb_entries(exc_or_tb)`: a list of (filename, lineno, name, end_lineno, colno,
/// end_colno), outermost first; the last three None when the columns are unknown.
fn tb_entries(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("tb_entries", 1, 1)?;
    let Some(id) = exception_of(vm, args.pos[0]) else {
        return Err(exc::type_error(
            "tb_entries() needs an exception or a traceback",
        ));
    };
    let entries = match vm.heap.get_obj(Value::Obj(id)) {
        Some(Object::Exception(e)) => e.traceback.clone(),
        _ => Vec::new(),
    };
    let mut out = Vec::with_capacity(entries.len());
    for t in entries.iter().rev() {
        let filename = vm.new_str(t.filename.to_string())?;
        let name = vm.new_str(t.name.clone())?;
        let cols = match t.span {
            Some(s) => [s.end_line, s.col, s.end_col].map(|n| Value::Int(i64::from(n))),
            None => [Value::None; 3],
        };
        let [end_line, col, end_col] = cols;
        let entry = vm.new_tuple(vec![
            filename,
            Value::Int(i64::from(t.line)),
            name,
            end_line,
            col,
            end_col,
        ])?;
        out.push(entry);
    }
    vm.new_list(out)
}

/// `source_line(filename, lineno)`: the text of a line of the run's own sources (no
/// newline), or None.
fn source_line(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("source_line", 2, 2)?;
    let file = vm.str(args.pos[0])?;
    let line = u32::try_from(vm.index_arg(args.pos[1], "")?).unwrap_or(0);
    match vm.host.source_line(&file, line) {
        Some(text) => vm.new_str(text),
        None => Ok(Value::None),
    }
}

/// `carets(line, lineno, end_lineno, colno, end_colno)`: the caret line CPython prints
/// under the source `line` for that range (relative to the stripped line), or None.
fn carets(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("carets", 5, 5)?;
    let line = vm.str(args.pos[0])?;
    let mut n = [0u32; 4];
    for (slot, v) in n.iter_mut().zip(&args.pos[1..5]) {
        *slot = u32::try_from(vm.index_arg(*v, "")?).unwrap_or(u32::MAX);
    }
    let [lineno, end_line, col, end_col] = n;
    let span = crate::bytecode::Span {
        end_line,
        col,
        end_col,
    };
    match crate::vm::caret_line(&line, lineno, span) {
        Some(c) => vm.new_str(c),
        None => Ok(Value::None),
    }
}

/// `caller()`: `(filename, lineno, name)` of the innermost running frame outside the bundled
/// modules (what `logging` records as the call site), or None.
fn caller(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("caller", 0, 0)?;
    let found = vm.frames.iter().rev().find_map(|f| {
        let code = vm.code_of(f.rt)?;
        if code.filename.starts_with("<pyward:") {
            return None;
        }
        let line = code.line_at(f.ip.saturating_sub(1));
        Some((code.filename.to_string(), line, code.name.clone()))
    });
    let Some((file, line, name)) = found else {
        return Ok(Value::None);
    };
    let file = vm.new_str(file)?;
    let name = vm.new_str(name)?;
    vm.new_tuple(vec![file, Value::Int(i64::from(line)), name])
}
