//! The embedder API from Rust: compile once / run many, inputs and results as `Data`, host
//! functions answered by a handler or by pausing and resuming, argument checking against a
//! signature, importable host modules, resume misuse, limits across pauses, sessions, the OS
//! policy, and `Program` shared between threads.
#![expect(clippy::panic, reason = "test helpers fail the test with a message")]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyward::{
    BigInt, ClockPolicy, Data, Error, HostCall, HostError, HostFunction, LimitKind, Limits,
    OsPolicy, Outcome, Paused, Program, RandomPolicy, RunOptions, Session, SessionStep, Step,
    no_host,
};

fn compile(src: &str) -> Program {
    match Program::compile(src, "main.py") {
        Ok(p) => p,
        Err(e) => panic!("compile failed: {e:?}"),
    }
}

fn run(src: &str, options: RunOptions) -> Outcome {
    compile(src).run(options, &mut no_host)
}

fn run_with(
    src: &str,
    options: RunOptions,
    handler: &mut dyn FnMut(&HostCall) -> Result<Data, HostError>,
) -> Outcome {
    compile(src).run(options, handler)
}

fn ok(outcome: &Outcome) {
    assert!(
        outcome.error.is_none(),
        "unexpected error: {:?}",
        outcome.error
    );
}

fn paused(step: Step) -> Paused {
    match step {
        Step::Paused(p) => p,
        Step::Done(o) => panic!("expected a pause, got {:?}", o.error),
    }
}

fn done(step: Step) -> Outcome {
    match step {
        Step::Done(o) => o,
        Step::Paused(p) => panic!("expected the end, got calls {:?}", p.calls()),
    }
}

fn exception(outcome: &Outcome) -> (&str, &str, &str) {
    match &outcome.error {
        Some(Error::Exception {
            type_name,
            message,
            traceback,
            ..
        }) => (type_name, message, traceback),
        other => panic!("expected an exception, got {other:?}"),
    }
}

fn s(text: &str) -> Data {
    Data::Str(text.to_string())
}

// ---------------------------------------------------------------- programs, inputs, results

#[test]
fn compiled_program_runs_many_times_with_different_inputs() {
    let program = compile("x * 2 + len(name)");
    for (x, name, want) in [(1, "a", 3), (10, "abc", 23), (-5, "", -10)] {
        let options = RunOptions::new().input("x", x).input("name", name);
        let out = program.run(options, &mut no_host);
        ok(&out);
        assert_eq!(out.result, Some(Data::Int(want)));
    }
}

#[test]
fn result_is_the_last_expression_statement() {
    let out = run("1 + 1\nx = 5\nx * 3\ny = 1", RunOptions::new());
    ok(&out);
    assert_eq!(out.result, Some(Data::Int(15)));
    let out = run("x = 5", RunOptions::new());
    assert_eq!(out.result, None);
    let out = run("print('hi')", RunOptions::new());
    assert_eq!(out.result, None);
    assert_eq!(out.stdout, "hi\n");
}

fn roundtrip(value: Data) -> Data {
    let out = run("value", RunOptions::new().input("value", value));
    ok(&out);
    out.result.unwrap_or(Data::None)
}

#[test]
fn every_data_kind_round_trips() {
    let big: BigInt = "123456789012345678901234567890".parse().unwrap();
    let neg_big: BigInt = "-98765432109876543210".parse().unwrap();
    let cases = vec![
        Data::Bool(true),
        Data::Bool(false),
        Data::Int(0),
        Data::Int(i64::MIN),
        Data::Int(i64::MAX),
        Data::BigInt(big.clone()),
        Data::BigInt(neg_big),
        Data::Float(1.5),
        Data::Float(-0.0),
        Data::Float(f64::INFINITY),
        s("héllo ✓"),
        Data::Bytes(vec![0, 1, 255]),
        Data::List(vec![Data::Int(1), s("a"), Data::None]),
        Data::Tuple(vec![Data::Int(1), Data::Tuple(vec![])]),
        Data::Dict(vec![
            (s("k"), Data::List(vec![Data::Int(1)])),
            (Data::Int(2), Data::Dict(vec![])),
            (Data::Tuple(vec![Data::Int(1), s("x")]), Data::Bool(true)),
        ]),
        Data::Set(vec![Data::Int(3)]),
        Data::FrozenSet(vec![s("only")]),
        Data::List(vec![Data::Dict(vec![(
            s("nested"),
            Data::Set(vec![Data::Tuple(vec![Data::BigInt(big)])]),
        )])]),
    ];
    for value in cases {
        assert_eq!(roundtrip(value.clone()), value);
    }
    let out = run(
        "value",
        RunOptions::new().input("value", Data::Float(f64::NAN)),
    );
    assert!(matches!(out.result, Some(Data::Float(f)) if f.is_nan()));
    // A big int that fits in i64 comes back normalised.
    assert_eq!(roundtrip(Data::BigInt(BigInt::from(7))), Data::Int(7));
}

#[test]
fn inputs_have_their_python_types() {
    let src = "[type(v).__name__ for v in (a, b, c, d, e, f, g, h)]";
    let options = RunOptions::new()
        .input("a", Data::BigInt("1".repeat(30).parse().unwrap()))
        .input("b", Data::Bytes(vec![1]))
        .input("c", Data::Tuple(vec![]))
        .input("d", Data::Set(vec![]))
        .input("e", Data::FrozenSet(vec![]))
        .input("f", Data::Dict(vec![]))
        .input("g", Data::None)
        .input("h", 1.5);
    let out = run(src, options);
    ok(&out);
    let names = [
        "int",
        "bytes",
        "tuple",
        "set",
        "frozenset",
        "dict",
        "NoneType",
        "float",
    ];
    assert_eq!(
        out.result,
        Some(Data::List(names.iter().map(|n| s(n)).collect()))
    );
}

