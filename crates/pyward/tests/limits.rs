//! Limit behaviour: programs that build huge results end with `Error::Limit(Memory)`
//! (refused before the result is built, or when growth is charged), and a normal program
//! under the same limit succeeds; `time.sleep` is charged to the duration limit; and
//! `sys.setrecursionlimit` cannot raise the embedder's recursion limit.

use std::time::Duration;

use pyward::{Error, LimitKind, Limits, Program};

/// 8 MB: far below every huge case, far above the normal one.
const MAX_MEMORY: usize = 8 << 20;

fn run(source: &str) -> Option<Error> {
    let program = match Program::compile(source, "limits.py") {
        Ok(p) => p,
        Err(e) => return Some(e),
    };
    let limits = Limits {
        max_duration: Some(Duration::from_secs(60)),
        max_memory: MAX_MEMORY,
        ..Limits::default()
    };
    program.run(limits.into(), &mut pyward::no_host).error
}

fn assert_memory_limit(source: &str) {
    let got = run(source);
    assert!(
        matches!(got, Some(Error::Limit(LimitKind::Memory))),
        "{source:?}: expected the memory limit, got {got:?}"
    );
}

#[test]
fn str_repeat_is_refused() {
    assert_memory_limit("'a' * 10**9");
}

#[test]
fn list_repeat_is_refused() {
    assert_memory_limit("[0] * 10**9");
}

#[test]
fn appending_big_strings_hits_the_limit() {
    assert_memory_limit("x = []\nwhile True:\n    x.append('y' * 100000 + str(len(x)))\n");
}

#[test]
fn bytes_repeat_is_refused() {
    assert_memory_limit("b'x' * 10**9");
}

#[test]
fn bytearray_of_huge_size_is_refused() {
    assert_memory_limit("bytearray(10**9)");
}

#[test]
fn join_of_huge_list_is_refused() {
    assert_memory_limit("' '.join(['x' * 1000] * 10**6)");
}

#[test]
fn list_of_huge_range_is_refused() {
    assert_memory_limit("list(range(10**9))");
}

#[test]
fn dict_comprehension_growth_is_charged() {
    assert_memory_limit("{i: i for i in range(10**8)}");
}

#[test]
fn list_comprehension_growth_is_charged() {
    assert_memory_limit("[i for i in range(10**8)]");
}

#[test]
fn bytearray_growth_is_charged() {
    assert_memory_limit("b = bytearray()\nwhile True:\n    b.extend(b'x' * 4096)\n");
}

#[test]
fn bytearray_inplace_repeat_is_refused() {
    assert_memory_limit("b = bytearray(b'ab')\nb *= 10**9\n");
}

#[test]
fn list_insert_growth_is_charged() {
    assert_memory_limit("x = []\nwhile True:\n    x.insert(0, 1)\n");
}

#[test]
fn concat_growth_is_refused() {
    assert_memory_limit("x = [0] * 400000\nwhile True:\n    x = x + x\n");
}

#[test]
fn bytes_methods_refuse_huge_results() {
    assert_memory_limit("b'x'.center(10**9)");
    assert_memory_limit("(b'ab' * 1000).replace(b'', b'x' * 100000)");
    assert_memory_limit("b'\\t'.expandtabs(10**9)");
}

#[test]
fn fstring_building_is_refused() {
    assert_memory_limit("s = 'x' * 3000000\nt = f'{s}{s}{s}'\n");
}

#[test]
fn normal_program_under_the_limit_succeeds() {
    let source = "\
x = [i * i for i in range(10000)]
d = {i: str(i) for i in range(5000)}
b = bytearray()
for i in range(10000):
    b.append(i % 256)
s = ' '.join(str(v) for v in x[:1000])
r = range(10**20)
print(len(x), len(d), len(b), len(s), r[10**19])
";
    assert!(run(source).is_none());
}

#[test]
fn sleeping_loop_hits_the_duration_limit_without_blocking() {
    let err = run("import time\nwhile True:\n    time.sleep(1)\n");
    assert!(
        matches!(err, Some(Error::Limit(LimitKind::Duration))),
        "{err:?}"
    );
}

#[test]
fn setrecursionlimit_never_exceeds_the_embedders_limit() {
    let err = run(concat!(
        "import sys\n",
        "sys.setrecursionlimit(10**6)\n",
        "assert sys.getrecursionlimit() == 1000, sys.getrecursionlimit()\n",
        "def f(n): return f(n + 1)\n",
        "try:\n    f(0)\nexcept RecursionError:\n    pass\n",
    ));
    assert!(err.is_none(), "{err:?}");
}
