//! The fields CPython keeps on SyntaxError, OSError and codec error instances, and their `str`.
//!
//! CPython sets these fields from the constructor's args (Objects/exceptions.c
//! `SyntaxError_init`, `oserror_parse_args`/`oserror_init`); pyward reads them from `args`
//! when asked, after an assignment to the field (kept in the instance dict). An OSError built
//! with a filename keeps it in the exception's `name` slot (and filename2 in `obj`), since
//! CPython drops both from `args`; a SyntaxError from CPython's symtable, whose args are just
//! `(msg,)`, keeps its location tuple in `obj`.

use crate::exc::{ExcObj, PyResult, messages::string as msg};
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

/// The SyntaxError fields, in the order of the args' info tuple.
const SYNTAX_FIELDS: [&str; 6] = [
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
];

/// The fields of UnicodeDecodeError and UnicodeEncodeError, in the order of their args.
const CODEC_FIELDS: [&str; 5] = ["encoding", "object", "start", "end", "reason"];

/// Errno values of the Linux ABI that pick an OSError subclass (Objects/exceptions.c
/// `_PyExc_InitState` ADD_ERRNO).
const ERRNO_TYPES: &[(i64, BuiltinType)] = &[
    (1, BuiltinType::PermissionError),          // EPERM
    (2, BuiltinType::FileNotFoundError),        // ENOENT
    (3, BuiltinType::ProcessLookupError),       // ESRCH
    (4, BuiltinType::InterruptedError),         // EINTR
    (10, BuiltinType::ChildProcessError),       // ECHILD
    (11, BuiltinType::BlockingIOError),         // EAGAIN, EWOULDBLOCK
    (13, BuiltinType::PermissionError),         // EACCES
    (17, BuiltinType::FileExistsError),         // EEXIST
    (20, BuiltinType::NotADirectoryError),      // ENOTDIR
    (21, BuiltinType::IsADirectoryError),       // EISDIR
    (32, BuiltinType::BrokenPipeError),         // EPIPE
    (103, BuiltinType::ConnectionAbortedError), // ECONNABORTED
    (104, BuiltinType::ConnectionResetError),   // ECONNRESET
    (108, BuiltinType::BrokenPipeError),        // ESHUTDOWN
    (110, BuiltinType::TimeoutError),           // ETIMEDOUT
    (111, BuiltinType::ConnectionRefusedError), // ECONNREFUSED
    (114, BuiltinType::BlockingIOError),        // EALREADY
    (115, BuiltinType::BlockingIOError),        // EINPROGRESS
];

/// Move the filenames out of an OSError's args (`oserror_init`): `(filename, filename2)`.
fn split_os_args(cls: Value, args: &mut Vec<Value>) -> (Value, Value) {
    if !(2..=5).contains(&args.len()) {
        return (Value::None, Value::None);
    }
    let f = args.get(2).copied().unwrap_or(Value::None);
    // BlockingIOError's third argument may be the number of characters written.
    let written =
        matches!(cls, Value::Type(BuiltinType::BlockingIOError)) && matches!(f, Value::Int(_));
    if matches!(f, Value::None) || written {
        return (Value::None, Value::None);
    }
    let f2 = args.get(4).copied().unwrap_or(Value::None);
    args.truncate(2);
    (f, f2)
}

impl Vm {
    /// A new exception of builtin class `t` (or of user class `cls` based on it) from
    /// positional args: `OSError(errno, strerror[, filename[, winerror[, filename2]]])`
    /// picks the subclass for errno and moves the filenames out of `args`.
    pub(crate) fn new_exception(
        &mut self,
        cls: Value,
        base: BuiltinType,
        args: Vec<Value>,
    ) -> PyResult<Value> {
        let mut cls = cls;
        let mut args = args;
        if base.is_subtype(BuiltinType::OSError) && (2..=5).contains(&args.len()) {
            if matches!(cls, Value::Type(BuiltinType::OSError)) {
                if let Some(Value::Int(n)) = args.first() {
                    if let Some((_, t)) = ERRNO_TYPES.iter().find(|(e, _)| e == n) {
                        cls = Value::Type(*t);
                    }
                }
            }
        }
        let (filename, filename2) = if base.is_subtype(BuiltinType::OSError) {
            split_os_args(cls, &mut args)
        } else {
            (Value::None, Value::None)
        };
        let mut e = ExcObj::new(cls, args);
        e.name = filename;
        e.obj = filename2;
        self.alloc(Object::Exception(Box::new(e)))
    }

