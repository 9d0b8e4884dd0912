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
    let _ = args.take_kw("flush");
    args.no_kwargs("print")?;
    let to_stderr = file.is_some_and(|f| vm.is_stderr(f));
    let mut out = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str(*v)?);
    }
    out.push_str(&end);
    if to_stderr {
        vm.write_err(&out)?;
    } else {
        vm.write_out(&out)?;
    }
    Ok(Value::None)
}

/// `len(obj)`.
pub fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("len")?;
    args.arity("len", 1, 1)?;
    let n = vm.len_of(args.pos[0])?;
    Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
}
