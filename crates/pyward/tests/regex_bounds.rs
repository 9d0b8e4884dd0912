//! `re` stays bounded: a backtracking pattern that uses up its step budget raises a
//! catchable `re.error` instead of running on; many-match operations whose results do not
//! fit end with the memory limit; and a loop of them ends with the duration limit.

use std::time::Duration;

use pyward::{Error, LimitKind, Limits, Program};

fn run(source: &str, limits: Limits) -> (String, Option<Error>) {
    let program = match Program::compile(source, "regex_bounds.py") {
        Ok(p) => p,
        Err(e) => return (String::new(), Some(e)),
    };
    let out = program.run(limits.into(), &mut pyward::no_host);
    (out.stdout, out.error)
}

fn limits(memory: usize, duration: Duration) -> Limits {
    Limits {
        max_duration: Some(duration),
        max_memory: memory,
        ..Limits::default()
    }
}

#[test]
fn exhausted_backtracking_budget_raises_re_error() {
    let src = r#"
import re
try:
    re.search(r"(a|a)+\1$", "a" * 60 + "b")
except re.error as e:
    print("re.error", "backtracking steps" in str(e))
print(re.search(r"(\w+) \1", "say hello hello").group(1))
"#;
    let (out, err) = run(src, limits(64 << 20, Duration::from_secs(60)));
    assert!(err.is_none(), "{err:?}");
    assert_eq!(out, "re.error True\nhello\n");
}

#[test]
fn nested_quantifiers_stay_linear() {
    // CPython takes exponential time here; the linear engine answers at once.
    let src = "import re\nprint(re.search(r'(a+)+$', 'a' * 100000 + 'b'))\n";
    let (out, err) = run(src, limits(64 << 20, Duration::from_secs(60)));
    assert!(err.is_none(), "{err:?}");
    assert_eq!(out, "None\n");
}

#[test]
fn huge_substitution_output_hits_the_memory_limit() {
    let src = "import re\nx = re.sub('a', 'b' * 1000, 'a' * 100000)\n";
    let (_, err) = run(src, limits(8 << 20, Duration::from_secs(60)));
    assert!(
        matches!(err, Some(Error::Limit(LimitKind::Memory))),
        "{err:?}"
    );
}

#[test]
fn huge_findall_hits_the_memory_limit() {
    let src = "import re\nx = re.findall('a', 'a' * 2000000)\n";
    let (_, err) = run(src, limits(8 << 20, Duration::from_secs(60)));
    assert!(
        matches!(err, Some(Error::Limit(LimitKind::Memory))),
        "{err:?}"
    );
}

#[test]
fn many_match_loop_hits_the_duration_limit() {
    let src =
        "import re\ns = 'ab ' * 100000\nwhile True:\n    re.sub(r'(\\w)(\\w)', r'\\2\\1', s)\n";
    let (_, err) = run(src, limits(256 << 20, Duration::from_millis(300)));
    assert!(
        matches!(err, Some(Error::Limit(LimitKind::Duration))),
        "{err:?}"
    );
}
