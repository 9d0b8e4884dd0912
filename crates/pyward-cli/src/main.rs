//! The `pyward` command: run a Python program in the sandbox, like `python3` would.
//!
//! Exit status: 0 on success, 1 on an uncaught exception or a breached limit (traceback on
//! stderr, last line `TypeName: message`), 2 on a usage error; an uncaught `SystemExit`
//! exits as CPython's does.

mod json_data;
mod serve;

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Duration;

use pyward::host::limits::parse_size;
use pyward::{Error, LimitKind, Limits, Program, RunOptions};

/// mimalloc: batch frees at each collection are cheap in it (crates/pyward-alloc).
#[global_allocator]
static ALLOCATOR: pyward_alloc::Allocator = pyward_alloc::Allocator;

const USAGE: &str = "usage: pyward [limits] (FILE | -c CODE | -)
       pyward serve

Runs a Python program in the pyward sandbox; `pyward serve` drives runs over a
JSON-lines protocol on stdin/stdout (docs/serve.md).

limits:
  --max-duration SECONDS   wall-clock limit (default 30; 0 = none)
  --max-memory SIZE        live heap limit, e.g. 64MB (default 256MB; 0 = none)
  --max-allocations N      allocation count limit (default 100000000; 0 = none)
  --max-recursion N        Python call depth (default 1000)
  --max-output BYTES       printed output limit, e.g. 1MB (default 10MB; 0 = none)
  --max-fuel N             instruction fuel: calls and loop iterations (default none)
";

/// Stack for the interpreter thread: native re-entry (sort keys, repr of nested data) uses
/// Rust stack, bounded by the VM's own depth limits; this leaves a wide margin.
const VM_STACK: usize = 256 << 20;

fn usage_error(msg: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "pyward: {msg}\n{USAGE}");
    ExitCode::from(2)
}

struct Options {
    limits: Limits,
    source: Vec<u8>,
    filename: String,
    /// Print the bytecode instead of running (debugging aid).
    dis: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut limits = Limits::default();
    let mut args = std::env::args().skip(1);
    let mut program: Option<(Vec<u8>, String)> = None;
    let mut dis = false;
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--dis" => dis = true,
            "--max-duration" => {
                let v = value(&a)?;
                let secs: f64 = v.parse().map_err(|_| format!("bad --max-duration: {v}"))?;
                if !(secs.is_finite() && secs >= 0.0) {
                    return Err(format!("bad --max-duration: {v}"));
                }
                limits.max_duration = if secs == 0.0 {
                    None
                } else {
                    Some(Duration::from_secs_f64(secs))
                };
            }
            "--max-memory" => {
                let v = value(&a)?;
                let n = parse_size(&v).ok_or_else(|| format!("bad --max-memory: {v}"))?;
                limits.max_memory = if n == 0 { usize::MAX } else { n };
            }
            "--max-allocations" => {
                let v = value(&a)?;
                let n: u64 = v
                    .parse()
                    .map_err(|_| format!("bad --max-allocations: {v}"))?;
                limits.max_allocations = if n == 0 { u64::MAX } else { n };
            }
            "--max-recursion" => {
                let v = value(&a)?;
                let n: usize = v.parse().map_err(|_| format!("bad --max-recursion: {v}"))?;
                if n == 0 {
                    return Err("--max-recursion must be at least 1".into());
                }
                limits.max_recursion = n;
            }
            "--max-output" => {
                let v = value(&a)?;
                let n = parse_size(&v).ok_or_else(|| format!("bad --max-output: {v}"))?;
                limits.max_output = if n == 0 { usize::MAX } else { n };
            }
            "--max-fuel" => {
                let v = value(&a)?;
                let n: u64 = v.parse().map_err(|_| format!("bad --max-fuel: {v}"))?;
                limits.max_fuel = if n == 0 { None } else { Some(n) };
            }
            "-c" => {
                let code = value(&a)?;
                program = Some((code.into_bytes(), "<string>".into()));
                break;
            }
            "-" => {
                let mut buf = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut buf)
                    .map_err(|e| format!("cannot read stdin: {e}"))?;
                program = Some((buf, "<stdin>".into()));
                break;
            }
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option {s}")),
            path => {
                let bytes =
                    std::fs::read(path).map_err(|e| format!("can't open file '{path}': {e}"))?;
                program = Some((bytes, path.to_string()));
                break;
            }
        }
    }
    let (source, filename) = program.ok_or_else(|| "no program given".to_string())?;
    Ok(Options {
        limits,
        source,
        filename,
        dis,
    })
}

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("serve") {
        // The JSON-lines server (docs/serve.md), on a thread with room for native re-entry.
        let worker = std::thread::Builder::new()
            .stack_size(VM_STACK)
            .spawn(serve::serve);
        return match worker.map(std::thread::JoinHandle::join) {
            Ok(Ok(code)) => ExitCode::from(code),
            _ => ExitCode::from(1),
        };
    }
    let opts = match parse_args() {
        Ok(o) => o,
        Err(msg) if msg.is_empty() => {
            let _ = write!(std::io::stdout(), "{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => return usage_error(&msg),
    };
    let worker = std::thread::Builder::new()
        .stack_size(VM_STACK)
        .spawn(move || run(opts));
    match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            let _ = writeln!(std::io::stderr(), "SystemError: pyward internal error");
            ExitCode::from(1)
        }
    }
}

