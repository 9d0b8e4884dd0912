//! Driving a run: setting a fresh `Vm` up from `RunOptions`, running it to the end or to a
//! host call, resuming a paused run, and turning the end state into an `Outcome`.
//!
//! Every entry point catches panics (an interpreter bug) and reports them as
//! `Error::Internal` with the output written so far.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::Duration;

use crate::bytecode::Code;
use crate::exc::{PyResult, RunError};
use crate::heap::LimitKind;
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::host_call::AsyncAnswer;
use crate::vm::{HostMode, Vm};

use super::data;
use super::function::{self, HostAnswer, HostCall};
use super::options::RunOptions;
use super::{Data, Error, Outcome, RunStats, panic_message};

/// Where a run stands after it ran for a while.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "a step is made once per pause and moved, not stored in bulk"
)]
pub enum Step {
    /// It finished (successfully or not).
    Done(Outcome),
    /// It waits for the embedder to answer host calls.
    Paused(Paused),
}

/// A run paused at one or more host calls. Holds the whole run state (as plain data inside
/// the interpreter), so it can be kept for as long as the embedder needs, sent to another
/// thread, or resumed from another thread. Time spent paused does not count against the
/// duration limit.
pub struct Paused {
    vm: Box<Vm>,
}

impl std::fmt::Debug for Paused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paused")
            .field("calls", &self.vm.host.pending)
            .finish_non_exhaustive()
    }
}

impl Paused {
    pub(crate) fn new(vm: Box<Vm>) -> Paused {
        Paused { vm }
    }

    /// The whole paused run as bytes (`crate::snapshot`): load it in this or another
    /// process, as often as needed (each load is an independent fork), and resume it there.
    ///
    /// ```
    /// use pyward::{Data, HostFunction, Limits, Paused, Program, RunOptions, Step};
    ///
    /// let program = Program::compile("x = ask()\nprint(x + 1)", "main.py").unwrap();
    /// let options = RunOptions::new().function(HostFunction::new("ask"));
    /// let Step::Paused(paused) = program.start(options) else { panic!("no pause") };
    /// let bytes = paused.dump().unwrap(); // keep it anywhere, load it anywhere
    /// let restored = Paused::load(&bytes, Limits::default()).unwrap();
    /// let id = restored.calls()[0].id;
    /// let Step::Done(outcome) = restored.resume(vec![(id, Ok(Data::Int(41)))]) else {
    ///     panic!("still paused")
    /// };
    /// assert_eq!(outcome.stdout, "42\n");
    /// ```
    pub fn dump(&self) -> Result<Vec<u8>, Error> {
        crate::snapshot::dump(&self.vm).map_err(Error::Snapshot)
    }

    /// Restore a paused run from `dump`'s bytes under `limits` (they win over the limits it
    /// started with; time, fuel, allocations and output used so far count against them).
    /// The bytes are untrusted: anything malformed is `Error::Snapshot`.
    pub fn load(bytes: &[u8], limits: crate::Limits) -> Result<Paused, Error> {
        let vm = crate::snapshot::load(bytes, limits).map_err(Error::Snapshot)?;
        if !vm.host.suspended {
            return Err(Error::Snapshot(crate::snapshot::SnapshotError::Malformed(
                "the snapshot is not of a paused run".into(),
            )));
        }
        Ok(Paused { vm: Box::new(vm) })
    }

    /// The host calls waiting for an answer.
    pub fn calls(&self) -> &[HostCall] {
        &self.vm.host.pending
    }

    /// Answer host calls by id and run on. A synchronous call must be answered; asynchronous
    /// ones may be answered in any order and any subset. An unknown id, an id answered twice,
    /// or a missing answer ends the run with `Error::Api` (partial output kept).
    pub fn resume(self, answers: Vec<HostAnswer>) -> Step {
        let mut vm = self.vm;
        let step = guarded(&mut vm, |vm| resume_vm(vm, answers));
        match step {
            Ok(true) => Step::Paused(Paused { vm }),
            Ok(false) => Step::Done(finish_vm(&mut vm, Ok(()))),
            Err(e) => Step::Done(finish_vm(&mut vm, Err(e))),
        }
    }
}

/// A failure of a driving step: a Python-level error (described later, with the VM), or an
/// error already in API form.
pub(crate) enum Fail {
    Run(RunError),
    Api(Error),
}

impl From<RunError> for Fail {
    fn from(e: RunError) -> Fail {
        Fail::Run(e)
    }
}

/// Run `f` on the VM, turning a panic into `Error::Internal`.
pub(crate) fn guarded<T>(
    vm: &mut Vm,
    f: impl FnOnce(&mut Vm) -> Result<T, Fail>,
) -> Result<T, Fail> {
    match catch_unwind(AssertUnwindSafe(|| f(vm))) {
        Ok(r) => r,
        Err(payload) => Err(Fail::Api(Error::Internal(panic_message(payload.as_ref())))),
    }
}

