//! Runs every program in `tests/cases/<area>/<name>.py` in-process and compares with the
//! CPython 3.11 output checked in beside it (`.out`; `.err` for an uncaught exception: the
//! whole traceback must match when all its frames are in the case file, else its last line).
//! Regenerate expectations with `scripts/bless`.
//!
//! `XFAIL` lists known gaps, strictly: a listed case that passes fails the run.

#![allow(
    clippy::disallowed_methods,
    reason = "the harness reads case files from disk"
)]
#![allow(clippy::print_stdout, reason = "the harness reports its counts")]

use std::path::{Path, PathBuf};

use pyward::{Error, Limits, Program};

/// Known gaps: (case path relative to tests/cases, reason).
const XFAIL: &[(&str, &str)] = &[];

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// Run one case; returns a failure description or None.
fn run_case(path: &Path) -> Option<String> {
    let source = std::fs::read_to_string(path).ok()?;
    let expected_out = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
    let expected_err = std::fs::read_to_string(path.with_extension("err")).ok();
    let name = path.file_name()?.to_string_lossy().to_string();
    let limits = Limits {
        max_duration: Some(std::time::Duration::from_secs(20)),
        ..Limits::default()
    };
    let (stdout, error) = match Program::compile(&source, &name) {
        Ok(p) => {
            let o = p.run(limits.into(), &mut pyward::no_host);
            (o.stdout, o.error)
        }
        Err(e) => (String::new(), Some(e)),
    };
    // An uncaught SystemExit with an int (or None) code ends the process silently with
    // that status, as CPython's does: status 0 is a success, others print nothing.
    let error = match error {
        Some(Error::Exception {
            exit_code: Some(0),
            ref type_name,
            ..
        }) if type_name == "SystemExit" => None,
        other => other,
    };
    if stdout != expected_out {
        return Some(format!(
            "stdout differs:\n--- expected\n{expected_out}\n--- got\n{stdout}\n--- error: {error:?}"
        ));
    }
    let last_line = |e: &Error| -> String {
        match e {
            Error::Syntax { kind, msg, .. } => format!("{kind}: {msg}"),
            Error::Exception {
                type_name,
                message,
                exit_code,
                ..
            } if type_name == "SystemExit" => {
                if exit_code.is_some() {
                    String::new()
                } else {
                    message.clone()
                }
            }
            // The traceback's last line, as printed (with a "Did you mean" suggestion).
            Error::Exception { traceback, .. } => traceback
                .trim_end()
                .lines()
                .last()
                .unwrap_or("")
                .to_string(),
            Error::Limit(k) => format!("limit {k:?}"),
            Error::Internal(m) => format!("internal {m}"),
            other => format!("{other}"),
        }
    };
    match (expected_err, &error) {
        (None, None) => None,
        (None, Some(e)) => Some(format!("unexpected error: {}", last_line(e))),
        (Some(_), None) => Some("expected an error, run succeeded".into()),
        // A syntax error's whole report must match (CPython names the file by its full
        // path, so the file line is compared from its line number on).
        (Some(want), Some(Error::Syntax { traceback, .. })) => {
            let tail = |t: &str| -> Vec<String> {
                t.trim_end()
                    .lines()
                    .map(|l| match l.split_once("\", line ") {
                        Some((_, rest)) if l.starts_with("  File \"") => format!("line {rest}"),
                        _ => l.to_string(),
                    })
                    .collect()
            };
            (tail(&want) != tail(traceback)).then(|| {
                format!("syntax error report differs:\n--- expected\n{want}--- got\n{traceback}")
            })
        }
        // CPython prints only the message of an uncaught SystemExit (`last_line` above).
        (
            Some(want),
            Some(Error::Exception {
                traceback,
                type_name,
                ..
            }),
        ) if type_name != "SystemExit" && own_frames_only(&want, &name) => {
            let (want, got) = (normalize_traceback(&want), normalize_traceback(traceback));
            (want != got).then(|| format!("traceback differs:\n--- expected\n{want}--- got\n{got}"))
        }
        (Some(want), Some(e)) => {
            let want_last = want.trim_end().lines().last().unwrap_or("").to_string();
            let got = last_line(e);
            (want_last != got)
                .then(|| format!("error differs: expected {want_last:?}, got {got:?}"))
        }
    }
}

/// The file name a traceback line `  File "/some/dir/name.py", line 3, in f` names.
fn frame_file(line: &str) -> Option<&str> {
    let rest = line.split_once("File \"")?.1;
    let path = rest.split_once('"')?.0;
    Some(path.rsplit('/').next().unwrap_or(path))
}

/// Whether every frame of CPython's traceback is in the case file itself: those tracebacks
/// are compared whole, while frames in CPython's stdlib files cannot match pyward's bundled
/// modules (only the last line is compared then).
fn own_frames_only(err: &str, name: &str) -> bool {
    err.lines().filter_map(frame_file).all(|f| f == name)
}

/// A traceback as compared: paths reduced to file names (CPython prints the script's
/// absolute path).
fn normalize_traceback(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        match (line.split_once("File \""), frame_file(line)) {
            (Some((head, rest)), Some(file)) => {
                let tail = rest.split_once('"').map_or("", |r| r.1);
                out.push_str(&format!("{head}File \"{file}\"{tail}"));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

#[test]
fn cases_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    assert!(
        !files.is_empty(),
        "no test cases found under {}",
        root.display()
    );
    let mut failures = Vec::new();
    let mut passed = 0;
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let xfail = XFAIL.iter().any(|(p, _)| *p == rel);
        match (run_case(f), xfail) {
            (None, false) => passed += 1,
            (Some(_), true) => {}
            (None, true) => {
                failures.push(format!("{rel}: passes but is listed in XFAIL; remove it"))
            }
            (Some(why), false) => failures.push(format!("{rel}: {why}")),
        }
    }
    println!("{passed} cases passed, {} failed", failures.len());
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