fn run(opts: Options) -> u8 {
    let max_output = opts.limits.max_output;
    let source = match String::from_utf8(opts.source) {
        Ok(s) => s,
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let byte = e.as_bytes().get(pos).copied().unwrap_or(0);
            let _ = writeln!(
                std::io::stderr(),
                "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: invalid start byte"
            );
            return 1;
        }
    };
    let program = match Program::compile(&source, &opts.filename) {
        Ok(p) => p,
        Err(e) => {
            report(&e, max_output);
            return 1;
        }
    };
    if opts.dis {
        let _ = std::io::stdout().write_all(program.disassemble().as_bytes());
        return 0;
    }
    let stdout = std::io::stdout();
    let sink = move |s: &str| {
        let mut lock = stdout.lock();
        let _ = lock.write_all(s.as_bytes());
    };
    let options = RunOptions::from(opts.limits).on_stdout(sink);
    let outcome = program.run(options, &mut pyward::no_host);
    let _ = std::io::stdout().flush();
    if !outcome.stderr.is_empty() {
        let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    }
    match outcome.error {
        None => 0,
        // An uncaught SystemExit ends the process as CPython's does: an int (or None) code is
        // the exit status, anything else is printed and exits with 1; no traceback.
        Some(Error::Exception {
            type_name,
            message,
            exit_code,
            ..
        }) if type_name == "SystemExit" => match exit_code {
            Some(code) => code.to_le_bytes()[0],
            None => {
                let _ = writeln!(std::io::stderr(), "{}", clip(&message, max_output));
                1
            }
        },
        Some(e) => {
            report(&e, max_output);
            1
        }
    }
}

fn report(e: &Error, max_output: usize) {
    let text = match e {
        Error::Syntax { traceback, .. } | Error::Exception { traceback, .. } => traceback.clone(),
        Error::Limit(k) => match k {
            LimitKind::Duration => "TimeoutError: pyward: duration limit exceeded\n".to_string(),
            LimitKind::Fuel => "TimeoutError: pyward: fuel limit exceeded\n".to_string(),
            LimitKind::Memory => "MemoryError: pyward: memory limit exceeded\n".to_string(),
            LimitKind::Allocations => {
                "MemoryError: pyward: allocation limit exceeded\n".to_string()
            }
            LimitKind::Output => "MemoryError: pyward: output limit exceeded\n".to_string(),
        },
        Error::Internal(m) => format!("SystemError: pyward internal error: {m}\n"),
        other => format!("SystemError: pyward: {other}\n"),
    };
    let _ = std::io::stderr().write_all(clip(&text, max_output).as_bytes());
}

/// Keep a traceback within the output limit: the head and the last line survive.
fn clip(text: &str, max: usize) -> String {
    let max = max.max(4096);
    if text.len() <= max {
        return text.to_string();
    }
    let last = text.trim_end().rsplit('\n').next().unwrap_or("");
    let mut cut = max / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut last_cut = last.len().min(max / 2);
    while !last.is_char_boundary(last_cut) {
        last_cut -= 1;
    }
    format!("{}\n...\n{}...\n", &text[..cut], &last[..last_cut])
}