#[test]
fn builtin_subclasses_come_out_as_their_base() {
    let src = "
from collections import Counter, OrderedDict, defaultdict, namedtuple
from enum import IntEnum
class Color(IntEnum):
    RED = 1
P = namedtuple('P', 'x y')
class MyStr(str):
    pass
[Color.RED, P(1, 2), Counter('aab'), OrderedDict(a=1), defaultdict(int, b=2), True,
 MyStr('s'), bytearray(b'xy')]
";
    let out = run(src, RunOptions::new());
    ok(&out);
    assert_eq!(
        out.result,
        Some(Data::List(vec![
            Data::Int(1),
            Data::Tuple(vec![Data::Int(1), Data::Int(2)]),
            Data::Dict(vec![(s("a"), Data::Int(2)), (s("b"), Data::Int(1))]),
            Data::Dict(vec![(s("a"), Data::Int(1))]),
            Data::Dict(vec![(s("b"), Data::Int(2))]),
            Data::Bool(true),
            s("s"),
            Data::Bytes(b"xy".to_vec()),
        ]))
    );
}

#[test]
fn non_data_values_come_out_as_repr() {
    let src = "
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
[Point(1, 2), range(3), len]
";
    let out = run(src, RunOptions::new());
    ok(&out);
    let repr = |t: &str, r: &str| Data::Repr {
        type_name: t.into(),
        repr: r.into(),
    };
    assert_eq!(
        out.result,
        Some(Data::List(vec![
            repr("Point", "Point(x=1, y=2)"),
            repr("range", "range(0, 3)"),
            repr("builtin_function_or_method", "<built-in function len>"),
        ]))
    );
    // A failing __repr__ still gives a Repr.
    let out = run(
        "class Bad:\n    def __repr__(self):\n        raise ValueError\nBad()",
        RunOptions::new(),
    );
    ok(&out);
    assert_eq!(out.result, Some(repr("Bad", "<Bad object>")));
}

#[test]
fn shared_containers_convert_and_cycles_are_clean_errors() {
    let out = run("a = [1]\n[a, a, {'k': a}]", RunOptions::new());
    ok(&out);
    let a = Data::List(vec![Data::Int(1)]);
    assert_eq!(
        out.result,
        Some(Data::List(vec![
            a.clone(),
            a.clone(),
            Data::Dict(vec![(s("k"), a)])
        ]))
    );
    let out = run("a = []\na.append(a)\na", RunOptions::new());
    assert_eq!(exception(&out).0, "ValueError");
    assert_eq!(exception(&out).1, "Circular reference detected");
    // Shared substructure that describes a huge tree stops at the memory limit, quickly.
    let out = run(
        "a = [1]\nfor _ in range(60):\n    a = [a, a]\na",
        RunOptions::new(),
    );
    assert_eq!(out.error, Some(Error::Limit(LimitKind::Memory)));
}

/// A list nested `depth` deep, built without recursion.
fn deep_list(depth: usize) -> Data {
    let mut d = Data::List(vec![]);
    for _ in 0..depth {
        d = Data::List(vec![d]);
    }
    d
}

/// Take a deep `Data` apart without recursion (dropping it whole would recurse).
fn drop_deep(d: Data) {
    let mut stack = vec![d];
    while let Some(d) = stack.pop() {
        if let Data::List(items) = d {
            stack.extend(items);
        }
    }
}

#[test]
fn deep_data_goes_in_and_a_deep_result_is_a_clean_error() {
    let depth = 1_000_000;
    let src = "
n = 0
x = value
while x:
    x = x[0]
    n += 1
n";
    let out = run(src, RunOptions::new().input("value", deep_list(depth)));
    ok(&out);
    assert_eq!(out.result, Some(Data::Int(depth as i64)));
    // Coming out, deep values stop at MAX_DATA_DEPTH with a catchable RecursionError.
    let out = run("value", RunOptions::new().input("value", deep_list(depth)));
    assert_eq!(exception(&out).0, "RecursionError");
    let src = "
x = []
for _ in range(900):
    x = [x]
x";
    let out = run(src, RunOptions::new());
    ok(&out);
    let mut d = out.result.unwrap();
    let mut n = 0;
    while let Data::List(mut items) = d {
        d = items.pop().unwrap_or(Data::None);
        n += 1;
    }
    assert_eq!(n, 901);
    drop_deep(d);
}

#[test]
fn invalid_inputs_are_clean_api_errors() {
    let cases: Vec<(&str, Data)> = vec![
        ("x", Data::Dict(vec![(Data::List(vec![]), Data::Int(1))])),
        ("x", Data::Set(vec![Data::List(vec![])])),
        ("x", Data::FrozenSet(vec![Data::Dict(vec![])])),
        (
            "x",
            Data::Repr {
                type_name: "T".into(),
                repr: "T()".into(),
            },
        ),
        ("not an identifier", Data::Int(1)),
        ("class", Data::Int(1)),
        ("", Data::Int(1)),
    ];
    for (name, value) in cases {
        let out = run("1", RunOptions::new().input(name, value));
        assert!(
            matches!(&out.error, Some(Error::Api(_))),
            "{name}: {:?}",
            out.error
        );
    }
    let out = run(
        "1",
        RunOptions::new().input("x", Data::Dict(vec![(Data::List(vec![]), Data::None)])),
    );
    let Some(Error::Api(msg)) = out.error else {
        panic!()
    };
    assert!(msg.contains("unhashable type: 'list'"), "{msg}");
}