    /// `BaseException.__init__(exc, *args)`: set `args` (an OSError's filenames apart, as
    /// `OSError.__init__` does for a subclass that overrides `__init__`).
    pub(crate) fn init_exception_args(&mut self, exc: Value, mut args: Vec<Value>) {
        let Some(Object::Exception(e)) = self.heap.get_obj(exc) else {
            return;
        };
        let cls = e.cls;
        let os = self.is_subclass(cls, Value::Type(BuiltinType::OSError));
        let names = if os {
            Some(split_os_args(cls, &mut args))
        } else {
            None
        };
        if let Some(Object::Exception(e)) = exc.obj().map(|id| self.heap.get_mut(id)) {
            e.args = args;
            if let Some((f, f2)) = names {
                e.name = f;
                e.obj = f2;
            }
        }
    }

    /// A SyntaxError or OSError field of exception `exc`, or None when `attr` is not one
    /// of that class's fields.
    pub(crate) fn exception_field(&mut self, exc: Value, attr: &str) -> PyResult<Option<Value>> {
        let Some(Object::Exception(e)) = self.heap.get_obj(exc) else {
            return Ok(None);
        };
        let (cls, dict) = (e.cls, e.dict);
        let syntax = self.is_subclass(cls, Value::Type(BuiltinType::SyntaxError));
        let os = !syntax && self.is_subclass(cls, Value::Type(BuiltinType::OSError));
        let codec = self.is_codec_error(cls);
        let known = (codec && CODEC_FIELDS.contains(&attr))
            || (syntax
                && (attr == "msg"
                    || attr == "print_file_and_line"
                    || SYNTAX_FIELDS.contains(&attr)))
            || (os
                && matches!(
                    attr,
                    "errno" | "strerror" | "filename" | "filename2" | "characters_written"
                ));
        if !known {
            return Ok(None);
        }
        if !matches!(dict, Value::None) {
            let key = self.intern(attr)?;
            if let Some(v) = self.dict_get(dict, key)? {
                return Ok(Some(v));
            }
        }
        let Some(Object::Exception(e)) = self.heap.get_obj(exc) else {
            return Ok(None);
        };
        let args = e.args.clone();
        let (name, obj) = (e.name, e.obj);
        if codec {
            let i = CODEC_FIELDS.iter().position(|f| *f == attr).unwrap_or(0);
            return Ok(args.get(i).copied());
        }
        if syntax {
            if attr == "msg" {
                return Ok(Some(args.first().copied().unwrap_or(Value::None)));
            }
            if attr == "print_file_and_line" {
                return Ok(Some(Value::None));
            }
            let info = match (args.as_slice(), obj) {
                ([_, info], _) => self.collect_iterable(*info)?,
                (_, Value::None) => Vec::new(),
                (_, info) => self.collect_iterable(info)?,
            };
            let i = SYNTAX_FIELDS.iter().position(|f| *f == attr).unwrap_or(0);
            return Ok(Some(info.get(i).copied().unwrap_or(Value::None)));
        }
        let two = (2..=5).contains(&args.len()) || !matches!(name, Value::None);
        Ok(Some(match attr {
            "errno" if two => args.first().copied().unwrap_or(Value::None),
            "strerror" if two => args.get(1).copied().unwrap_or(Value::None),
            "filename" => name,
            "filename2" => obj,
            "characters_written" => {
                let written =
                    matches!(cls, Value::Type(BuiltinType::BlockingIOError)) && args.len() >= 3;
                match args.get(2) {
                    Some(v @ Value::Int(_)) if written => *v,
                    _ => {
                        return Err(crate::exc::attribute_error("characters_written"));
                    }
                }
            }
            _ => Value::None,
        }))
    }

