//! `print` and `len`.

use crate::exc::{self, PyResult};
use crate::value::Value;
use crate::vm::{Args, Vm};

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub fn print(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep = match args.take_kw("sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(v) => match vm.str_of(v) {
            Some(s) => s.to_string(),
            None => {
                return Err(exc::type_error(format!(
                    "sep must be None or a string, not {}",
                    vm.type_name(v)
                )));
            }
        },
    };
    let end = match args.take_kw("end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(v) => match vm.str_of(v) {
            Some(s) => s.to_string(),
            None => {
                return Err(exc::type_error(format!(
                    "end must be None or a string, not {}",
                    vm.type_name(v)
                )));
            }
        },
    };
    let file = args.take_kw("file");
    let flush = args.take_kw("flush");
    args.no_kwargs("print")?;
    let file = match file {
        None | Some(Value::None) => current_stdout(vm)?,
        Some(f) => Some(f),
    };
    let mut parts = Vec::with_capacity(args.pos.len().saturating_mul(2));
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            parts.push(sep.clone());
        }
        parts.push(vm.str(*v)?);
    }
    parts.push(end);
    match file {
        Some(f) if vm.is_stderr(f) => vm.write_err(&parts.concat())?,
        Some(f) if !f.is(vm.stdout_obj) => {
            // Any other file object: one `write` per piece, as CPython's print does.
            let write = vm
                .getattr_opt(f, "write")?
                .ok_or_else(|| vm.no_attribute(f, "write"))?;
            vm.temp_roots.push(write);
            let r = parts.into_iter().try_for_each(|p| {
                let s = vm.new_str(p)?;
                vm.call(write, &[s]).map(|_| ())
            });
            vm.temp_roots.pop();
            r?;
            if flush.is_some_and(|v| vm.truthy(v).unwrap_or(false)) {
                if let Some(fl) = vm.getattr_opt(f, "flush")? {
                    vm.call(fl, &[])?;
                }
            }
        }
        _ => vm.write_out(&parts.concat())?,
    }
    Ok(Value::None)
}

/// The current `sys.stdout` when `sys` has been imported and it was replaced (for
/// `contextlib.redirect_stdout`), else None: the VM's own output.
fn current_stdout(vm: &mut Vm) -> PyResult<Option<Value>> {
    if matches!(vm.stdout_obj, Value::None) {
        return Ok(None);
    }
    let Some(&sys) = vm.modules.get("sys") else {
        return Ok(None);
    };
    vm.getattr_opt(sys, "stdout")
}

/// `len(obj)`.
pub fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("len")?;
    args.arity("len", 1, 1)?;
    let n = vm.len_of(args.pos[0])?;
    Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
}