#[test]
fn inputs_are_charged_to_the_memory_limit() {
    let limits = Limits {
        max_memory: 1 << 20,
        ..Limits::default()
    };
    let big = Data::List(
        (0..100_000)
            .map(|i| Data::Str(format!("item {i}")))
            .collect(),
    );
    let out = run(
        "len(value)",
        RunOptions::new().limits(limits).input("value", big),
    );
    assert_eq!(out.error, Some(Error::Limit(LimitKind::Memory)));
}

#[test]
fn stdout_streams_to_a_callback() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    let options =
        RunOptions::new().on_stdout(move |text| sink.lock().unwrap().push(text.to_string()));
    let out = run(
        "print('a')\nprint('b', end='')\nraise ValueError('x')",
        options,
    );
    assert_eq!(exception(&out).0, "ValueError");
    assert_eq!(out.stdout, "");
    assert_eq!(seen.lock().unwrap().concat(), "a\nb");
}

#[test]
fn stats_report_resources() {
    let out = run("x = [i for i in range(1000)]\nlen(x)", RunOptions::new());
    ok(&out);
    assert!(out.stats.peak_memory > 1000 * 16, "{:?}", out.stats);
    assert!(out.stats.allocations > 0);
    assert!(out.stats.fuel_used >= 1000);
    assert!(out.stats.duration > Duration::ZERO);
}

// ---------------------------------------------------------------- host functions (handler)

fn tools() -> RunOptions {
    RunOptions::new()
        .function(HostFunction::new("search").signature("(query: str, limit: int = 10) -> list"))
        .function(HostFunction::new("fail"))
}

/// Answers `search` with `limit` copies of the query, and `fail` with a ValueError.
fn tool_handler(
    calls: &mut Vec<HostCall>,
) -> impl FnMut(&HostCall) -> Result<Data, HostError> + '_ {
    move |call| {
        calls.push(call.clone());
        match call.name.as_str() {
            "search" => match (&call.args[0], &call.args[1]) {
                (Data::Str(q), Data::Int(n)) => Ok(Data::List(vec![s(q); *n as usize])),
                _ => Err(HostError::new("TypeError", "bad arguments")),
            },
            _ => Err(HostError::new("ValueError", "tool failed")),
        }
    }
}

#[test]
fn host_function_returns_values_and_sees_bound_arguments() {
    let mut calls = Vec::new();
    let src = "r = search('q', limit=2)\nr2 = search(query='z')\n(r, len(r2))";
    let out = run_with(src, tools(), &mut tool_handler(&mut calls));
    ok(&out);
    assert_eq!(
        out.result,
        Some(Data::Tuple(vec![
            Data::List(vec![s("q"), s("q")]),
            Data::Int(10)
        ]))
    );
    // With a signature, the host gets the bound parameters, defaults filled in.
    assert_eq!(calls[0].args, vec![s("q"), Data::Int(2)]);
    assert_eq!(calls[1].args, vec![s("z"), Data::Int(10)]);
    assert!(calls[0].kwargs.is_empty());
    assert!(calls[1].id > calls[0].id);
}

#[test]
fn host_function_without_signature_passes_arguments_through() {
    let mut calls = Vec::new();
    let options = RunOptions::new().function(HostFunction::new("anything"));
    let out = run_with(
        "anything(1, 'two', [3], key={'a': (4,)}, flag=True)",
        options,
        &mut |c| {
            calls.push(c.clone());
            Ok(Data::None)
        },
    );
    ok(&out);
    assert_eq!(
        calls[0].args,
        vec![Data::Int(1), s("two"), Data::List(vec![Data::Int(3)])]
    );
    assert_eq!(
        calls[0].kwargs,
        vec![
            (
                "key".into(),
                Data::Dict(vec![(s("a"), Data::Tuple(vec![Data::Int(4)]))])
            ),
            ("flag".into(), Data::Bool(true)),
        ]
    );
}

#[test]
fn signature_checks_arguments_with_cpython_messages() {
    let cases = [
        (
            "search()",
            "search() missing 1 required positional argument: 'query'",
        ),
        (
            "search(1, 2, 3)",
            "search() takes from 1 to 2 positional arguments but 3 were given",
        ),
        (
            "search(q=1)",
            "search() got an unexpected keyword argument 'q'",
        ),
        (
            "search(1, query=2)",
            "search() got multiple values for argument 'query'",
        ),
    ];
    for (call, message) in cases {
        let mut calls = Vec::new();
        let out = run_with(call, tools(), &mut tool_handler(&mut calls));
        assert_eq!(exception(&out).0, "TypeError", "{call}");
        assert_eq!(exception(&out).1, message, "{call}");
        assert!(
            calls.is_empty(),
            "the host saw a badly bound call: {calls:?}"
        );
    }
    let mut calls = Vec::new();
    let src = "
try:
    search()
except TypeError as e:
    print('caught', e)
search.__name__, search.__doc__";
    let options = RunOptions::new().function(
        HostFunction::new("search")
            .signature("(query, *, limit=3)")
            .doc("Search the web."),
    );
    let out = run_with(src, options, &mut tool_handler(&mut calls));
    ok(&out);
    assert_eq!(
        out.stdout,
        "caught search() missing 1 required positional argument: 'query'\n"
    );
    assert_eq!(
        out.result,
        Some(Data::Tuple(vec![s("search"), s("Search the web.")]))
    );
}