    /// `str(e)` for a SyntaxError (`SyntaxError_str`) or OSError (`OSError_str`); None for
    /// other exceptions.
    pub(crate) fn exception_field_str(&mut self, exc: Value) -> PyResult<Option<String>> {
        let Some(Object::Exception(e)) = self.heap.get_obj(exc) else {
            return Ok(None);
        };
        let cls = e.cls;
        if self.is_subclass(cls, Value::Type(BuiltinType::SyntaxError)) {
            let msg = self.exception_field(exc, "msg")?.unwrap_or(Value::None);
            let filename = self
                .exception_field(exc, "filename")?
                .unwrap_or(Value::None);
            let lineno = self.exception_field(exc, "lineno")?.unwrap_or(Value::None);
            let msg = self.str(msg)?;
            let file = self
                .str_of(filename)
                .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
            let line = match lineno {
                Value::Int(n) => Some(n),
                _ => None,
            };
            return Ok(Some(match (file, line) {
                (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
                (Some(f), None) => format!("{msg} ({f})"),
                (None, Some(l)) => format!("{msg} (line {l})"),
                (None, None) => msg,
            }));
        }
        if self.is_codec_error(cls) {
            return self.codec_error_str(exc);
        }
        if self.is_subclass(cls, Value::Type(BuiltinType::OSError)) {
            let errno = self.exception_field(exc, "errno")?.unwrap_or(Value::None);
            let strerror = self
                .exception_field(exc, "strerror")?
                .unwrap_or(Value::None);
            let filename = self
                .exception_field(exc, "filename")?
                .unwrap_or(Value::None);
            let filename2 = self
                .exception_field(exc, "filename2")?
                .unwrap_or(Value::None);
            if !matches!(filename, Value::None) {
                let (n, s, f) = (self.str(errno)?, self.str(strerror)?, self.repr(filename)?);
                if !matches!(filename2, Value::None) {
                    let f2 = self.repr(filename2)?;
                    return Ok(Some(format!("[Errno {n}] {s}: {f} -> {f2}")));
                }
                return Ok(Some(format!("[Errno {n}] {s}: {f}")));
            }
            if !matches!(errno, Value::None) && !matches!(strerror, Value::None) {
                let (n, s) = (self.str(errno)?, self.str(strerror)?);
                return Ok(Some(format!("[Errno {n}] {s}")));
            }
        }
        Ok(None)
    }

    fn is_codec_error(&self, cls: Value) -> bool {
        self.is_subclass(cls, Value::Type(BuiltinType::UnicodeDecodeError))
            || self.is_subclass(cls, Value::Type(BuiltinType::UnicodeEncodeError))
    }

    /// `UnicodeDecodeError_str` / `UnicodeEncodeError_str`, from the current fields; None
    /// when they are not an encoding, an object of the right type and int positions.
    fn codec_error_str(&mut self, exc: Value) -> PyResult<Option<String>> {
        let mut f = Vec::with_capacity(CODEC_FIELDS.len());
        for name in CODEC_FIELDS {
            f.push(self.exception_field(exc, name)?.unwrap_or(Value::None));
        }
        let [encoding, object, Value::Int(start), Value::Int(end), reason] = f[..] else {
            return Ok(None);
        };
        let (Some(encoding), Some(reason)) = (self.str_of(encoding), self.str_of(reason)) else {
            return Ok(None);
        };
        let (encoding, reason) = (encoding.to_string(), reason.to_string());
        let (start, end) = (
            usize::try_from(start).unwrap_or(0),
            usize::try_from(end).unwrap_or(0),
        );
        let single = end == start.saturating_add(1);
        Ok(match self.heap.get_obj(object) {
            Some(Object::Bytes(b)) => {
                let bad = b.get(start).copied().filter(|_| single);
                Some(msg::cannot_decode(&encoding, bad, start, end, &reason))
            }
            Some(Object::Str(t)) => {
                let bad = t.s.chars().nth(start).filter(|_| single);
                Some(msg::cannot_encode(&encoding, bad, start, end, &reason))
            }
            _ => None,
        })
    }

    /// For a SyntaxError whose `lineno` is an int: the location lines CPython prints above
    /// it and the `str` of its `msg`, which replaces `str(e)` in the last line
    /// (pythonrun.c `parse_syntax_error`; subclasses print a single caret).
    pub(crate) fn syntax_error_report(&mut self, exc: Value) -> Option<(String, String)> {
        let Some(Object::Exception(e)) = self.heap.get_obj(exc) else {
            return None;
        };
        let cls = e.cls;
        if !self.is_subclass(cls, Value::Type(BuiltinType::SyntaxError)) {
            return None;
        }
        let field = |vm: &mut Vm, name: &str| {
            vm.exception_field(exc, name)
                .ok()
                .flatten()
                .unwrap_or(Value::None)
        };
        let Value::Int(lineno) = field(self, "lineno") else {
            return None;
        };
        let int = |v: Value| match v {
            Value::Int(n) => Some(n),
            _ => None,
        };
        let exact = matches!(cls, Value::Type(BuiltinType::SyntaxError));
        let msg = field(self, "msg");
        let filename = field(self, "filename");
        let offset = int(field(self, "offset"));
        let (end_lineno, end_offset) = if exact {
            (
                int(field(self, "end_lineno")),
                int(field(self, "end_offset")),
            )
        } else {
            (None, None)
        };
        let text = field(self, "text");
        let filename = self.str_of(filename).map(str::to_string);
        let text = self.str_of(text).map(str::to_string);
        let location = crate::exc::report::syntax_location(&crate::exc::report::SyntaxLocation {
            filename: filename.as_deref(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: text.as_deref(),
        });
        let msg = self.str(msg).ok()?;
        Some((location, msg))
    }
}