/// A fresh VM set up from `options`: policy, host functions, inputs. Setup runs Python code
/// (stub definitions, default values) under the run's limits.
pub(crate) fn new_vm(options: RunOptions, mode: HostMode) -> (Box<Vm>, Result<(), Fail>) {
    let RunOptions {
        limits,
        inputs,
        functions,
        policy,
        on_stdout,
    } = options;
    let mut vm = Box::new(Vm::new(limits));
    vm.out.callback = on_stdout;
    vm.host.mode = mode;
    // The budget clock (`Vm::clock`) stays the real one whatever the policy: only what the
    // sandbox reads changes.
    vm.host.policy = policy;
    vm.start_budget();
    let r = guarded(&mut vm, |vm| {
        install_functions(vm, functions)?;
        set_inputs(vm, inputs)
    });
    (vm, r)
}

fn api(msg: String) -> Fail {
    Fail::Api(Error::Api(msg))
}

fn install_functions(vm: &mut Vm, functions: Vec<function::HostFunction>) -> Result<(), Fail> {
    for (i, f) in functions.iter().enumerate() {
        if functions.iter().take(i).any(|g| g.name == f.name) {
            return Err(api(format!("host function '{}' is declared twice", f.name)));
        }
        if let Some(m) = &f.module {
            if !m.split('.').all(function::is_name) || m.starts_with('_') {
                return Err(api(format!(
                    "host function '{}': '{m}' is not a valid module name",
                    f.name
                )));
            }
            if crate::modules::is_standard(m) {
                return Err(api(format!(
                    "host function '{}': module '{m}' is a pyward standard module",
                    f.name
                )));
            }
        } else if crate::builtins::lookup(&f.name).is_some() {
            return Err(api(format!(
                "host function '{}' would hide the builtin of that name",
                f.name
            )));
        }
    }
    let mut stubs = Vec::with_capacity(functions.len());
    for f in &functions {
        let code = function::stub_module(f)
            .map_err(|why| api(format!("host function '{}': {why}", f.name)))?;
        stubs.push(code);
    }
    vm.host.functions = functions.clone();
    for (f, code) in functions.iter().zip(stubs) {
        let namespace = match &f.module {
            Some(m) => host_module(vm, m)?,
            None => host_builtins(vm)?,
        };
        function::define(vm, &code, namespace, &f.name)?;
    }
    Ok(())
}

/// The namespace of builtin-like host functions.
fn host_builtins(vm: &mut Vm) -> PyResult<Value> {
    if matches!(vm.host.builtins, Value::None) {
        vm.host.builtins = vm.new_dict()?;
    }
    Ok(vm.host.builtins)
}

/// The dict of host module `name` (dotted names make their packages), registered so
/// `import` finds it.
fn host_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let mut parent: Option<Value> = None;
    let mut path = String::new();
    for part in name.split('.') {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(part);
        let m = match vm.modules.get(&path) {
            Some(&m) => m,
            None => {
                let m = crate::modules::new_module(vm, &path)?;
                vm.modules.insert(path.clone(), m);
                if let Some(p) = parent {
                    crate::modules::set_attr(vm, p, part, m)?;
                }
                m
            }
        };
        parent = Some(m);
    }
    match parent.and_then(|m| vm.heap.get_obj(m)) {
        Some(crate::types::object::Object::Module(m)) => Ok(m.dict),
        _ => Err(RunError::Internal("host module is not a module")),
    }
}

fn set_inputs(vm: &mut Vm, inputs: Vec<(String, Data)>) -> Result<(), Fail> {
    for (name, value) in inputs {
        if !function::is_name(&name) {
            return Err(api(format!(
                "input name '{name}' is not a Python identifier"
            )));
        }
        let v = match data::to_value(vm, value) {
            Ok(v) => v,
            Err(data::InError::Limit(e)) => return Err(Fail::Run(e)),
            Err(data::InError::Invalid(msg)) => {
                return Err(api(format!("input '{name}': {msg}")));
            }
        };
        let key = vm.intern(&name)?;
        let globals = vm.globals;
        vm.dict_set(globals, key, v)?;
    }
    Ok(())
}

/// Begin running `code` (source `source`) in the VM's globals: true when it paused.
pub(crate) fn start_vm(
    vm: &mut Vm,
    code: &Arc<Code>,
    filename: &Arc<str>,
    source: &Arc<str>,
) -> Result<bool, Fail> {
    // A program has one source; a session adds one per snippet (distinct names).
    if vm.host.sources.last().is_none_or(|(f, _)| f != filename) {
        vm.host.sources.push((filename.clone(), source.clone()));
    }
    vm.result = Value::None;
    vm.handled = Value::None;
    let globals = vm.globals;
    vm.start_module(code, globals)?;
    Ok(vm.run_slice()?.is_none())
}

