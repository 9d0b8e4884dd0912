//! Escape attempts end in clean errors or sandbox-only values: introspection of classes,
//! functions, frames, generators and tracebacks, format-string attribute access, builtins,
//! imports of host modules and file access. `tests/programs/attempts.py` prints one line per
//! attempt: `label !! ErrorType` when it was refused, `label -> type` when it returned.

use pyward::{Limits, Program};

/// Attempts that may succeed, with the only result type each may produce (sandbox data).
const ALLOWED: &[(&str, &str)] = &[
    ("format attr", "str"),
    ("print module", "str"),
    // A code object is read-only sandbox data: its `co_*` names, no `replace`, no bytes,
    // and exec/eval run only module code (from `compile()`), never a function's.
    ("code", "code"),
    ("closure", "NoneType"),
    // `sys` and `io` are pyward's sandbox-only modules (no host state behind them), and so is
    // `inspect` (type predicates only: no frames, no source).
    ("import sys", "NoneType"),
    // `__import__('sys').modules`: the registry of the sandbox's own imported modules.
    ("import sys", "dict"),
    ("import io", "NoneType"),
    ("import inspect", "NoneType"),
    // `types` names the sandbox's own runtime types and pure-Python helpers (UnionType,
    // GenericAlias, SimpleNamespace); its FunctionType/CodeType cannot build code.
    ("import types", "NoneType"),
    // A function's `__globals__` is its module's namespace, the dict `globals()` returns:
    // sandbox data with no `__builtins__` in it (`getattr dunder` looks that key up).
    ("format globals", "str"),
    ("getattr dunder", "NoneType"),
    ("class getattribute", "dict"),
];

#[test]
fn escape_attempts_are_refused() {
    let src = include_str!("programs/attempts.py");
    let program = Program::compile(src, "attempts.py");
    assert!(program.is_ok(), "{program:?}");
    let Ok(program) = program else { return };
    let out = program.run(Limits::default().into(), &mut pyward::no_host);
    assert_eq!(out.error, None, "{}", out.stdout);
    let mut seen = 0;
    for line in out.stdout.lines() {
        seen += 1;
        if let Some((label, ty)) = line.split_once(" -> ") {
            assert!(
                ALLOWED.contains(&(label, ty)),
                "escape attempt {label:?} returned a {ty}"
            );
        } else {
            assert!(line.contains(" !! "), "unexpected line {line:?}");
            assert!(!line.ends_with("!! SystemError"), "internal error: {line}");
        }
    }
    assert!(seen >= 50, "only {seen} attempts ran:\n{}", out.stdout);
}

#[test]
fn function_globals_are_the_sandbox_namespace() {
    let src =
        "def f():\n    pass\nprint(f.__globals__ is globals(), '__builtins__' in f.__globals__)\n";
    let program = Program::compile(src, "globals.py");
    assert!(program.is_ok());
    let Ok(program) = program else { return };
    let out = program.run(Limits::default().into(), &mut pyward::no_host);
    assert_eq!(out.error, None);
    assert_eq!(out.stdout, "True False\n");
}

#[test]
fn format_attribute_access_yields_only_sandbox_text() {
    let src = "class A:\n    pass\nprint('{0.__class__}|{0.__class__.__name__}|{1.__class__}'.format(A(), 1))\n";
    let program = Program::compile(src, "fmt.py");
    assert!(program.is_ok());
    let Ok(program) = program else { return };
    let out = program.run(Limits::default().into(), &mut pyward::no_host);
    assert_eq!(out.error, None);
    assert_eq!(out.stdout, "<class '__main__.A'>|A|<class 'int'>\n");
}