#[test]
fn host_error_is_raised_at_the_call_site_and_catchable() {
    let mut calls = Vec::new();
    let src = "
try:
    fail(1)
except ValueError as e:
    print('caught', type(e).__name__, e)
'after'";
    let out = run_with(src, tools(), &mut tool_handler(&mut calls));
    ok(&out);
    assert_eq!(out.stdout, "caught ValueError tool failed\n");
    assert_eq!(out.result, Some(s("after")));
}

#[test]
fn uncaught_host_error_traceback_points_at_the_call_line() {
    let mut calls = Vec::new();
    let src = "x = 1\ndef helper():\n    return fail()\nhelper()\n";
    let out = run_with(src, tools(), &mut tool_handler(&mut calls));
    let (ty, msg, tb) = exception(&out);
    assert_eq!((ty, msg), ("ValueError", "tool failed"));
    assert_eq!(
        tb,
        "Traceback (most recent call last):\n  File \"main.py\", line 4, in <module>\n    helper()\n  File \"main.py\", line 3, in helper\n    return fail()\n           ^^^^^^\nValueError: tool failed\n"
    );
}

#[test]
fn recursion_traceback_summarises_repeated_lines_as_cpython() {
    // CPython 3.11 prints this program's traceback with the <module> line, three `walk`
    // lines and "[Previous line repeated 996 more times]".
    let src = "def walk(n):\n    return walk(n + 1)\nwalk(0)\n";
    let out = run(src, RunOptions::default());
    let (ty, _, tb) = exception(&out);
    assert_eq!(ty, "RecursionError");
    let walk =
        "  File \"main.py\", line 2, in walk\n    return walk(n + 1)\n           ^^^^^^^^^^^\n";
    let want = format!(
        "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    walk(0)\n{}  [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded\n",
        walk.repeat(3)
    );
    assert_eq!(tb, want);
    let src = "def f(k):\n    if k:\n        return f(k - 1)\n    return 1 / 0\nf(4)\n";
    let out = run(src, RunOptions::default());
    let (_, _, tb) = exception(&out);
    assert!(
        tb.contains("  [Previous line repeated 1 more time]\n"),
        "{tb}"
    );
}

#[test]
fn host_error_names_map_to_exception_classes() {
    let src = "
out = []
for name in ['KeyError', 'TimeoutError', 'RateLimited', 'not valid', 'SystemExit']:
    try:
        boom(name)
    except RuntimeError as e:
        out.append(('runtime', type(e).__name__, str(e)))
    except Exception as e:
        out.append(('exception', type(e).__name__, str(e)))
out";
    let options = RunOptions::new().function(HostFunction::new("boom"));
    let out = run_with(src, options, &mut |c| match &c.args[0] {
        Data::Str(name) => Err(HostError::new(name.clone(), "msg")),
        _ => Ok(Data::None),
    });
    ok(&out);
    let row = |a: &str, b: &str, c: &str| Data::Tuple(vec![s(a), s(b), s(c)]);
    assert_eq!(
        out.result,
        Some(Data::List(vec![
            row("exception", "KeyError", "'msg'"),
            row("exception", "TimeoutError", "msg"),
            row("runtime", "RateLimited", "msg"),
            row("runtime", "HostError", "msg"),
            // Builtin names outside Exception (SystemExit, KeyboardInterrupt) are refused too.
            row("runtime", "HostError", "msg"),
        ]))
    );
}

#[test]
fn invalid_host_results_raise_type_error_at_the_call_site() {
    let options = RunOptions::new().function(HostFunction::new("bad"));
    let out = run_with(
        "try:\n    bad()\nexcept TypeError as e:\n    print(e)",
        options,
        &mut |_| Ok(Data::Set(vec![Data::List(vec![])])),
    );
    ok(&out);
    assert_eq!(
        out.stdout,
        "host function 'bad' returned an invalid value: TypeError: unhashable type: 'list'\n"
    );
}

#[test]
fn host_functions_are_importable_from_host_modules() {
    let options = RunOptions::new()
        .function(HostFunction::new("search").signature("(q)").module("tools"))
        .function(HostFunction::new("fetch").module("tools.web"));
    let src = "
from tools import search
import tools
import tools.web
from tools.web import fetch
[search('a'), tools.search(q='b'), tools.web.fetch(1), fetch(2)]";
    let out = run_with(src, options, &mut |c| {
        Ok(Data::Str(format!("{}{:?}", c.name, c.args)))
    });
    ok(&out);
    assert_eq!(
        out.result,
        Some(Data::List(vec![
            s("search[Str(\"a\")]"),
            s("search[Str(\"b\")]"),
            s("fetch[Int(1)]"),
            s("fetch[Int(2)]"),
        ]))
    );
    // A module function is not a global.
    let options = RunOptions::new().function(HostFunction::new("search").module("tools"));
    let out = run_with("search('x')", options, &mut |_| Ok(Data::None));
    assert_eq!(exception(&out).1, "name 'search' is not defined");
}

#[test]
fn invalid_declarations_are_api_errors() {
    let cases = vec![
        HostFunction::new("not-a-name"),
        HostFunction::new("class"),
        HostFunction::new("f").signature("(x"),
        HostFunction::new("f").signature("(x):\n    pass\nimport sys\ndef g()"),
        HostFunction::new("f").signature("(x) -> int:\n    return 1\n#"),
        HostFunction::new("print"),
        HostFunction::new("f").module("json"),
        HostFunction::new("f").module("_private"),
        HostFunction::new("f").module("bad name"),
    ];
    for f in cases {
        let out = run("1", RunOptions::new().function(f.clone()));
        assert!(
            matches!(out.error, Some(Error::Api(_))),
            "{f:?}: {:?}",
            out.error
        );
    }
    let out = run(
        "1",
        RunOptions::new()
            .function(HostFunction::new("f"))
            .function(HostFunction::new("f")),
    );
    assert!(matches!(out.error, Some(Error::Api(_))));
}

