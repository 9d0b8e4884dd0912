//! The compiler: ruff AST to `Code`, one code object per module, function, class body and
//! comprehension.
//!
//! `Unit` is the code object under construction: instructions with symbolic labels, the
//! per-instruction handler for the exception table, and the fblock stack that `return`,
//! `break` and `continue` unwind through (running `finally` bodies inline, as CPython does).
//! Statements are in `stmt.rs`, expressions in `expr.rs`.

mod except_star;
mod expr;
mod mangle;
mod pattern;
mod scope;
mod stmt;

use std::collections::HashMap;
use std::sync::Arc;

use ruff_python_ast::Stmt;
use ruff_text_size::{Ranged, TextSize};

use crate::bytecode::{Code, CodeFlags, Const, ExcEntry, Op, Span};
use scope::{ScopeKind, ScopeTable};

pub use mangle::{DefNames, mangle, mangle_module};
pub use scope::MAX_AST_DEPTH;

/// Why compilation failed: becomes a SyntaxError (or RecursionError/NotImplementedError).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// Python exception type name.
    pub kind: &'static str,
    /// Message.
    pub msg: String,
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// 1-based column, when known: a byte column inside the compiler, a character column
    /// once `syntax` has finished the error (CPython's `offset`).
    pub col: Option<u32>,
    /// Where the offending text ends: line and 1-based exclusive column (CPython's
    /// `end_lineno`, `end_offset`; 0 and -1 are CPython's own markers for "no end").
    pub end: Option<(u32, i32)>,
    /// The source line CPython's parser (or tokenizer) attaches as `text`. Errors from its
    /// compiler carry none for code given as a string (a file's line is read back instead).
    pub text: Option<String>,
    /// Raised by CPython's symtable, which sets the message alone and the location as
    /// attributes afterwards: `args` is `(msg,)` (symtable.c `PyErr_RangedSyntaxLocationObject`).
    pub symtable: bool,
}

impl CompileError {
    /// A SyntaxError without a location.
    pub fn syntax(msg: impl Into<String>) -> CompileError {
        CompileError {
            kind: "SyntaxError",
            msg: msg.into(),
            line: None,
            col: None,
            end: None,
            text: None,
            symtable: false,
        }
    }

    /// The same error, raised the way CPython's symtable raises it.
    pub fn from_symtable(mut self) -> CompileError {
        self.symtable = true;
        self
    }

    /// Nesting too deep to compile.
    pub fn too_deep() -> CompileError {
        CompileError {
            kind: "RecursionError",
            msg: "maximum recursion depth exceeded during compilation".into(),
            line: None,
            col: None,
            end: None,
            text: None,
            symtable: false,
        }
    }

    /// Attach a location if none is set.
    pub fn at(mut self, line: u32, col: u32) -> CompileError {
        if self.line.is_none() {
            self.line = Some(line);
            self.col = Some(col);
        }
        self
    }

    /// Attach a location and its end if none is set.
    pub fn span(
        mut self,
        (line, col): (u32, u32),
        (end_line, end_col): (u32, u32),
    ) -> CompileError {
        if self.line.is_none() {
            self.line = Some(line);
            self.col = Some(col);
            self.end = Some((end_line, i32::try_from(end_col).unwrap_or(i32::MAX)));
        }
        self
    }
}

/// Maps byte offsets to 1-based lines.
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Index the line starts of `source`.
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0u32];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        }
        LineIndex { starts }
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        let i = usize::try_from(line).ok()?.checked_sub(1)?;
        self.starts.get(i).map(|&s| s as usize)
    }

    /// 1-based line and column of a byte offset.
    pub fn locate(&self, offset: TextSize) -> (u32, u32) {
        let off = offset.to_u32();
        let line = match self.starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        (u32::try_from(line + 1).unwrap_or(u32::MAX), off - start + 1)
    }
}

/// A jump label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Label(u32);

