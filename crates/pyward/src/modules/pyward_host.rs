//! `_pyward_host`: the seam between the sandbox's event loop (bundled `asyncio`) and the
//! embedder's host functions.
//!
//! `submit(name, args, kwargs)` records a pending host call as plain data (its id, and the
//! name, argument tuple and keyword dict kept as GC roots) and returns the id without
//! suspending; the event loop parks the awaiting task on a Future keyed by that id. When no
//! task is ready and no timer is due but calls are pending, the loop calls `wait()`, which
//! hands every pending call to the embedder and returns `[(id, ok, value_or_exception), ...]`
//! for the calls the embedder resolved. The loop is plain Python at `native_depth == 0` when
//! it calls `wait`, so the run can suspend there.

use crate::exc::{self, PyResult};
use crate::natives;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

natives! {
    /// `_pyward_host` functions.
    HostFn {
        Submit => "submit" => submit,
        Wait => "wait" => wait,
    }
}

/// One host call submitted by the sandbox and not yet resolved.
#[derive(Clone, Copy, Debug)]
pub struct HostCall {
    /// The id `submit` returned.
    pub id: u64,
    /// The host function's name (a str).
    pub name: Value,
    /// Positional arguments (a tuple).
    pub args: Value,
    /// Keyword arguments (a dict).
    pub kwargs: Value,
}

/// The pending host calls of a run, in submission order.
#[derive(Debug, Default)]
pub struct HostCalls {
    /// The last id handed out (ids start at 1).
    last_id: u64,
    /// Calls submitted and not yet resolved.
    pub pending: Vec<HostCall>,
}

impl HostCalls {
    /// Values the pending calls keep alive (GC roots).
    pub fn trace(&self, out: &mut Vec<Value>) {
        for c in &self.pending {
            out.extend_from_slice(&[c.name, c.args, c.kwargs]);
        }
    }
}

/// Build the module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_pyward_host")?;
    for f in [HostFn::Submit, HostFn::Wait] {
        super::set_attr(
            vm,
            m,
            f.name(),
            Value::Native(crate::builtins::Native::Host(f)),
        )?;
    }
    Ok(m)
}

/// `submit(name: str, args: tuple, kwargs: dict) -> int`: record a pending call.
fn submit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("submit")?;
    args.arity("submit", 3, 3)?;
    let (name, call_args, kwargs) = (args.pos[0], args.pos[1], args.pos[2]);
    let expect = |vm: &Vm, v: Value, n: usize, ok: bool, what: &str| -> PyResult<()> {
        if ok {
            Ok(())
        } else {
            Err(exc::type_error(format!(
                "submit() argument {n} must be {what}, not {}",
                vm.type_name(v)
            )))
        }
    };
    expect(vm, name, 1, vm.str_of(name).is_some(), "str")?;
    let is_tuple = matches!(vm.heap.get_obj(call_args), Some(Object::Tuple(_)));
    expect(vm, call_args, 2, is_tuple, "tuple")?;
    let is_dict = matches!(vm.heap.get_obj(kwargs), Some(Object::Dict(_)));
    expect(vm, kwargs, 3, is_dict, "dict")?;
    // The record lives outside the heap: charge it so a submitting loop meets the limits.
    vm.heap
        .account
        .charge_alloc(std::mem::size_of::<HostCall>())?;
    let calls = &mut vm.host_calls;
    calls.last_id = calls.last_id.saturating_add(1);
    let id = calls.last_id;
    calls.pending.push(HostCall {
        id,
        name,
        args: call_args,
        kwargs,
    });
    Ok(Value::Int(i64::try_from(id).unwrap_or(i64::MAX)))
}

/// `wait() -> list[tuple[int, bool, object]]`: hand the pending calls to the embedder and
/// suspend the run until it resolves one or more of them. No embedder can resolve host calls
/// yet, so this raises; the event loop delivers the error to every waiting task.
fn wait(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("wait")?;
    args.arity("wait", 0, 0)?;
    Err(exc::runtime_error(
        "host calls are not available in this run",
    ))
}

#[cfg(test)]
mod tests {
    use crate::host::Limits;
    use crate::vm::Vm;

    fn run(src: &str) -> (Vm, Result<(), String>) {
        let mut vm = Vm::new(Limits::default());
        let code = crate::syntax::compile_source(src, "t.py", false);
        let r = match code {
            Ok(code) => vm
                .run_module(&code)
                .map(|_| ())
                .map_err(|e| format!("{e:?}")),
            Err(e) => Err(e.msg),
        };
        (vm, r)
    }

    /// (id, name, repr(args), repr(kwargs)) of each pending call.
    fn pending(vm: &mut Vm) -> Vec<(u64, String, String, String)> {
        let calls = vm.host_calls.pending.clone();
        calls
            .iter()
            .map(|c| {
                let name = vm.str_of(c.name).unwrap_or("?").to_string();
                let args = vm.repr(c.args).unwrap_or_default();
                let kwargs = vm.repr(c.kwargs).unwrap_or_default();
                (c.id, name, args, kwargs)
            })
            .collect()
    }

    #[test]
    fn submit_records_calls_in_order() {
        let (mut vm, r) = run(concat!(
            "import _pyward_host\n",
            "a = _pyward_host.submit('fetch', (1, 'x'), {})\n",
            "b = _pyward_host.submit('store', (), {'k': [2]})\n",
            "assert (a, b) == (1, 2), (a, b)\n",
        ));
        assert_eq!(r, Ok(()));
        assert_eq!(
            pending(&mut vm),
            vec![
                (1, "fetch".into(), "(1, 'x')".into(), "{}".into()),
                (2, "store".into(), "()".into(), "{'k': [2]}".into()),
            ]
        );
    }

    #[test]
    fn gathered_host_functions_are_submitted_together_before_waiting() {
        let (mut vm, r) = run(concat!(
            "import asyncio\n",
            "tool_a = asyncio._make_host_function('tool_a')\n",
            "tool_b = asyncio._make_host_function('tool_b')\n",
            "async def main():\n",
            "    try:\n",
            "        await asyncio.gather(tool_a(1, q='x'), tool_b(2))\n",
            "    except RuntimeError as e:\n",
            "        assert str(e) == 'host calls are not available in this run', e\n",
            "        return 'caught'\n",
            "assert asyncio.run(main()) == 'caught'\n",
        ));
        assert_eq!(r, Ok(()));
        assert_eq!(
            pending(&mut vm),
            vec![
                (1, "tool_a".into(), "(1,)".into(), "{'q': 'x'}".into()),
                (2, "tool_b".into(), "(2,)".into(), "{}".into()),
            ]
        );
    }

    #[test]
    fn submit_checks_its_arguments() {
        let (mut vm, r) = run(concat!(
            "import _pyward_host\n",
            "try:\n",
            "    _pyward_host.submit('f', [1], {})\n",
            "except TypeError as e:\n",
            "    assert str(e) == 'submit() argument 2 must be tuple, not list', e\n",
            "else:\n",
            "    raise AssertionError('no TypeError')\n",
        ));
        assert_eq!(r, Ok(()));
        assert!(pending(&mut vm).is_empty());
    }
}
