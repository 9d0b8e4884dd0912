//! Errors: the three outcomes of a failed operation, and one constructor per exception type.
//!
//! `RunError::Exc` is a catchable Python exception, `Limit` a breached resource limit that
//! unwinds the whole run, `Internal` a pyward bug. Native code raises cheaply with a pending
//! `Exc::New` (type and message); the VM turns it into a heap object only when Python code
//! needs to see it. CPython-exact message texts live in `messages`.

pub mod messages;
pub mod report;

use crate::heap::LimitKind;
use crate::types::BuiltinType;
use crate::value::{ObjId, Value};

/// The result type of every fallible operation.
pub type PyResult<T> = Result<T, RunError>;

/// A raised exception before or after it becomes a heap object.
#[derive(Debug, Clone)]
pub enum Exc {
    /// A builtin exception raised by native code: type and positional args.
    New {
        /// The exception class.
        ty: BuiltinType,
        /// The args tuple (usually one message string).
        args: ExcArgs,
    },
    /// An exception object already on the heap.
    Obj(ObjId),
}

/// The args of a pending builtin exception.
#[derive(Debug, Clone)]
pub enum ExcArgs {
    /// No args.
    None,
    /// One string arg (the message).
    Msg(String),
    /// One arbitrary value (KeyError's key, StopIteration's value).
    Value(Value),
    /// A message plus the `name` (and, for AttributeError, `obj`) attributes that
    /// NameError, AttributeError and ImportError carry: the traceback's "Did you mean"
    /// suggestion is computed from them when the exception is printed.
    Named {
        /// The message.
        msg: String,
        /// The missing name.
        name: String,
        /// The object whose attribute was missing (None otherwise).
        obj: Value,
    },
    /// The five args of a UnicodeDecodeError or UnicodeEncodeError.
    Codec(Box<CodecArgs>),
}

/// `(encoding, object, start, end, reason)` of a codec error (Objects/exceptions.c
/// UnicodeDecodeError_init, UnicodeEncodeError_init).
#[derive(Debug, Clone)]
pub struct CodecArgs {
    /// The codec's name.
    pub encoding: String,
    /// The bytes being decoded (`Ok`) or the text being encoded (`Err`).
    pub object: Result<Vec<u8>, String>,
    /// Index of the first bad byte or character.
    pub start: usize,
    /// Index after the last bad one.
    pub end: usize,
    /// Why it failed.
    pub reason: String,
}