/// What `return`/`break`/`continue` must unwind through. Each records how many handlers
/// were active outside it, so code emitted while unwinding is covered only by those.
#[derive(Clone, Copy, Debug)]
enum FBlock<'a> {
    /// A `for` loop: its iterator is on the stack.
    For { cont: Label, brk: Label },
    /// A `while` loop.
    While { cont: Label, brk: Label },
    /// A `try` with a `finally` body to run on the way out.
    Finally {
        body: &'a [Stmt],
        handler_len: usize,
    },
    /// The exceptional path of a `finally` body: saved and current exception on the stack.
    FinallyEnd,
    /// An except handler body: the saved exception is on the stack. Leaving it (`PopExcept`,
    /// clearing the name) runs outside the handler's cleanup range, as in CPython: the range's
    /// depth counts the saved exception, which is gone by then.
    Handler {
        name: Option<&'a str>,
        handler_len: usize,
    },
    /// A `with` body: the exit callable is on the stack. `async with` awaits its result.
    With { handler_len: usize, is_async: bool },
    /// An `except*` clause body: the saved exception, the original group, the list of
    /// raised parts and the unmatched rest are on the stack. Nothing may jump out of it
    /// (`break`, `continue` and `return` are SyntaxErrors, as in CPython).
    ExceptStar,
    /// A `finally` body run while a `return` unwinds: the return value waits on the stack,
    /// and a `break`, `continue` or `return` in the body drops it (CPython's POP_VALUE).
    PopValue,
}

impl FBlock<'_> {
    /// How many values the block keeps on the stack while its body runs (what its exit
    /// actions pop): a loop's iterator, a handler's saved exception, a `with` block's exit.
    fn stack_values(&self) -> u32 {
        match self {
            FBlock::For { .. }
            | FBlock::Handler { .. }
            | FBlock::With { .. }
            | FBlock::PopValue => 1,
            FBlock::FinallyEnd => 2,
            FBlock::ExceptStar => 4,
            FBlock::While { .. } | FBlock::Finally { .. } => 0,
        }
    }
}

/// The code object under construction.
struct Unit {
    scope: usize,
    kind: ScopeKind,
    name: String,
    qualname: String,
    first_line: u32,
    ops: Vec<Op>,
    lines: Vec<u32>,
    spans: Vec<Span>,
    handlers: Vec<Option<(Label, u32)>>,
    consts: Vec<Const>,
    /// `consts` by a text key (see `add_const`): deduplication without a quadratic scan.
    const_index: HashMap<String, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    labels: Vec<Option<u32>>,
    handler_stack: Vec<Option<(Label, u32)>>,
    /// Values that enclosing blocks keep on the stack (loop iterators, saved exceptions).
    block_depth: u32,
    /// The source position of the instructions emitted now: the line, and the rest of the
    /// range of the innermost statement or expression being compiled.
    line: u32,
    span: Span,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: CodeFlags,
    doc: Option<String>,
}

/// The compiler state for one module.
pub struct Compiler<'src> {
    scopes: ScopeTable,
    units: Vec<Unit>,
    /// The fblock stack of each unit (kept apart from `Unit` to borrow the AST).
    fblocks: Vec<Vec<FBlock<'src>>>,
    lines: LineIndex,
    filename: Arc<str>,
    source: &'src str,
    depth: usize,
    /// What module-level expression statements do with their value.
    top_level: TopLevel,
    /// `from __future__ import annotations`: annotations are kept as source strings.
    future_annotations: bool,
    /// The leading `from __future__` statements (by address); any other is a SyntaxError.
    future_stmts: Vec<usize>,
}

/// What a module-level expression statement does with its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopLevel {
    /// Drop it (a program, `exec`).
    Discard,
    /// Keep the last one as the run's result (REPL-style, `Program::run`).
    Record,
    /// Show it through `sys.displayhook`, as `compile(..., 'single')` code does (CPython's
    /// PRINT_EXPR).
    Display,
}

/// Compile a parsed module body.
pub fn compile_module<'a>(
    body: &'a [Stmt],
    def_names: DefNames,
    source: &'a str,
    filename: &str,
    top_level: TopLevel,
) -> Result<Arc<Code>, CompileError> {
    let lines = LineIndex::new(source);
    let scopes = scope::analyse(body, def_names, &lines)?;
    let (future_annotations, future_stmts) = stmt::future_features(body, source)?;
    let mut c = Compiler {
        scopes,
        units: Vec::new(),
        fblocks: Vec::new(),
        lines,
        filename: Arc::from(filename),
        source,
        depth: 0,
        top_level,
        future_annotations,
        future_stmts,
    };
    c.push_unit(0, "<module>".into(), "<module>".into(), 1);
    c.module_annotations(body);
    c.body(body)?;
    c.emit(Op::LoadNone);
    c.emit(Op::ReturnValue);
    let code = c.pop_unit()?;
    Ok(Arc::new(code))
}

