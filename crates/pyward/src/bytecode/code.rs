//! A compiled code object: instructions, constants, names and the exception table.

use std::sync::Arc;

use super::opcode::Op;

/// A compile-time constant. Plain data: the VM makes heap objects of these on first load.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Const {
    /// `None`
    None,
    /// `True`/`False`
    Bool(bool),
    /// An int that fits in i64.
    Int(i64),
    /// A larger int, as decimal digits.
    BigInt(String),
    /// A float.
    Float(f64),
    /// A complex literal's imaginary part (`1j`).
    Imag(f64),
    /// A str.
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// A tuple of constants (keyword-name tuples, folded literals).
    Tuple(#[serde(deserialize_with = "crate::snapshot::nested_consts")] Vec<Const>),
    /// A frozenset of constants, built as CPython's compiler does (set displays of three or
    /// more constants compile to `BuildSet(0)`, this, `SetUpdate`).
    FrozenSet(#[serde(deserialize_with = "crate::snapshot::nested_consts")] Vec<Const>),
    /// A nested code object (function or comprehension body).
    Code(#[serde(with = "crate::snapshot::code_ref")] Arc<Code>),
    /// `...`
    Ellipsis,
}

/// Code flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CodeFlags {
    /// Takes `*args`.
    pub varargs: bool,
    /// Takes `**kwargs`.
    pub varkeywords: bool,
    /// A generator function.
    pub generator: bool,
    /// An `async def`.
    pub coroutine: bool,
    /// A class body (names go to the namespace dict).
    pub class_body: bool,
}

/// One exception-table row: an exception raised at `start <= ip < end` truncates the value
/// stack to `depth` entries above the locals, pushes the exception and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExcEntry {
    /// First covered instruction.
    pub start: u32,
    /// One past the last covered instruction.
    pub end: u32,
    /// Handler instruction.
    pub target: u32,
    /// Stack depth (above the locals) at the handler.
    pub depth: u32,
}

/// The source range of an instruction's expression, after its start line (`Code::lines`):
/// CPython's `co_positions` without the line. Columns are 0-based UTF-8 byte offsets into
/// their lines, as CPython's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// A compiled function, comprehension, class body or module.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Code {
    /// `__name__`.
    pub name: String,
    /// `__qualname__`.
    pub qualname: String,
    /// Source file name, for tracebacks.
    pub filename: Arc<str>,
    /// First source line.
    pub first_line: u32,
    /// The instructions.
    pub ops: Vec<Op>,
    /// Source line of each instruction (same length as `ops`).
    pub lines: Vec<u32>,
    /// Where in the source each instruction's expression ends and its columns (same length
    /// as `ops`, or empty for code with no column information): a traceback's carets.
    pub spans: Vec<Span>,
    /// Constants, indexed by `LoadConst`.
    pub consts: Vec<Const>,
    /// Attribute, global and import names.
    pub names: Vec<String>,
    /// Local variable names; parameters come first.
    pub varnames: Vec<String>,
    /// Names of locals captured by inner functions (own cells).
    pub cellvars: Vec<String>,
    /// Names captured from enclosing functions (closure cells).
    pub freevars: Vec<String>,
    /// For each cellvar that is also a parameter, the parameter's local index.
    pub cell_params: Vec<Option<u32>>,
    /// Positional parameters (including positional-only).
    pub argcount: u32,
    /// Positional-only parameters.
    pub posonlyargcount: u32,
    /// Keyword-only parameters.
    pub kwonlyargcount: u32,
    /// Flags.
    pub flags: CodeFlags,
    /// Exception handlers, innermost first for overlapping ranges.
    pub exc_table: Vec<ExcEntry>,
    /// The docstring, when the body starts with a string literal.
    pub doc: Option<String>,
}

impl Code {
    /// Number of local slots.
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// Number of cell slots (own cells then free variables).
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// Source line of the instruction at `ip`.
    pub fn line_at(&self, ip: usize) -> u32 {
        self.lines.get(ip).copied().unwrap_or(self.first_line)
    }

    /// Source range of the instruction at `ip`, when known.
    pub fn span_at(&self, ip: usize) -> Option<Span> {
        self.spans.get(ip).copied()
    }

    /// The innermost handler covering `ip`.
    pub fn handler_at(&self, ip: usize) -> Option<ExcEntry> {
        let ip = u32::try_from(ip).ok()?;
        self.exc_table
            .iter()
            .find(|e| e.start <= ip && ip < e.end)
            .copied()
    }
}
