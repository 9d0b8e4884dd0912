//! Limit behaviour: programs that build huge results end with `Error::Limit(Memory)`
//! (refused before the result is built, or when growth is charged), and a normal program
//! under the same limit succeeds; `time.sleep` and asyncio's virtual clock are charged to the
//! duration limit; limits hold inside asyncio tasks (and the GC runs there); and
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
    // Insert near the end: each insert is O(1), so the test measures charging, not memmove.
    assert_memory_limit("x = [0]\nwhile True:\n    x.insert(-1, 1)\n");
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

/// Garbage is collected before it alone could breach a small limit: a loop whose live set is
/// a few objects runs to the end under 1 MB and 300 KB, while a list that itself outgrows the
/// limit still ends in `MemoryError`.
#[test]
fn garbage_never_breaches_a_small_limit() {
    let churn = "\
x = 0
for i in range(200000):
    s = [i, i + 1, str(i)]
    x += len(s)
print(x)
";
    let big = "x = [0] * 100000";
    for max_memory in [1 << 20, 300 << 10] {
        let limits = Limits {
            max_memory,
            ..Limits::default()
        };
        let program = Program::compile(churn, "churn.py").unwrap();
        let run = program.run(limits.clone().into(), &mut pyward::no_host);
        assert!(run.error.is_none(), "{max_memory}: {:?}", run.error);
        assert_eq!(run.stdout, "600000\n");
        let program = Program::compile(big, "big.py").unwrap();
        let run = program.run(limits.into(), &mut pyward::no_host);
        assert!(
            matches!(run.error, Some(Error::Limit(LimitKind::Memory))),
            "{max_memory}: {:?}",
            run.error
        );
    }
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

/// Run under a short duration limit (the async tests' loops never block the host).
fn run_briefly(source: &str, secs: u64) -> Option<Error> {
    let program = match Program::compile(source, "limits.py") {
        Ok(p) => p,
        Err(e) => return Some(e),
    };
    let limits = Limits {
        max_duration: Some(Duration::from_secs(secs)),
        max_memory: MAX_MEMORY,
        ..Limits::default()
    };
    program.run(limits.into(), &mut pyward::no_host).error
}

#[test]
fn sleeping_task_hits_the_duration_limit() {
    let err = run_briefly(
        concat!(
            "import asyncio\n",
            "async def f():\n",
            "    while True:\n",
            "        await asyncio.sleep(1)\n",
            "asyncio.run(f())\n",
        ),
        2,
    );
    assert!(
        matches!(err, Some(Error::Limit(LimitKind::Duration))),
        "{err:?}"
    );
}

#[test]
fn deadlocked_event_loop_hits_the_duration_limit() {
    let err = run_briefly(
        concat!(
            "import asyncio\n",
            "async def f():\n",
            "    await asyncio.Event().wait()\n",
            "asyncio.run(f())\n",
        ),
        2,
    );
    assert!(
        matches!(err, Some(Error::Limit(LimitKind::Duration))),
        "{err:?}"
    );
}

#[test]
fn virtual_sleeps_within_the_duration_limit_finish() {
    let err = run_briefly(
        concat!(
            "import asyncio\n",
            "async def f(d):\n",
            "    loop = asyncio.get_running_loop()\n",
            "    t = loop.time()\n",
            "    await asyncio.sleep(d)\n",
            "    return round(loop.time() - t)\n",
            "async def main():\n",
            "    return await asyncio.gather(f(10), f(4))\n",
            "assert asyncio.run(main()) == [10, 4]\n",
        ),
        30,
    );
    assert!(err.is_none(), "{err:?}");
}

#[test]
fn memory_limit_holds_inside_a_task() {
    assert_memory_limit(concat!(
        "import asyncio\n",
        "async def grow():\n",
        "    x = []\n",
        "    while True:\n",
        "        x.append('y' * 100000)\n",
        "        await asyncio.sleep(0)\n",
        "asyncio.run(grow())\n",
    ));
}

#[test]
fn garbage_is_collected_inside_tasks() {
    // Far more garbage than MAX_MEMORY in total, little of it live at once: passes only if
    // collection runs while tasks run.
    let err = run(concat!(
        "import asyncio\n",
        "async def churn(n):\n",
        "    total = 0\n",
        "    for i in range(n):\n",
        "        total += len(str(i) * 200)\n",
        "        if i % 1000 == 0:\n",
        "            await asyncio.sleep(0)\n",
        "    return total\n",
        "async def main():\n",
        "    return await asyncio.gather(churn(40000), churn(40000))\n",
        "r = asyncio.run(main())\n",
        "assert r[0] == r[1] and r[0] > 30_000_000, r\n",
    ));
    assert!(err.is_none(), "{err:?}");
}