/// Compile a single expression (for `eval`) into module code that returns its value.
pub fn compile_eval<'a>(
    expr: &'a ruff_python_ast::Expr,
    source: &'a str,
    filename: &str,
) -> Result<Arc<Code>, CompileError> {
    let stmt = ruff_python_ast::Stmt::Expr(ruff_python_ast::StmtExpr {
        node_index: ruff_python_ast::AtomicNodeIndex::default(),
        range: ruff_text_size::TextRange::default(),
        value: Box::new(expr.clone()),
    });
    let body = vec![stmt];
    let lines = LineIndex::new(source);
    let scopes = scope::analyse(&body, DefNames::new(), &lines)?;
    let mut c = Compiler {
        scopes,
        units: Vec::new(),
        fblocks: Vec::new(),
        lines,
        filename: Arc::from(filename),
        source,
        depth: 0,
        top_level: TopLevel::Discard,
        future_annotations: false,
        future_stmts: Vec::new(),
    };
    c.push_unit(0, "<module>".into(), "<module>".into(), 1);
    if let Some(ruff_python_ast::Stmt::Expr(e)) = body.first() {
        c.expr(&e.value)?;
    }
    c.emit(Op::ReturnValue);
    let code = c.pop_unit()?;
    Ok(Arc::new(code))
}

