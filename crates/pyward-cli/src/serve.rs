//! `pyward serve`: drive runs over a JSON-lines protocol on stdin/stdout, so a host in any
//! language can run programs, answer host calls and keep sessions without linking Rust.
//! docs/serve.md is the protocol's reference; json_data.rs maps `Data` to JSON.
//!
//! One request per line, answered in order. Runs execute in pause mode: a host call becomes
//! a `call` message and the run waits, by id, until a `resume` request answers it. A
//! malformed line or an unknown request gets an `error` message; the server exits (status
//! 0) at end of input.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use pyward::host::limits::parse_size;
use pyward::{
    ClockPolicy, Error, HostAnswer, HostCall, HostError, HostFunction, LimitKind, Limits, OsPolicy,
    Outcome, Paused, Program, RandomPolicy, RunOptions, Session, SessionStep, Step,
};
use serde_json::{Map, Value as Json, json};

use crate::json_data::{from_json, to_json};

/// Serve requests from stdin until it ends.
pub fn serve() -> u8 {
    let mut server = Server::default();
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let reply = catch_unwind(AssertUnwindSafe(|| server.handle(&line)));
        let reply =
            reply.unwrap_or_else(|_| error_msg(Json::Null, "internal error in pyward serve"));
        emit(&reply);
    }
    0
}

/// Write one message line and flush it.
fn emit(msg: &Json) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{msg}");
    let _ = out.flush();
}

/// The reply when the API refused a request (setting up a session, dumping, loading).
fn api_error_msg(e: &Error) -> Json {
    json!({"op": "error", "message": e.to_string(), "error": error_json(e)})
}

fn error_msg(id: Json, message: &str) -> Json {
    json!({"id": id, "op": "error", "message": message})
}

/// The paused runs and open sessions.
#[derive(Default)]
struct Server {
    runs: HashMap<u64, Paused>,
    sessions: HashMap<u64, Session>,
    last_id: u64,
}

type Reply = Result<Json, String>;

impl Server {
    fn handle(&mut self, line: &str) -> Json {
        let req: Json = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => return error_msg(Json::Null, &format!("malformed JSON: {e}")),
        };
        let id = req.get("id").cloned().unwrap_or(Json::Null);
        let Json::Object(req) = req else {
            return error_msg(id, "a request must be a JSON object");
        };
        let reply = match req.get("op").and_then(Json::as_str) {
            Some("run") => self.run(&req),
            Some("resume") => self.resume(&req),
            Some("cancel") => self.cancel(&req),
            Some("session_new") => self.session_new(&req),
            Some("session_run") => self.session_run(&req),
            Some("session_close") => self.session_close(&req),
            Some("dump") => self.dump(&req),
            Some("load") => self.load(&req),
            Some(other) => Err(format!("unknown op {other:?}")),
            None => Err("missing \"op\"".into()),
        };
        match reply {
            Ok(Json::Object(mut m)) => {
                m.insert("id".into(), id);
                Json::Object(m)
            }
            Ok(other) => other,
            Err(message) => error_msg(id, &message),
        }
    }

    fn fresh_id(&mut self) -> u64 {
        self.last_id += 1;
        self.last_id
    }

    fn run(&mut self, req: &Map<String, Json>) -> Reply {
        let code = req_str(req, "code")?;
        let filename = opt_str(req, "filename")?.unwrap_or("main.py");
        let run = self.fresh_id();
        let options = options(req, ("run", run))?;
        let program = match Program::compile(code, filename) {
            Ok(p) => p,
            Err(e) => return Ok(done_msg(Outcome::from_error(e), ("run", run))),
        };
        Ok(self.run_step(program.start(options), run))
    }

    fn run_step(&mut self, step: Step, run: u64) -> Json {
        match step {
            Step::Paused(p) => {
                let calls = calls_json(p.calls());
                self.runs.insert(run, p);
                json!({"op": "call", "run": run, "calls": calls})
            }
            Step::Done(o) => done_msg(o, ("run", run)),
        }
    }

    fn resume(&mut self, req: &Map<String, Json>) -> Reply {
        let answers = answers(req.get("results"))?;
        if let Some(run) = opt_u64(req, "run")? {
            let paused = self
                .runs
                .remove(&run)
                .ok_or_else(|| format!("no paused run {run}"))?;
            return Ok(self.run_step(paused.resume(answers), run));
        }
        if let Some(s) = opt_u64(req, "session")? {
            let session = self
                .sessions
                .get_mut(&s)
                .ok_or_else(|| format!("no session {s}"))?;
            return Ok(session_msg(session.resume(answers), s));
        }
        Err("resume needs \"run\" or \"session\"".into())
    }

    fn cancel(&mut self, req: &Map<String, Json>) -> Reply {
        let run = opt_u64(req, "run")?.ok_or("cancel needs \"run\"")?;
        self.runs
            .remove(&run)
            .ok_or_else(|| format!("no paused run {run}"))?;
        Ok(json!({"op": "cancelled", "run": run}))
    }

    fn session_new(&mut self, req: &Map<String, Json>) -> Reply {
        let s = self.fresh_id();
        let options = options(req, ("session", s))?;
        match Session::new(options) {
            Ok(session) => {
                self.sessions.insert(s, session);
                Ok(json!({"op": "session", "session": s}))
            }
            Err(e) => Ok(api_error_msg(&e)),
        }
    }

    fn session_run(&mut self, req: &Map<String, Json>) -> Reply {
        let s = opt_u64(req, "session")?.ok_or("session_run needs \"session\"")?;
        let code = req_str(req, "code")?;
        let session = self
            .sessions
            .get_mut(&s)
            .ok_or_else(|| format!("no session {s}"))?;
        Ok(session_msg(session.start(code), s))
    }

    fn session_close(&mut self, req: &Map<String, Json>) -> Reply {
        let s = opt_u64(req, "session")?.ok_or("session_close needs \"session\"")?;
        self.sessions
            .remove(&s)
            .ok_or_else(|| format!("no session {s}"))?;
        Ok(json!({"op": "closed", "session": s}))
    }
}