/// Answer the paused calls and run on: true when it paused again.
pub(crate) fn resume_vm(vm: &mut Vm, answers: Vec<HostAnswer>) -> Result<bool, Fail> {
    if vm.host.pending.is_empty() {
        return Err(api("the run is not waiting for host calls".into()));
    }
    let mut sync_answer = None;
    let mut seen: Vec<u64> = Vec::with_capacity(answers.len());
    for (id, _) in &answers {
        if seen.contains(id) {
            return Err(api(format!("host call {id} is answered twice")));
        }
        if !vm.host.pending.iter().any(|c| c.id == *id) {
            return Err(api(format!("there is no pending host call {id}")));
        }
        seen.push(*id);
    }
    if let Some(w) = vm.host.waiting {
        if !seen.contains(&w) {
            let name = vm
                .host
                .pending
                .iter()
                .find(|c| c.id == w)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            return Err(api(format!(
                "no answer for host call {w} ({name}), which the run waits for"
            )));
        }
    }
    if vm.host.waiting_any && answers.is_empty() {
        return Err(api(
            "the run waits for its async host calls: answer at least one".into(),
        ));
    }
    vm.resume_budget();
    for (id, answer) in answers {
        let Some(pos) = vm.host.pending.iter().position(|c| c.id == id) else {
            continue;
        };
        let call = vm.host.pending.remove(pos);
        if vm.host.waiting == Some(id) {
            sync_answer = Some(vm.host_answer(&call.name, answer));
        } else {
            // An async call: its task gets the answer at the event loop's next wait.
            vm.host.answered.push(AsyncAnswer {
                id,
                name: call.name,
                answer,
            });
        }
    }
    if vm.host.waiting_any {
        vm.host.waiting_any = false;
        sync_answer = Some(vm.async_results());
    }
    if let Some(answer) = sync_answer {
        if let Err(e) = vm.deliver_host_answer(answer) {
            vm.frames.clear();
            vm.stack.clear();
            return Err(Fail::Run(e));
        }
    }
    Ok(vm.run_slice()?.is_none())
}

/// The outcome of a finished run: the result (on success), output, error and statistics.
/// Leaves the VM ready for another session snippet.
pub(crate) fn finish_vm(vm: &mut Vm, end: Result<(), Fail>) -> Outcome {
    vm.host.pending.clear();
    vm.host.waiting = None;
    vm.host.waiting_any = false;
    vm.host.answered.clear();
    let converted = catch_unwind(AssertUnwindSafe(|| -> (Option<Data>, Option<Error>) {
        let fail = match end {
            Ok(()) => match vm.result {
                Value::None => return (None, None),
                v => match data::to_data(vm, v) {
                    Ok(d) => return (Some(d), None),
                    Err(e) => Fail::Run(e),
                },
            },
            Err(f) => f,
        };
        let err = match fail {
            Fail::Api(e) => e,
            Fail::Run(e) => describe_error(vm, e),
        };
        (None, Some(err))
    }));
    let (result, error) = match converted {
        Ok(r) => r,
        Err(payload) => (None, Some(Error::Internal(panic_message(payload.as_ref())))),
    };
    vm.result = Value::None;
    vm.frames.clear();
    vm.stack.clear();
    let stats = RunStats {
        peak_memory: vm.heap.account.peak_bytes,
        allocations: vm.heap.account.allocations,
        fuel_used: vm.fuel_used(),
        duration: Duration::from_nanos(vm.ran_nanos()),
    };
    Outcome {
        result,
        stdout: std::mem::take(&mut vm.out.captured),
        stderr: std::mem::take(&mut vm.err_out),
        error,
        stats,
    }
}

/// A Python-level error as an API error: limits and bugs as they are, an exception with its
/// type, message and CPython-format traceback (source lines from the run's sources).
pub(crate) fn describe_error(vm: &mut Vm, e: RunError) -> Error {
    match e {
        RunError::Limit(k) => Error::Limit(k),
        RunError::Internal(m) => Error::Internal(m.to_string()),
        RunError::Exc(x) => {
            vm.data_depth = 0;
            let id = match vm.materialize(*x) {
                Ok(id) => id,
                Err(_) => return Error::Limit(LimitKind::Memory),
            };
            let traceback = vm.format_exception_sourced(id, true, None);
            let v = Value::Obj(id);
            let cls = vm.exception_class(v);
            let type_name = vm.class_name(cls);
            let message = vm.str(v).unwrap_or_default();
            let exit_code = system_exit_code(vm, id);
            Error::Exception {
                type_name,
                message,
                traceback,
                exit_code,
            }
        }
    }
}

/// The exit status of an uncaught `SystemExit` whose code is None or an int, as CPython's
/// `_Py_HandleSystemExit` takes it (an int too big for a C long exits with -1).
fn system_exit_code(vm: &mut Vm, id: crate::value::ObjId) -> Option<i32> {
    let Object::Exception(e) = vm.heap.get(id) else {
        return None;
    };
    if !vm.is_subclass(e.cls, Value::Type(BuiltinType::SystemExit)) {
        return None;
    }
    let code = match e.args.as_slice() {
        [] => Value::None,
        [one] => *one,
        _ => return None,
    };
    match code {
        Value::None => Some(0),
        Value::Bool(b) => Some(i32::from(b)),
        // A C `int` cast of the C long, as CPython does.
        Value::Int(i) => Some(i as i32),
        v if vm.is_intlike(v) => Some(vm.to_index(v).map_or(-1, |i| i as i32)),
        _ => None,
    }
}