impl Compiler<'_> {
    fn unit(&mut self) -> &mut Unit {
        let last = self.units.len().saturating_sub(1);
        // A unit is always pushed before any emission.
        &mut self.units[last]
    }

    fn unit_ref(&self) -> &Unit {
        let last = self.units.len().saturating_sub(1);
        &self.units[last]
    }

    fn push_unit(&mut self, scope: usize, name: String, qualname: String, first_line: u32) {
        let kind = self
            .scopes
            .scopes
            .get(scope)
            .map_or(ScopeKind::Module, |s| s.kind);
        self.fblocks.push(Vec::new());
        self.units.push(Unit {
            scope,
            kind,
            name,
            qualname,
            first_line,
            ops: Vec::new(),
            lines: Vec::new(),
            spans: Vec::new(),
            handlers: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            labels: Vec::new(),
            handler_stack: Vec::new(),
            block_depth: 0,
            line: first_line,
            span: Span {
                end_line: first_line,
                col: 0,
                end_col: 0,
            },
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: CodeFlags {
                class_body: kind == ScopeKind::Class,
                ..CodeFlags::default()
            },
            doc: None,
        });
    }

    fn pop_unit(&mut self) -> Result<Code, CompileError> {
        self.fblocks.pop();
        let Some(u) = self.units.pop() else {
            return Err(CompileError::syntax("internal: no code unit"));
        };
        let scope = &self.scopes.scopes[u.scope];
        let mut ops = u.ops;
        for op in &mut ops {
            if let Some(t) = jump_target_mut(op) {
                let label = *t as usize;
                *t = u.labels.get(label).copied().flatten().unwrap_or(0);
            }
        }
        let mut exc_table: Vec<ExcEntry> = Vec::new();
        let mut i = 0;
        while i < u.handlers.len() {
            if let Some((label, depth)) = u.handlers[i] {
                let start = i;
                while i < u.handlers.len() && u.handlers[i] == Some((label, depth)) {
                    i += 1;
                }
                let target = u
                    .labels
                    .get(label.0 as usize)
                    .copied()
                    .flatten()
                    .unwrap_or(0);
                exc_table.push(ExcEntry {
                    start: to_u32(start),
                    end: to_u32(i),
                    target,
                    depth,
                });
            } else {
                i += 1;
            }
        }
        let (varnames, cellvars, freevars) = match u.kind {
            ScopeKind::Function | ScopeKind::Comprehension => (
                scope.varnames.clone(),
                scope.cellvars.clone(),
                scope.freevars.clone(),
            ),
            ScopeKind::Class => (Vec::new(), scope.cellvars.clone(), scope.freevars.clone()),
            ScopeKind::Module => (Vec::new(), Vec::new(), Vec::new()),
        };
        let cell_params = cellvars
            .iter()
            .map(|c| scope.params.iter().position(|p| p == c).map(to_u32))
            .collect();
        let mut flags = u.flags;
        flags.generator = scope.is_generator;
        flags.coroutine = scope.is_coroutine;
        Ok(Code {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            ops,
            lines: u.lines,
            spans: u.spans,
            consts: u.consts,
            names: u.names,
            varnames,
            cellvars,
            freevars,
            cell_params,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags,
            exc_table,
            doc: u.doc,
        })
    }

    /// Emit an instruction at the current line, covered by the current handler.
    fn emit(&mut self, op: Op) {
        let u = self.unit();
        let h = u.handler_stack.last().copied().flatten();
        u.ops.push(op);
        u.lines.push(u.line);
        u.spans.push(u.span);
        u.handlers.push(h);
    }

    fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(None);
        Label(to_u32(u.labels.len() - 1))
    }

    fn bind_label(&mut self, l: Label) {
        let u = self.unit();
        let here = to_u32(u.ops.len());
        if let Some(slot) = u.labels.get_mut(l.0 as usize) {
            *slot = Some(here);
        }
    }

    /// Emit a jump-like instruction to a label (resolved in `pop_unit`).
    fn emit_jump(&mut self, make: fn(u32) -> Op, l: Label) {
        self.emit(make(l.0));
    }

    fn set_line<T: Ranged>(&mut self, node: &T) {
        let (line, _) = self.lines.locate(node.start());
        self.unit().line = line;
    }

    /// Make `node`'s source range the position of the instructions emitted from now on;
    /// returns the position it replaces (`restore_position`).
    fn set_position<T: Ranged>(&mut self, node: &T) -> (u32, Span) {
        let (line, col) = self.lines.locate(node.start());
        let (end_line, end_col) = self.lines.locate(node.end());
        let span = Span {
            end_line,
            col: col - 1,
            end_col: end_col - 1,
        };
        let u = self.unit();
        let before = (u.line, u.span);
        u.line = line;
        u.span = span;
        before
    }

    fn restore_position(&mut self, (line, span): (u32, Span)) {
        let u = self.unit();
        u.line = line;
        u.span = span;
    }

    fn line_col<T: Ranged>(&self, node: &T) -> (u32, u32) {
        self.lines.locate(node.start())
    }

    fn error_at<T: Ranged>(&self, node: &T, msg: impl Into<String>) -> CompileError {
        CompileError::syntax(msg).span(
            self.lines.locate(node.start()),
            self.lines.locate(node.end()),
        )
    }

    fn add_const(&mut self, c: Const) -> u32 {
        let u = self.unit();
        // Equal constants share a slot. The key is the constant's debug text, which tells
        // apart values `==` confuses (`0.0` and `-0.0` inside a tuple) and needs no linear
        // scan (100,000 distinct string constants compiled in quadratic time).
        let key = (!matches!(c, Const::Code(_) | Const::Float(_))).then(|| format!("{c:?}"));
        if let Some(k) = &key {
            if let Some(&i) = u.const_index.get(k) {
                return i;
            }
        }
        u.consts.push(c);
        let i = to_u32(u.consts.len() - 1);
        if let Some(k) = key {
            u.const_index.insert(k, i);
        }
        i
    }

    fn load_const(&mut self, c: Const) {
        if let Const::Int(i) = c {
            if let Ok(small) = i32::try_from(i) {
                self.emit(Op::LoadInt(small));
                return;
            }
        }
        if matches!(c, Const::None) {
            self.emit(Op::LoadNone);
            return;
        }
        let i = self.add_const(c);
        self.emit(Op::LoadConst(i));
    }

    fn name_idx(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        u.names.push(name.to_string());
        let i = to_u32(u.names.len() - 1);
        u.name_index.insert(name.to_string(), i);
        i
    }

    fn current_scope(&self) -> &scope::Scope {
        &self.scopes.scopes[self.unit_ref().scope]
    }

    /// Push an exception handler for the instructions emitted until `pop_handler`.
    fn push_handler(&mut self, l: Label) {
        let depth = self.unit_ref().block_depth;
        self.unit().handler_stack.push(Some((l, depth)));
    }

    fn pop_handler(&mut self) {
        self.unit().handler_stack.pop();
    }

    fn enter_depth(&mut self) -> Result<(), CompileError> {
        self.depth += 1;
        if self.depth > MAX_AST_DEPTH {
            Err(CompileError::too_deep())
        } else {
            Ok(())
        }
    }

    fn leave_depth(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// The source text of a node, for f-string `=` and messages.
    fn source_of<T: Ranged>(&self, node: &T) -> &str {
        let r = node.range();
        self.source
            .get(r.start().to_usize()..r.end().to_usize())
            .unwrap_or("")
    }
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn jump_target_mut(op: &mut Op) -> Option<&mut u32> {
    match op {
        Op::Jump(t)
        | Op::JumpIfFalse(t)
        | Op::JumpIfTrue(t)
        | Op::JumpIfFalseOrPop(t)
        | Op::JumpIfTrueOrPop(t)
        | Op::JumpIfNotNone(t)
        | Op::ForIter(t)
        | Op::CheckEgMatch(t)
        | Op::PrepReraiseStar(t)
        | Op::Send(t) => Some(t),
        _ => None,
    }
}