#[test]
fn callback_mode_answers_calls_under_native_code() {
    let src = "
words = ['ccc', 'a', 'bb']
print(sorted(words, key=score))
print(list(map(score, words)))
class C:
    def __init__(self):
        self.v = score('dddd')
print(C().v)";
    let options = RunOptions::new().function(HostFunction::new("score").signature("(w)"));
    let out = run_with(src, options, &mut |c| match &c.args[0] {
        Data::Str(w) => Ok(Data::Int(w.len() as i64)),
        _ => Ok(Data::None),
    });
    ok(&out);
    assert_eq!(out.stdout, "['a', 'bb', 'ccc']\n[3, 1, 2]\n4\n");
}

// ---------------------------------------------------------------- pause and resume

/// Answer the first pending call with `value`.
fn reply(p: Paused, value: Data) -> Step {
    let id = p.calls()[0].id;
    p.resume(vec![(id, Ok(value))])
}

#[test]
fn pause_and_resume_across_several_calls() {
    let src = "
def total(items):
    n = 0
    for i in items:
        n += price(item=i)
    return n
print('start')
t = total(['a', 'bb', 'ccc'])
print('total', t)
t";
    let options = RunOptions::new().function(HostFunction::new("price").signature("(*, item)"));
    let mut step = compile(src).start(options);
    let mut seen = Vec::new();
    let outcome = loop {
        match step {
            Step::Done(o) => break o,
            Step::Paused(p) => {
                assert_eq!(p.calls().len(), 1);
                let call = p.calls()[0].clone();
                assert_eq!(call.name, "price");
                let Data::Str(item) = &call.kwargs[0].1 else {
                    panic!("{call:?}")
                };
                seen.push(item.clone());
                step = p.resume(vec![(call.id, Ok(Data::Int(item.len() as i64 * 10)))]);
            }
        }
    };
    ok(&outcome);
    assert_eq!(seen, ["a", "bb", "ccc"]);
    assert_eq!(outcome.stdout, "start\ntotal 60\n");
    assert_eq!(outcome.result, Some(Data::Int(60)));
}

#[test]
fn paused_run_resumes_with_an_error_caught_or_uncaught() {
    let src = "
try:
    ask()
except KeyError as e:
    print('caught', e)
ask()
print('unreachable')";
    let program = compile(src);
    let options = || RunOptions::new().function(HostFunction::new("ask"));
    let p = paused(program.start(options()));
    let id = p.calls()[0].id;
    let p = paused(p.resume(vec![(id, Err(HostError::new("KeyError", "k")))]));
    let id = p.calls()[0].id;
    let out = done(p.resume(vec![(id, Err(HostError::new("PermissionError", "denied")))]));
    assert_eq!(out.stdout, "caught 'k'\n");
    let (ty, msg, tb) = exception(&out);
    assert_eq!((ty, msg), ("PermissionError", "denied"));
    assert!(
        tb.ends_with(
            "  File \"main.py\", line 6, in <module>\n    ask()\nPermissionError: denied\n"
        ),
        "{tb}"
    );
}

#[test]
fn generators_and_nested_frames_survive_a_pause() {
    let src = "
def gen():
    for i in range(3):
        yield fetch(i)
class Box:
    def get(self):
        with open_ctx() as c:
            return [x for x in gen()] + [c]
import contextlib
@contextlib.contextmanager
def open_ctx():
    yield 'ctx'
Box().get()";
    let options = RunOptions::new().function(HostFunction::new("fetch").signature("(i)"));
    let mut step = compile(src).start(options);
    let out = loop {
        match step {
            Step::Done(o) => break o,
            Step::Paused(p) => {
                let Data::Int(i) = p.calls()[0].args[0] else {
                    panic!()
                };
                step = reply(p, Data::Int(i * i));
            }
        }
    };
    ok(&out);
    assert_eq!(
        out.result,
        Some(Data::List(vec![
            Data::Int(0),
            Data::Int(1),
            Data::Int(4),
            s("ctx")
        ]))
    );
}

#[test]
fn resume_misuse_is_a_clean_api_error() {
    let program = compile("print('before')\nask()\nprint('after')");
    let options = || RunOptions::new().function(HostFunction::new("ask"));
    // Unknown id.
    let p = paused(program.start(options()));
    let id = p.calls()[0].id;
    let out = done(p.resume(vec![(id + 100, Ok(Data::None))]));
    assert!(
        matches!(&out.error, Some(Error::Api(m)) if m.contains("no pending host call")),
        "{:?}",
        out.error
    );
    assert_eq!(out.stdout, "before\n");
    // Answered twice.
    let p = paused(program.start(options()));
    let id = p.calls()[0].id;
    let out = done(p.resume(vec![(id, Ok(Data::None)), (id, Ok(Data::None))]));
    assert!(
        matches!(&out.error, Some(Error::Api(m)) if m.contains("twice")),
        "{:?}",
        out.error
    );
    // Nothing for the call the run waits for.
    let p = paused(program.start(options()));
    let out = done(p.resume(vec![]));
    assert!(
        matches!(&out.error, Some(Error::Api(m)) if m.contains("no answer")),
        "{:?}",
        out.error
    );
    // An invalid value raises TypeError at the call site.
    let p = paused(program.start(options()));
    let bad = Data::Dict(vec![(Data::List(vec![]), Data::None)]);
    let out = done(reply(p, bad));
    assert_eq!(exception(&out).0, "TypeError");
}