/// A UnicodeDecodeError for `bytes[start..end]`.
#[cold]
pub fn unicode_decode_error(
    encoding: &str,
    bytes: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> RunError {
    codec_error(
        BuiltinType::UnicodeDecodeError,
        encoding,
        Ok(bytes.to_vec()),
        start,
        end,
        reason,
    )
}

/// A UnicodeEncodeError for the characters `start..end` of `text`.
#[cold]
pub fn unicode_encode_error(
    encoding: &str,
    text: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> RunError {
    codec_error(
        BuiltinType::UnicodeEncodeError,
        encoding,
        Err(text.to_string()),
        start,
        end,
        reason,
    )
}

fn codec_error(
    ty: BuiltinType,
    encoding: &str,
    object: Result<Vec<u8>, String>,
    start: usize,
    end: usize,
    reason: &str,
) -> RunError {
    RunError::Exc(Box::new(Exc::New {
        ty,
        args: ExcArgs::Codec(Box::new(CodecArgs {
            encoding: encoding.to_string(),
            object,
            start,
            end,
            reason: reason.to_string(),
        })),
    }))
}

/// Why an operation failed.
#[derive(Debug, Clone)]
pub enum RunError {
    /// A Python exception, catchable by `except`.
    Exc(Box<Exc>),
    /// A resource limit was breached; unwinds the whole run.
    Limit(LimitKind),
    /// An interpreter bug; surfaces as `SystemError`.
    Internal(&'static str),
}

impl RunError {
    /// A new builtin exception with a message.
    #[cold]
    pub fn new(ty: BuiltinType, msg: impl Into<String>) -> RunError {
        RunError::Exc(Box::new(Exc::New {
            ty,
            args: ExcArgs::Msg(msg.into()),
        }))
    }

    /// A new builtin exception with no args.
    #[cold]
    pub fn bare(ty: BuiltinType) -> RunError {
        RunError::Exc(Box::new(Exc::New {
            ty,
            args: ExcArgs::None,
        }))
    }

    /// A new builtin exception with one value arg.
    #[cold]
    pub fn with_value(ty: BuiltinType, v: Value) -> RunError {
        RunError::Exc(Box::new(Exc::New {
            ty,
            args: ExcArgs::Value(v),
        }))
    }

    /// The memory limit was breached.
    #[cold]
    pub fn memory_limit() -> RunError {
        RunError::Limit(LimitKind::Memory)
    }

    /// Whether this is a pending or materialized exception of (a subclass of) `ty`, as far as
    /// can be told without the heap. Heap exceptions answer false; the VM checks those.
    pub fn is_new(&self, ty: BuiltinType) -> bool {
        matches!(self, RunError::Exc(e) if matches!(**e, Exc::New { ty: t, .. } if t.is_subtype(ty)))
    }
}

macro_rules! exc_constructors {
    ($($fn_name:ident => $ty:ident),* $(,)?) => {
        $(
            #[doc = concat!("Raise `", stringify!($ty), "` with a message.")]
            #[cold]
            pub fn $fn_name(msg: impl Into<String>) -> RunError {
                RunError::new(BuiltinType::$ty, msg)
            }
        )*
    };
}

exc_constructors! {
    type_error => TypeError,
    value_error => ValueError,
    index_error => IndexError,
    name_error => NameError,
    attribute_error => AttributeError,
    zero_division_error => ZeroDivisionError,
    overflow_error => OverflowError,
    runtime_error => RuntimeError,
    recursion_error => RecursionError,
    not_implemented_error => NotImplementedError,
    unbound_local_error => UnboundLocalError,
    assertion_error => AssertionError,
    import_error => ImportError,
    module_not_found_error => ModuleNotFoundError,
    syntax_error => SyntaxError,
    unicode_error => UnicodeError,
    memory_error => MemoryError,
    lookup_error => LookupError,
}

/// Raise `NameError` for a name that is not bound, with its `name` attribute.
#[cold]
pub fn name_not_defined(name: &str) -> RunError {
    RunError::Exc(Box::new(Exc::New {
        ty: BuiltinType::NameError,
        args: ExcArgs::Named {
            msg: messages::name_not_defined(name),
            name: name.to_string(),
            obj: Value::None,
        },
    }))
}

/// Raise `ty(msg)` with its `name` (and `obj`) attributes set, as CPython's attribute lookup
/// and import set them.
#[cold]
pub fn named_error(ty: BuiltinType, msg: String, name: &str, obj: Value) -> RunError {
    RunError::Exc(Box::new(Exc::New {
        ty,
        args: ExcArgs::Named {
            msg,
            name: name.to_string(),
            obj,
        },
    }))
}

/// Raise `KeyError(key)`.
#[cold]
pub fn key_error(key: Value) -> RunError {
    RunError::with_value(BuiltinType::KeyError, key)
}

/// Raise `StopIteration` (with a value when not None).
#[cold]
pub fn stop_iteration(v: Value) -> RunError {
    if matches!(v, Value::None) {
        RunError::bare(BuiltinType::StopIteration)
    } else {
        RunError::with_value(BuiltinType::StopIteration, v)
    }
}

/// One traceback line: where an exception passed through.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TbEntry {
    /// Source file name.
    pub filename: std::sync::Arc<str>,
    /// Function name.
    pub name: String,
    /// 1-based line.
    pub line: u32,
    /// The rest of the source range of the instruction that raised, when known (carets).
    pub span: Option<crate::bytecode::Span>,
}

impl TbEntry {
    /// Whether two entries name the same line of the same function (a recursion's repeated
    /// entries: traceback.c compares file, line and name).
    pub fn same_line(&self, other: &TbEntry) -> bool {
        self.filename == other.filename && self.line == other.line && self.name == other.name
    }
}

/// An exception instance on the heap.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct ExcObj {
    /// The class: `Value::Type` for builtins, a class object for user exceptions.
    pub cls: Value,
    /// `args`.
    pub args: Vec<Value>,
    /// `__cause__` (None when unset).
    pub cause: Value,
    /// `__context__` (None when unset).
    pub context: Value,
    /// `__suppress_context__`.
    pub suppress_context: bool,
    /// Traceback, innermost frame last.
    pub traceback: Vec<TbEntry>,
    /// Instance `__dict__` (a dict object) or None.
    pub dict: Value,
    /// `name` of NameError, AttributeError and ImportError (None when unset).
    pub name: Value,
    /// `obj` of AttributeError (None when unset).
    pub obj: Value,
    /// For a NameError: the raising frame's code (`CodeRt`) and globals, whose names the
    /// traceback's "Did you mean" suggestion searches. None otherwise.
    pub scope: Option<(Value, Value)>,
    /// For an exception group: its `message` (a str) and `exceptions` (a tuple), which
    /// `args` does not hold (a subclass may pass other args to `__init__`). None otherwise.
    pub group: Option<(Value, Value)>,
}

impl ExcObj {
    /// A fresh exception of class `cls` with `args`.
    pub fn new(cls: Value, args: Vec<Value>) -> ExcObj {
        ExcObj {
            cls,
            args,
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            traceback: Vec::new(),
            dict: Value::None,
            name: Value::None,
            obj: Value::None,
            scope: None,
            group: None,
        }
    }

    /// Bytes held beyond the header.
    pub fn size_bytes(&self) -> usize {
        self.args.len() * 16 + self.traceback.len() * 48
    }

    /// Values kept alive.
    pub fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.cls);
        out.extend_from_slice(&self.args);
        out.push(self.cause);
        out.push(self.context);
        out.push(self.dict);
        out.push(self.name);
        out.push(self.obj);
        if let Some((code, globals)) = self.scope {
            out.push(code);
            out.push(globals);
        }
        if let Some((message, excs)) = self.group {
            out.push(message);
            out.push(excs);
        }
    }
}

/// Raise `KeyError` with a message string as its argument.
#[cold]
pub fn key_error_msg(msg: &str) -> RunError {
    RunError::new(BuiltinType::KeyError, msg)
}
