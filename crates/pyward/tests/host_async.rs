//! Async host functions: `await tool(...)` in sandboxed asyncio code. Gathered calls reach
//! the embedder together, answers arrive in any order (and some at a time), errors raise at
//! the `await`, a paused wait survives a snapshot, and callback mode answers through the
//! handler.
#![expect(clippy::panic, reason = "test helpers fail the test with a message")]

use pyward::{
    Data, Error, HostCall, HostError, HostFunction, Limits, Outcome, Paused, Program, RunOptions,
    Step,
};

const GATHER: &str = "\
import asyncio

async def main():
    results = await asyncio.gather(fetch('a'), fetch('b'), fetch(name='c'))
    return results

r = asyncio.run(main())
print(r)
r
";

fn compile(src: &str) -> Program {
    match Program::compile(src, "main.py") {
        Ok(p) => p,
        Err(e) => panic!("compile failed: {e:?}"),
    }
}

fn options() -> RunOptions {
    RunOptions::new().function(
        HostFunction::new("fetch")
            .signature("(name: str) -> str")
            .is_async(true),
    )
}

fn paused(step: Step) -> Paused {
    match step {
        Step::Paused(p) => p,
        Step::Done(o) => panic!("expected a pause, got {:?} / {}", o.error, o.stdout),
    }
}

fn done(step: Step) -> Outcome {
    match step {
        Step::Done(o) => o,
        Step::Paused(p) => panic!("expected the end, got calls {:?}", p.calls()),
    }
}

fn arg(call: &HostCall) -> String {
    match (call.args.first(), call.kwargs.first()) {
        (Some(Data::Str(s)), _) => s.clone(),
        (None, Some((k, Data::Str(s)))) if k == "name" => s.clone(),
        _ => panic!("unexpected arguments {call:?}"),
    }
}

fn answer(call: &HostCall) -> (u64, Result<Data, HostError>) {
    (call.id, Ok(Data::Str(format!("<{}>", arg(call)))))
}

fn strs(items: &[&str]) -> Data {
    Data::List(items.iter().map(|s| Data::Str((*s).to_string())).collect())
}

#[test]
fn gathered_calls_pause_together_and_resume_out_of_order() {
    let p = paused(compile(GATHER).start(options()));
    let calls = p.calls().to_vec();
    let names: Vec<String> = calls.iter().map(arg).collect();
    assert_eq!(names, ["a", "b", "c"]);
    assert!(calls.iter().all(|c| c.name == "fetch"));
    // Answer the last call first, alone: the run waits again for the other two.
    let p = paused(p.resume(vec![answer(&calls[2])]));
    let left: Vec<String> = p.calls().iter().map(arg).collect();
    assert_eq!(left, ["a", "b"]);
    let out = done(p.resume(vec![answer(&calls[1]), answer(&calls[0])]));
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(out.result, Some(strs(&["<a>", "<b>", "<c>"])));
    assert_eq!(out.stdout, "['<a>', '<b>', '<c>']\n");
}

#[test]
fn an_answer_is_required_while_waiting() {
    let p = paused(compile(GATHER).start(options()));
    let again = p.resume(Vec::new());
    match again {
        Step::Done(o) => assert!(matches!(o.error, Some(Error::Api(_))), "{:?}", o.error),
        Step::Paused(_) => panic!("an empty answer list must be refused"),
    }
}

#[test]
fn host_errors_raise_at_the_await_and_can_be_caught() {
    let src = "\
import asyncio

async def safe(n):
    try:
        return await fetch(n)
    except LookupError as e:
        return f'{type(e).__name__}: {e}'

async def main():
    return await asyncio.gather(safe('ok'), safe('missing'))

asyncio.run(main())
";
    let p = paused(compile(src).start(options()));
    let answers = p
        .calls()
        .iter()
        .map(|c| {
            if arg(c) == "missing" {
                (c.id, Err(HostError::new("KeyError", "'missing'")))
            } else {
                answer(c)
            }
        })
        .collect();
    let out = done(p.resume(answers));
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(out.result, Some(strs(&["<ok>", "KeyError: \"'missing'\""])));
}

#[test]
fn callback_mode_answers_gathered_calls_through_the_handler() {
    let mut seen = Vec::new();
    let out = compile(GATHER).run(options(), &mut |call: &HostCall| {
        seen.push(arg(call));
        Ok(Data::Str(arg(call).to_uppercase()))
    });
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(seen, ["a", "b", "c"]);
    assert_eq!(out.result, Some(strs(&["A", "B", "C"])));
}

#[test]
fn a_coroutine_never_awaited_makes_no_call() {
    let src = "\
import asyncio

async def main():
    c = fetch('never')
    del c
    return await fetch('once')

asyncio.run(main())
";
    let p = paused(compile(src).start(options()));
    let names: Vec<String> = p.calls().iter().map(arg).collect();
    assert_eq!(names, ["once"]);
    let answers = p.calls().iter().map(answer).collect();
    let out = done(p.resume(answers));
    assert_eq!(out.result, Some(Data::Str("<once>".into())));
}

#[test]
fn a_paused_wait_survives_a_snapshot_and_forks() {
    let p = paused(compile(GATHER).start(options()));
    let bytes = match p.dump() {
        Ok(b) => b,
        Err(e) => panic!("dump failed: {e:?}"),
    };
    for _ in 0..2 {
        let restored = match Paused::load(&bytes, Limits::default()) {
            Ok(p) => p,
            Err(e) => panic!("load failed: {e:?}"),
        };
        let answers = restored.calls().iter().rev().map(answer).collect();
        let out = done(restored.resume(answers));
        assert!(out.error.is_none(), "{:?}", out.error);
        assert_eq!(out.result, Some(strs(&["<a>", "<b>", "<c>"])));
    }
}

#[test]
fn a_sync_call_can_pause_while_async_calls_are_pending() {
    let src = "\
import asyncio

async def main():
    task = asyncio.create_task(fetch('async'))
    await asyncio.sleep(0)
    first = lookup('sync')
    return first, await task

asyncio.run(main())
";
    let options = options().function(HostFunction::new("lookup"));
    let p = paused(compile(src).start(options));
    let calls = p.calls().to_vec();
    assert_eq!(calls.len(), 2, "{calls:?}");
    // Answer both now: the async answer waits for the event loop to collect it.
    let answers = calls
        .iter()
        .map(|c| {
            if c.name == "lookup" {
                (c.id, Ok(Data::Str("sync!".into())))
            } else {
                answer(c)
            }
        })
        .collect();
    let out = done(p.resume(answers));
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(
        out.result,
        Some(Data::Tuple(vec![
            Data::Str("sync!".into()),
            Data::Str("<async>".into())
        ]))
    );
}

#[test]
fn async_stubs_are_coroutine_functions_that_check_arguments() {
    let src = "\
import asyncio, inspect
print(inspect.iscoroutinefunction(fetch), fetch.__name__)

async def main():
    try:
        await fetch()
    except TypeError as e:
        print('TypeError:', e)
    try:
        await fetch('a', 'b')
    except TypeError as e:
        print('TypeError:', e)

asyncio.run(main())
";
    let out = compile(src).run(options(), &mut |_| panic!("no call expected"));
    assert!(out.error.is_none(), "{:?}", out.error);
    assert_eq!(
        out.stdout,
        "True fetch\n\
         TypeError: fetch() missing 1 required positional argument: 'name'\n\
         TypeError: fetch() takes 1 positional argument but 2 were given\n"
    );
}