#[test]
fn pause_mode_host_call_under_native_code_is_a_clean_runtime_error() {
    let src = "
try:
    sorted(['b', 'a'], key=score)
except RuntimeError as e:
    print(e)
print(list(map(score, ['x'])))";
    let options = RunOptions::new().function(HostFunction::new("score").signature("(w)"));
    let out = done(compile(src).start(options));
    assert_eq!(
        out.stdout,
        "host function 'score' cannot pause the run from inside a native call (sorted(key=...), map(), filter(), a class body, __init__, ...); call it directly from Python code\n"
    );
    let (ty, msg, _) = exception(&out);
    assert_eq!(ty, "RuntimeError");
    assert!(msg.starts_with("host function 'score' cannot pause"));
}

#[test]
fn limits_are_enforced_after_resume() {
    let limits = Limits {
        max_fuel: Some(10_000),
        ..Limits::default()
    };
    let src = "ask()\nwhile True:\n    pass";
    let options = RunOptions::new()
        .limits(limits)
        .function(HostFunction::new("ask"));
    let p = paused(compile(src).start(options));
    let out = done(reply(p, Data::None));
    assert_eq!(out.error, Some(Error::Limit(LimitKind::Fuel)));

    let limits = Limits {
        max_memory: 4 << 20,
        ..Limits::default()
    };
    let src = "x = ask()\ny = []\nwhile True:\n    y.append('x' * 1000)";
    let options = RunOptions::new()
        .limits(limits)
        .function(HostFunction::new("ask"));
    let p = paused(compile(src).start(options));
    let out = done(reply(p, Data::None));
    assert_eq!(out.error, Some(Error::Limit(LimitKind::Memory)));
}

#[test]
fn time_paused_does_not_count_against_the_duration_limit() {
    let limits = Limits {
        max_duration: Some(Duration::from_millis(300)),
        ..Limits::default()
    };
    let src = "for _ in range(3):\n    ask()\n'done'";
    let options = RunOptions::new()
        .limits(limits.clone())
        .function(HostFunction::new("ask"));
    let mut step = compile(src).start(options);
    let out = loop {
        match step {
            Step::Done(o) => break o,
            Step::Paused(p) => {
                std::thread::sleep(Duration::from_millis(150));
                step = reply(p, Data::None);
            }
        }
    };
    ok(&out);
    assert!(
        out.stats.duration < Duration::from_millis(300),
        "{:?}",
        out.stats
    );
    // The same in callback mode, where the handler takes the time.
    let options = RunOptions::new()
        .limits(limits.clone())
        .function(HostFunction::new("ask"));
    let out = run_with(src, options, &mut |_| {
        std::thread::sleep(Duration::from_millis(150));
        Ok(Data::None)
    });
    ok(&out);
    // A busy loop after resume still ends on time.
    let options = RunOptions::new()
        .limits(limits)
        .function(HostFunction::new("ask"));
    let p = paused(compile("ask()\nwhile True:\n    pass").start(options));
    std::thread::sleep(Duration::from_millis(400));
    let out = done(reply(p, Data::None));
    assert_eq!(out.error, Some(Error::Limit(LimitKind::Duration)));
}

#[test]
fn paused_runs_move_between_threads() {
    let options = RunOptions::new().function(HostFunction::new("ask"));
    let p = paused(compile("ask() + 1").start(options));
    let out = std::thread::spawn(move || done(reply(p, Data::Int(41))))
        .join()
        .unwrap();
    assert_eq!(out.result, Some(Data::Int(42)));
}

// ---------------------------------------------------------------- sessions

#[test]
fn session_state_persists_between_snippets() {
    let mut session = Session::new(RunOptions::new().input("base", 100)).unwrap();
    let out = session.run(
        "import math\nclass K:\n    v = 2\ndef f(x):\n    return x * K.v + base",
        &mut no_host,
    );
    ok(&out);
    let out = session.run("counter = f(1)\ncounter", &mut no_host);
    assert_eq!(out.result, Some(Data::Int(102)));
    // A snippet that raises keeps what ran before the error, and earlier state.
    let out = session.run(
        "counter += 1\nraise ValueError('boom')\ncounter = 0",
        &mut no_host,
    );
    let (_, _, tb) = exception(&out);
    assert_eq!(
        tb,
        "Traceback (most recent call last):\n  File \"<snippet 3>\", line 2, in <module>\n    raise ValueError('boom')\nValueError: boom\n"
    );
    let out = session.run("(counter, math.floor(2.5), f(0))", &mut no_host);
    assert_eq!(
        out.result,
        Some(Data::Tuple(vec![
            Data::Int(103),
            Data::Int(2),
            Data::Int(100)
        ]))
    );
    // A syntax error leaves the session as it was.
    let out = session.run("def (", &mut no_host);
    assert!(matches!(out.error, Some(Error::Syntax { .. })));
    assert_eq!(
        session.run("counter", &mut no_host).result,
        Some(Data::Int(103))
    );
}

#[test]
fn session_tracebacks_show_each_snippets_own_lines() {
    let mut session = Session::new(RunOptions::new()).unwrap();
    ok(&session.run("def f():\n    return 1 / 0", &mut no_host));
    let out = session.run("x = 1\nf()", &mut no_host);
    assert_eq!(
        exception(&out).2,
        "Traceback (most recent call last):\n  File \"<snippet 2>\", line 2, in <module>\n    f()\n  File \"<snippet 1>\", line 2, in f\n    return 1 / 0\n           ~~^~~\nZeroDivisionError: division by zero\n"
    );
}