impl Server {
    /// `dump`: the paused run or the session as base64 snapshot bytes; it stays as it is.
    fn dump(&mut self, req: &Map<String, Json>) -> Reply {
        let dumped = if let Some(run) = opt_u64(req, "run")? {
            let paused = self
                .runs
                .get(&run)
                .ok_or_else(|| format!("no paused run {run}"))?;
            paused.dump()
        } else if let Some(s) = opt_u64(req, "session")? {
            let session = self
                .sessions
                .get(&s)
                .ok_or_else(|| format!("no session {s}"))?;
            session.dump()
        } else {
            return Err("dump needs \"run\" or \"session\"".into());
        };
        match dumped {
            Ok(bytes) => Ok(json!({"op": "snapshot", "data": BASE64.encode(bytes)})),
            Err(e) => Ok(api_error_msg(&e)),
        }
    }

    /// `load`: restore `data` (from `dump`) as a new paused run (`"as": "run"`, the default)
    /// or session (`"as": "session"`) under `limits`. Printed output is captured from then on.
    fn load(&mut self, req: &Map<String, Json>) -> Reply {
        let data = req_str(req, "data")?;
        let bytes = BASE64
            .decode(data)
            .map_err(|e| format!("\"data\" is not base64: {e}"))?;
        let limits = match req.get("limits") {
            Some(j) => limits(j)?,
            None => Limits::default(),
        };
        match opt_str(req, "as")?.unwrap_or("run") {
            "run" => match Paused::load(&bytes, limits) {
                Ok(paused) => {
                    let run = self.fresh_id();
                    Ok(self.run_step(Step::Paused(paused), run))
                }
                Err(e) => Ok(api_error_msg(&e)),
            },
            "session" => match Session::load(&bytes, limits) {
                Ok(session) => {
                    let s = self.fresh_id();
                    let mut reply = json!({"op": "session", "session": s});
                    if session.is_paused() {
                        reply["calls"] = calls_json(session.pending_calls());
                    }
                    self.sessions.insert(s, session);
                    Ok(reply)
                }
                Err(e) => Ok(api_error_msg(&e)),
            },
            other => Err(format!(
                "\"as\" must be \"run\" or \"session\", not {other:?}"
            )),
        }
    }
}

fn session_msg(step: SessionStep, s: u64) -> Json {
    match step {
        SessionStep::Paused(calls) => {
            json!({"op": "call", "session": s, "calls": calls_json(&calls)})
        }
        SessionStep::Done(o) => done_msg(o, ("session", s)),
    }
}

fn calls_json(calls: &[HostCall]) -> Json {
    Json::Array(
        calls
            .iter()
            .map(|c| {
                let mut kwargs = Map::new();
                for (k, v) in &c.kwargs {
                    kwargs.insert(k.clone(), to_json(v));
                }
                json!({
                    "id": c.id,
                    "name": c.name,
                    "args": c.args.iter().map(to_json).collect::<Vec<_>>(),
                    "kwargs": kwargs,
                })
            })
            .collect(),
    )
}

