//! `pyward serve` end to end: spawn the binary, feed it JSON lines, read its replies. Covers
//! the worked transcript of docs/serve.md, streaming output, value tags, misuse (malformed
//! JSON, unknown ops and ids, bad resume) and exit at end of input.
#![expect(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value as Json, json};

struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pyward"))
            .arg("serve")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn pyward serve");
        let stdin = child.stdin.take();
        let stdout = BufReader::new(child.stdout.take().expect("stdout"));
        Server {
            child,
            stdin,
            stdout,
        }
    }

    fn send_line(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        writeln!(stdin, "{line}").expect("write request");
        stdin.flush().expect("flush");
    }

    fn recv(&mut self) -> Json {
        let mut line = String::new();
        self.stdout.read_line(&mut line).expect("read reply");
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("bad reply {line:?}: {e}"))
    }

    /// Send a request and read one reply.
    fn ask(&mut self, req: Json) -> Json {
        self.send_line(&req.to_string());
        self.recv()
    }

    /// Close stdin and wait: the server must exit 0.
    fn finish(mut self) {
        drop(self.stdin.take());
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut self.stdout, &mut rest);
        assert_eq!(rest, "", "unexpected trailing output");
        let status = self.child.wait().expect("wait");
        assert!(status.success(), "{status:?}");
    }
}

#[test]
fn serve_transcript_from_the_docs() {
    let mut s = Server::start();
    let r = s.ask(json!({"id": 1, "op": "run",
        "code": "print('looking')\nhits = search('rust', limit=2)\nlen(hits)",
        "functions": [{"name": "search", "signature": "(query: str, limit: int = 10)"}]}));
    assert_eq!(r["op"], "call", "{r}");
    assert_eq!(r["id"], 1);
    let run = r["run"].clone();
    assert_eq!(
        r["calls"],
        json!([{"id": 1, "name": "search", "args": ["rust", 2], "kwargs": {}}])
    );
    let r = s.ask(json!({"id": 2, "op": "resume", "run": run,
        "results": [{"id": 1, "value": ["a", {"$tuple": [1, 2]}]}]}));
    assert_eq!(r["op"], "done", "{r}");
    assert_eq!(r["result"], 2);
    assert_eq!(r["stdout"], "looking\n");
    assert_eq!(r["error"], Json::Null);
    assert!(r["stats"]["allocations"].as_u64().unwrap() > 0);

    // An error answer is raised at the call site.
    let r = s.ask(json!({"id": 3, "op": "run", "code": "search('x')",
        "functions": [{"name": "search", "signature": "(query: str)"}]}));
    let run = r["run"].clone();
    let r = s.ask(json!({"id": 4, "op": "resume", "run": run,
        "results": [{"id": 1, "error": {"type": "TimeoutError", "message": "upstream timed out"}}]}));
    assert_eq!(r["error"]["type"], "exception");
    assert_eq!(r["error"]["type_name"], "TimeoutError");
    assert_eq!(
        r["error"]["traceback"],
        "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n    search('x')\nTimeoutError: upstream timed out\n"
    );

    // Sessions keep state; values use the tagged forms.
    let r = s.ask(json!({"id": 5, "op": "session_new", "inputs": {"base": 10}}));
    assert_eq!(r["op"], "session", "{r}");
    let session = r["session"].clone();
    let r = s.ask(json!({"id": 6, "op": "session_run", "session": session,
        "code": "def f(x):\n    return x + base"}));
    assert_eq!(
        (r["op"].clone(), r["error"].clone()),
        (json!("done"), Json::Null),
        "{r}"
    );
    let r = s
        .ask(json!({"id": 7, "op": "session_run", "session": session, "code": "f(5), {1: b'hi'}"}));
    assert_eq!(
        r["result"],
        json!({"$tuple": [15, {"$dict": [[1, {"$bytes": "aGk="}]]}]})
    );
    let r = s.ask(json!({"id": 8, "op": "frobnicate"}));
    assert_eq!(
        r,
        json!({"id": 8, "op": "error", "message": "unknown op \"frobnicate\""})
    );
    s.send_line("not json");
    let r = s.recv();
    assert_eq!(r["op"], "error");
    assert_eq!(r["id"], Json::Null);
    assert!(
        r["message"].as_str().unwrap().starts_with("malformed JSON"),
        "{r}"
    );
    s.finish();
}

#[test]
fn serve_streams_output_and_round_trips_values() {
    let mut s = Server::start();
    let r = s.ask(json!({"op": "run", "stream": true, "code": "print('one')\nask()\nprint('two')\nvalue",
        "inputs": {"value": [{"$int": "123456789012345678901234567890"}, {"$float": "-inf"},
            {"$set": [1]}, {"$frozenset": []}, {"$dict": [[{"$tuple": [1]}, null]]}, 1.5, {"k": true}]},
        "functions": [{"name": "ask"}]}));
    assert_eq!(r, json!({"op": "output", "run": 1, "text": "one\n"}));
    let call = s.recv();
    assert_eq!(call["op"], "call");
    let r = s.ask(json!({"op": "resume", "run": 1, "results": [{"id": call["calls"][0]["id"], "value": null}]}));
    assert_eq!(r, json!({"op": "output", "run": 1, "text": "two\n"}));
    let done = s.recv();
    assert_eq!(done["stdout"], "");
    assert_eq!(
        done["result"],
        json!([{"$int": "123456789012345678901234567890"}, {"$float": "-inf"}, {"$set": [1]},
            {"$frozenset": []}, {"$dict": [[{"$tuple": [1]}, null]]}, 1.5, {"k": true}])
    );
    s.finish();
}