#[test]
fn session_budgets_are_per_snippet_and_memory_is_cumulative() {
    let limits = Limits {
        max_fuel: Some(50_000),
        max_memory: 8 << 20,
        ..Limits::default()
    };
    let mut session = Session::new(RunOptions::new().limits(limits)).unwrap();
    // Each snippet may use most of the fuel budget...
    for _ in 0..5 {
        let out = session.run("for i in range(40_000):\n    pass", &mut no_host);
        ok(&out);
        assert!(out.stats.fuel_used >= 40_000, "{:?}", out.stats);
    }
    // ...but memory held by globals adds up across snippets.
    let mut breached = false;
    for i in 0..20 {
        let out = session.run(&format!("keep{i} = 'x' * 1_000_000"), &mut no_host);
        if out.error == Some(Error::Limit(LimitKind::Memory)) {
            breached = true;
            assert!(i >= 4, "breached too early, at snippet {i}");
            break;
        }
        ok(&out);
    }
    assert!(breached, "the memory budget is not cumulative");
    // Freeing memory makes room again, and the session still works.
    let out = session.run(
        "for k in [k for k in globals() if k.startswith('keep')]:\n    del globals()[k]\n'ok'",
        &mut no_host,
    );
    ok(&out);
    let out = session.run("big = 'y' * 3_000_000\nlen(big)", &mut no_host);
    ok(&out);
    assert_eq!(out.result, Some(Data::Int(3_000_000)));
}

#[test]
fn session_pauses_and_resumes() {
    let options = RunOptions::new().function(HostFunction::new("lookup").signature("(key)"));
    let mut session = Session::new(options).unwrap();
    let step = session.start("a = lookup('x')\nb = lookup('y')\na + b");
    let SessionStep::Paused(calls) = step else {
        panic!("{step:?}")
    };
    assert_eq!(calls[0].args, vec![s("x")]);
    assert!(session.is_paused());
    // Another snippet cannot start while this one waits.
    let SessionStep::Done(out) = session.start("1") else {
        panic!()
    };
    assert!(matches!(out.error, Some(Error::Api(_))));
    let SessionStep::Paused(calls2) = session.resume(vec![(calls[0].id, Ok(Data::Int(1)))]) else {
        panic!()
    };
    assert_eq!(session.pending_calls(), &calls2[..]);
    let SessionStep::Done(out) = session.resume(vec![(calls2[0].id, Ok(Data::Int(2)))]) else {
        panic!()
    };
    assert_eq!(out.result, Some(Data::Int(3)));
    assert!(!session.is_paused());
    // Globals set by the paused snippet persist; callback mode works in the same session.
    let out = session.run("a, b, lookup('z')", &mut |_| Ok(s("Z")));
    assert_eq!(
        out.result,
        Some(Data::Tuple(vec![Data::Int(1), Data::Int(2), s("Z")]))
    );
}

// ---------------------------------------------------------------- OS policy

#[test]
fn frozen_clock_is_what_time_and_datetime_see() {
    let at = Duration::from_secs(1_700_000_000);
    let policy = OsPolicy {
        clock: ClockPolicy::Frozen(at),
        ..OsPolicy::default()
    };
    let src = "
import time, datetime
a = time.time()
time.sleep(2.5)
(a, time.time(), str(datetime.datetime.now()), time.monotonic())";
    let out = run(src, RunOptions::new().policy(policy));
    ok(&out);
    assert_eq!(
        out.result,
        Some(Data::Tuple(vec![
            Data::Float(1_700_000_000.0),
            Data::Float(1_700_000_002.5),
            s("2023-11-14 22:13:22.500000"),
            Data::Float(2.5),
        ]))
    );
}

#[test]
fn duration_limit_holds_under_a_frozen_clock_and_sleep_counts() {
    let limits = Limits {
        max_duration: Some(Duration::from_millis(200)),
        ..Limits::default()
    };
    let policy = OsPolicy::deterministic(Duration::from_secs(0), 1);
    let out = run(
        "while True:\n    pass",
        RunOptions::new()
            .limits(limits.clone())
            .policy(policy.clone()),
    );
    assert_eq!(out.error, Some(Error::Limit(LimitKind::Duration)));
    let out = run(
        "import time\nwhile True:\n    time.sleep(0.05)",
        RunOptions::new().limits(limits).policy(policy),
    );
    assert_eq!(out.error, Some(Error::Limit(LimitKind::Duration)));
    // The sleep cap ends a run that sleeps too long even without a duration limit.
    let policy = OsPolicy {
        max_sleep: Some(Duration::from_secs(10)),
        ..OsPolicy::default()
    };
    let out = run(
        "import time\ntime.sleep(5)\ntime.sleep(6)",
        RunOptions::new().limits(Limits::unlimited()).policy(policy),
    );
    assert_eq!(out.error, Some(Error::Limit(LimitKind::Duration)));
}

#[test]
fn host_clock_is_forwarded_as_host_calls() {
    let policy = OsPolicy {
        clock: ClockPolicy::Host,
        ..OsPolicy::default()
    };
    let src = "import time\n(time.time(), time.monotonic_ns())";
    let mut calls = Vec::new();
    let out = run_with(src, RunOptions::new().policy(policy.clone()), &mut |c| {
        calls.push(c.name.clone());
        Ok(Data::Int(if c.name == "time.time_ns" {
            1_500_000_000_000_000_000
        } else {
            7
        }))
    });
    ok(&out);
    assert_eq!(
        out.result,
        Some(Data::Tuple(vec![Data::Float(1.5e9), Data::Int(7)]))
    );
    assert_eq!(calls, ["time.time_ns", "time.monotonic_ns"]);
    // In pause mode the clock reading pauses the run too.
    let p = paused(compile("import time\ntime.time()").start(RunOptions::new().policy(policy)));
    assert_eq!(p.calls()[0].name, "time.time_ns");
    let out = done(reply(p, Data::Int(2_000_000_000)));
    assert_eq!(out.result, Some(Data::Float(2.0)));
}