fn done_msg(o: Outcome, (key, id): (&str, u64)) -> Json {
    let mut m = Map::new();
    m.insert("op".into(), json!("done"));
    m.insert(key.into(), json!(id));
    m.insert(
        "result".into(),
        o.result.as_ref().map_or(Json::Null, to_json),
    );
    m.insert("stdout".into(), json!(o.stdout));
    m.insert("stderr".into(), json!(o.stderr));
    m.insert(
        "error".into(),
        o.error.as_ref().map_or(Json::Null, error_json),
    );
    m.insert(
        "stats".into(),
        json!({
            "peak_memory": o.stats.peak_memory,
            "allocations": o.stats.allocations,
            "fuel_used": o.stats.fuel_used,
            "duration": o.stats.duration.as_secs_f64(),
        }),
    );
    Json::Object(m)
}

fn error_json(e: &Error) -> Json {
    match e {
        Error::Syntax {
            kind,
            msg,
            line,
            col,
            traceback,
        } => json!({
            "type": "syntax", "kind": kind, "message": msg, "line": line, "col": col,
            "traceback": traceback,
        }),
        Error::Exception {
            type_name,
            message,
            traceback,
            ..
        } => json!({
            "type": "exception", "type_name": type_name, "message": message,
            "traceback": traceback,
        }),
        Error::Limit(k) => json!({"type": "limit", "limit": limit_name(*k)}),
        Error::Api(m) => json!({"type": "api", "message": m}),
        Error::Internal(m) => json!({"type": "internal", "message": m}),
        other => json!({"type": "other", "message": other.to_string()}),
    }
}

fn limit_name(k: LimitKind) -> &'static str {
    match k {
        LimitKind::Duration => "duration",
        LimitKind::Fuel => "fuel",
        LimitKind::Memory => "memory",
        LimitKind::Allocations => "allocations",
        LimitKind::Output => "output",
    }
}

fn req_str<'a>(req: &'a Map<String, Json>, key: &str) -> Result<&'a str, String> {
    opt_str(req, key)?.ok_or_else(|| format!("missing \"{key}\""))
}

fn opt_str<'a>(req: &'a Map<String, Json>, key: &str) -> Result<Option<&'a str>, String> {
    match req.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("\"{key}\" must be a string")),
    }
}

fn opt_u64(req: &Map<String, Json>, key: &str) -> Result<Option<u64>, String> {
    match req.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(v) => v
            .as_u64()
            .map(Some)
            .ok_or_else(|| format!("\"{key}\" must be a non-negative integer")),
    }
}