#[test]
fn serve_refuses_misuse_cleanly() {
    let mut s = Server::start();
    let bad = [
        json!({"op": "resume", "run": 99, "results": []}),
        json!({"op": "run"}),
        json!({"op": "run", "code": 5}),
        json!({"op": "run", "code": "1", "limits": {"max_bogus": 1}}),
        json!({"op": "run", "code": "1", "inputs": {"x": {"$nope": 1}}}),
        json!({"op": "session_run", "session": 42, "code": "1"}),
        json!({"op": "cancel", "run": 7}),
        json!([1, 2]),
        json!({"no": "op"}),
    ];
    for req in bad {
        let r = s.ask(req.clone());
        assert_eq!(r["op"], "error", "{req} -> {r}");
    }
    // A bad resume ends that run with an API error; a bad input name too.
    let r = s.ask(json!({"op": "run", "code": "ask()", "functions": [{"name": "ask"}]}));
    let run = r["run"].clone();
    let r = s.ask(json!({"op": "resume", "run": run, "results": [{"id": 12345, "value": 1}]}));
    assert_eq!(r["op"], "done");
    assert_eq!(r["error"]["type"], "api", "{r}");
    let r = s.ask(json!({"op": "run", "code": "1", "inputs": {"not valid": 1}}));
    assert_eq!(r["error"]["type"], "api", "{r}");
    let r = s.ask(json!({"op": "run", "code": "def (", "filename": "x.py"}));
    assert_eq!(r["error"]["type"], "syntax", "{r}");
    // Limits apply.
    let r = s.ask(json!({"op": "run", "code": "while True: pass", "limits": {"max_fuel": 1000}}));
    assert_eq!(r["error"], json!({"type": "limit", "limit": "fuel"}));
    // A paused run can be cancelled.
    let r = s.ask(json!({"op": "run", "code": "ask()", "functions": [{"name": "ask"}]}));
    let run = r["run"].clone();
    assert_eq!(
        s.ask(json!({"op": "cancel", "run": run}))["op"],
        "cancelled"
    );
    assert_eq!(
        s.ask(json!({"op": "resume", "run": run, "results": []}))["op"],
        "error"
    );
    s.finish();
}

#[test]
fn serve_exits_on_end_of_input_with_runs_pending() {
    let mut s = Server::start();
    let r = s.ask(json!({"op": "run", "code": "ask()", "functions": [{"name": "ask"}]}));
    assert_eq!(r["op"], "call");
    s.finish();
}

/// A paused run and a session are dumped in one server and restored in another process,
/// where they go on: the run's gathered async calls are answered out of order.
#[test]
fn serve_snapshots_move_runs_and_sessions_between_processes() {
    let code = "import asyncio\nasync def main():\n    return await asyncio.gather(fetch(1), fetch(2), fetch(3))\nasyncio.run(main())";
    let mut first = Server::start();
    let call = first.ask(json!({"op": "run", "code": code,
        "functions": [{"name": "fetch", "signature": "(n)", "async": true}]}));
    assert_eq!(call["op"], "call", "{call}");
    let ids: Vec<u64> = call["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids.len(), 3, "{call}");
    let run = call["run"].clone();
    let snap = first.ask(json!({"op": "dump", "run": run}));
    assert_eq!(snap["op"], "snapshot", "{snap}");
    let session = first.ask(json!({"op": "session_new"}));
    let s = session["session"].clone();
    let done = first.ask(json!({"op": "session_run", "session": s, "code": "x = [1, 2]"}));
    assert_eq!(done["op"], "done", "{done}");
    let session_snap = first.ask(json!({"op": "dump", "session": s}));
    assert_eq!(session_snap["op"], "snapshot", "{session_snap}");
    first.finish();

    let mut second = Server::start();
    let loaded = second.ask(json!({"op": "load", "data": snap["data"]}));
    assert_eq!(loaded["op"], "call", "{loaded}");
    assert_eq!(
        loaded["calls"].as_array().map(Vec::len),
        Some(3),
        "{loaded}"
    );
    let run = loaded["run"].clone();
    let results: Vec<Json> = ids
        .iter()
        .rev()
        .map(|id| json!({"id": id, "value": id * 100}))
        .collect();
    let done = second.ask(json!({"op": "resume", "run": run, "results": results}));
    assert_eq!(done["op"], "done", "{done}");
    assert_eq!(
        done["result"],
        json!(ids.iter().map(|id| id * 100).collect::<Vec<_>>()),
        "{done}"
    );
    let restored = second.ask(json!({"op": "load", "as": "session", "data": session_snap["data"]}));
    assert_eq!(restored["op"], "session", "{restored}");
    let s = restored["session"].clone();
    let done = second.ask(json!({"op": "session_run", "session": s, "code": "x + [3]"}));
    assert_eq!(done["result"], json!([1, 2, 3]), "{done}");
    let bad = second.ask(json!({"op": "load", "data": "AAAA"}));
    assert_eq!(bad["op"], "error", "{bad}");
    let bad = second.ask(json!({"op": "load", "data": "not base64!"}));
    assert_eq!(bad["op"], "error", "{bad}");
    second.finish();
}