#[test]
fn seeded_random_repeats_and_entropy_differs() {
    let src = "import random, uuid\n(random.random(), random.randint(0, 10**9), str(uuid.uuid4()))";
    let seeded = || {
        RunOptions::new().policy(OsPolicy {
            random: RandomPolicy::Seed(42),
            ..OsPolicy::default()
        })
    };
    let a = run(src, seeded()).result;
    let b = run(src, seeded()).result;
    assert!(a.is_some());
    assert_eq!(a, b);
    let c = run(
        src,
        RunOptions::new().policy(OsPolicy {
            random: RandomPolicy::Seed(43),
            ..OsPolicy::default()
        }),
    )
    .result;
    assert_ne!(a, c);
    let d = run(src, RunOptions::new()).result;
    let e = run(src, RunOptions::new()).result;
    assert_ne!(d, e, "entropy-seeded runs repeated");
    assert_ne!(d, a);
    // An explicit seed is CPython's Mersenne Twister whatever the policy.
    let out = run(
        "import random\nrandom.seed(1)\nrandom.random()",
        RunOptions::new(),
    );
    assert_eq!(out.result, Some(Data::Float(0.13436424411240122)));
}

// ---------------------------------------------------------------- threads

const fn assert_send_sync<T: Send + Sync>() {}
const fn assert_send<T: Send>() {}
const _: () = assert_send_sync::<Program>();
const _: () = assert_send::<Paused>();
const _: () = assert_send::<Session>();
const _: () = assert_send_sync::<Data>();

#[test]
fn one_program_runs_on_several_threads_at_once() {
    let program = Arc::new(compile(
        "def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)\nfib(k) + tool(k)",
    ));
    let handles: Vec<_> = (0..4)
        .map(|k| {
            let program = program.clone();
            std::thread::spawn(move || {
                let options = RunOptions::new()
                    .input("k", 15 + k)
                    .function(HostFunction::new("tool").signature("(x)"));
                program.run(options, &mut |c| Ok(c.args[0].clone())).result
            })
        })
        .collect();
    let fib = |n: i64| -> i64 {
        let (mut a, mut b) = (0, 1);
        for _ in 0..n {
            (a, b) = (b, a + b);
        }
        a
    };
    for (k, h) in handles.into_iter().enumerate() {
        let k = 15 + k as i64;
        assert_eq!(h.join().unwrap(), Some(Data::Int(fib(k) + k)));
    }
}

// ---------------------------------------------------------------- more edges

#[test]
fn a_handler_may_run_another_program() {
    let inner = compile("double(x)");
    let outer = compile("[ask(1), ask(2)]");
    let out = outer.run(
        RunOptions::new().function(HostFunction::new("ask").signature("(n)")),
        &mut |c| {
            let n = c.args[0].clone();
            let options = RunOptions::new()
                .input("x", n)
                .function(HostFunction::new("double").signature("(v)"));
            let r = inner.run(options, &mut |c| match c.args[0] {
                Data::Int(v) => Ok(Data::Int(v * 2)),
                _ => Ok(Data::None),
            });
            r.result
                .ok_or_else(|| HostError::new("ValueError", "no result"))
        },
    );
    ok(&out);
    assert_eq!(
        out.result,
        Some(Data::List(vec![Data::Int(2), Data::Int(4)]))
    );
}

#[test]
fn host_answers_are_charged_to_the_memory_limit() {
    let limits = Limits {
        max_memory: 2 << 20,
        ..Limits::default()
    };
    let options = RunOptions::new()
        .limits(limits)
        .function(HostFunction::new("big"));
    let out = run_with(
        "try:\n    big()\nexcept MemoryError:\n    print('caught')",
        options,
        &mut |_| Ok(Data::List((0..200_000).map(Data::Int).collect())),
    );
    assert_eq!(out.stdout, "");
    assert_eq!(out.error, Some(Error::Limit(LimitKind::Memory)));
}

#[test]
fn pause_mode_covers_generators_and_comprehensions_but_not_builtin_consumers() {
    let src = "
def gen(xs):
    for x in xs:
        yield ask(x)
a = [ask(x) for x in range(2)]
b = {x: ask(x) for x in range(2)}
c = [y for y in gen([5, 6])]
try:
    d = sum(ask(x) for x in range(2))
except RuntimeError as e:
    d = 'refused'
(a, b, c, d)";
    let options = RunOptions::new().function(HostFunction::new("ask").signature("(x)"));
    let mut step = compile(src).start(options);
    let mut calls = 0;
    let out = loop {
        match step {
            Step::Done(o) => break o,
            Step::Paused(p) => {
                calls += 1;
                let v = p.calls()[0].args[0].clone();
                step = reply(p, v);
            }
        }
    };
    ok(&out);
    assert_eq!(calls, 6);
    let ints = |v: &[i64]| Data::List(v.iter().map(|i| Data::Int(*i)).collect());
    assert_eq!(
        out.result,
        Some(Data::Tuple(vec![
            ints(&[0, 1]),
            Data::Dict(vec![
                (Data::Int(0), Data::Int(0)),
                (Data::Int(1), Data::Int(1))
            ]),
            ints(&[5, 6]),
            s("refused"),
        ]))
    );
}