/// Run options from a `run` or `session_new` request. Printed output streams as `output`
/// messages when `"stream": true`, else it arrives with `done`.
fn options(req: &Map<String, Json>, (key, id): (&'static str, u64)) -> Result<RunOptions, String> {
    let mut options = RunOptions::new();
    if let Some(l) = req.get("limits") {
        options = options.limits(limits(l)?);
    }
    if let Some(p) = req.get("policy") {
        options = options.policy(policy(p)?);
    }
    match req.get("inputs") {
        None | Some(Json::Null) => {}
        Some(Json::Object(m)) => {
            for (name, v) in m {
                let value = from_json(v.clone()).map_err(|e| format!("input {name:?}: {e}"))?;
                options = options.input(name.clone(), value);
            }
        }
        Some(_) => return Err("\"inputs\" must be an object".into()),
    }
    match req.get("functions") {
        None | Some(Json::Null) => {}
        Some(Json::Array(fs)) => {
            for f in fs {
                options = options.function(function(f)?);
            }
        }
        Some(_) => return Err("\"functions\" must be an array".into()),
    }
    if req.get("stream").and_then(Json::as_bool) == Some(true) {
        options = options.on_stdout(move |text| {
            emit(&json!({"op": "output", key: id, "text": text}));
        });
    }
    Ok(options)
}

fn function(f: &Json) -> Result<HostFunction, String> {
    let Json::Object(m) = f else {
        return Err("a function must be an object".into());
    };
    let mut h = HostFunction::new(req_str(m, "name")?);
    if let Some(s) = opt_str(m, "signature")? {
        h = h.signature(s);
    }
    if let Some(d) = opt_str(m, "doc")? {
        h = h.doc(d);
    }
    if let Some(module) = opt_str(m, "module")? {
        h = h.module(module);
    }
    if let Some(a) = m.get("async") {
        h = h.is_async(a.as_bool().ok_or("\"async\" must be a boolean")?);
    }
    Ok(h)
}

fn limits(j: &Json) -> Result<Limits, String> {
    let Json::Object(m) = j else {
        return Err("\"limits\" must be an object".into());
    };
    let mut l = Limits::default();
    for (k, v) in m {
        let count = || -> Result<Option<u64>, String> {
            match v {
                Json::Null => Ok(None),
                _ => v
                    .as_u64()
                    .map(Some)
                    .ok_or_else(|| format!("limit {k} must be a non-negative integer or null")),
            }
        };
        let size = || -> Result<Option<usize>, String> {
            match v {
                Json::Null => Ok(None),
                Json::String(s) => parse_size(s)
                    .map(Some)
                    .ok_or_else(|| format!("limit {k}: bad size {s:?}")),
                _ => count().map(|c| c.map(|c| usize::try_from(c).unwrap_or(usize::MAX))),
            }
        };
        match k.as_str() {
            "max_duration" => {
                l.max_duration = match v {
                    Json::Null => None,
                    _ => {
                        let secs = v.as_f64().filter(|s| s.is_finite() && *s >= 0.0);
                        let secs = secs.ok_or("max_duration must be seconds or null")?;
                        Some(Duration::try_from_secs_f64(secs).map_err(|e| e.to_string())?)
                    }
                };
            }
            "max_fuel" => l.max_fuel = count()?,
            "max_memory" => l.max_memory = size()?.unwrap_or(usize::MAX),
            "max_allocations" => l.max_allocations = count()?.unwrap_or(u64::MAX),
            "max_recursion" => {
                let n = count()?.ok_or("max_recursion cannot be null")?;
                l.max_recursion = usize::try_from(n).unwrap_or(usize::MAX).max(1);
            }
            "max_output" => l.max_output = size()?.unwrap_or(usize::MAX),
            other => return Err(format!("unknown limit {other:?}")),
        }
    }
    Ok(l)
}

fn policy(j: &Json) -> Result<OsPolicy, String> {
    let Json::Object(m) = j else {
        return Err("\"policy\" must be an object".into());
    };
    let mut p = OsPolicy::default();
    for (k, v) in m {
        match (k.as_str(), v) {
            ("clock", Json::String(c)) if c == "real" => p.clock = ClockPolicy::Real,
            ("clock", Json::String(c)) if c == "host" => p.clock = ClockPolicy::Host,
            ("clock", Json::Object(c)) if c.contains_key("frozen") => {
                let secs = c
                    .get("frozen")
                    .and_then(Json::as_f64)
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .ok_or("clock.frozen must be Unix seconds")?;
                let at = Duration::try_from_secs_f64(secs).map_err(|e| e.to_string())?;
                p.clock = ClockPolicy::Frozen(at);
            }
            ("random", Json::String(r)) if r == "entropy" => p.random = RandomPolicy::Entropy,
            ("random", Json::Object(r)) if r.contains_key("seed") => {
                let seed = r
                    .get("seed")
                    .and_then(Json::as_u64)
                    .ok_or("random.seed must be a non-negative integer")?;
                p.random = RandomPolicy::Seed(seed);
            }
            ("max_sleep", Json::Null) => p.max_sleep = None,
            ("max_sleep", v) => {
                let secs = v
                    .as_f64()
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .ok_or("max_sleep must be seconds or null")?;
                p.max_sleep = Some(Duration::try_from_secs_f64(secs).map_err(|e| e.to_string())?);
            }
            (other, _) => return Err(format!("bad policy entry {other:?}")),
        }
    }
    Ok(p)
}

/// Host-call answers: `[{"id": 7, "value": ...}, {"id": 8, "error": {"type": T, "message": M}}]`.
fn answers(j: Option<&Json>) -> Result<Vec<HostAnswer>, String> {
    let Some(Json::Array(items)) = j else {
        return Err("resume needs \"results\": an array".into());
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let Json::Object(m) = item else {
            return Err("each result must be an object".into());
        };
        let id = opt_u64(m, "id")?.ok_or("each result needs an \"id\"")?;
        let answer = match m.get("error") {
            Some(Json::Object(e)) => Err(HostError::new(
                opt_str(e, "type")?.unwrap_or("RuntimeError"),
                opt_str(e, "message")?.unwrap_or(""),
            )),
            Some(Json::Null) | None => {
                let v = m.get("value").cloned().unwrap_or(Json::Null);
                Ok(from_json(v).map_err(|e| format!("result {id}: {e}"))?)
            }
            Some(_) => return Err("\"error\" must be an object".into()),
        };
        out.push((id, answer));
    }
    Ok(out)
}
