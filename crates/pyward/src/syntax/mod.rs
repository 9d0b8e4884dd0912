//! Source text to a compiled module: nesting pre-scan, parsing with ruff, SyntaxError mapping.
//!
//! ruff's parser recurses on nested brackets, and a deep AST recurses when dropped, so the
//! bracket depth is checked on the raw text first (CPython's limit of 200, "too many nested
//! parentheses"), and large sources are parsed and compiled on a thread with a large stack.

use std::sync::Arc;

use ruff_python_parser::parse_module;

use crate::bytecode::{Code, verify::verify};
use crate::compile::{CompileError, LineIndex, TopLevel, compile_module};
use errors::{Mode, parse_error};

mod anchors;
mod errors;
mod scan;

pub(crate) use anchors::caret_anchors;

/// CPython's tokenizer limit on bracket nesting (Parser/tokenizer.c MAXLEVEL).
const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's limit on indentation levels (Parser/tokenizer.c MAXINDENT).
const MAX_INDENT_LEVELS: usize = 100;
/// Sources larger than this are parsed on a dedicated thread with `BIG_STACK` bytes of stack.
const INLINE_PARSE_BYTES: usize = 8 * 1024;
const BIG_STACK: usize = 512 << 20;

/// Parse and compile a module. `record_result` makes top-level expression statements record
/// their value (REPL-style result).
pub fn compile_source(
    source: &str,
    filename: &str,
    record_result: bool,
) -> Result<Arc<Code>, CompileError> {
    let top = if record_result {
        TopLevel::Record
    } else {
        TopLevel::Discard
    };
    on_big_stack(source, filename, move |s, f| compile_inline(s, f, top))
        .map_err(|e| finish(e, source))
}

/// Compile one interactive statement (`compile(..., 'single')`): its expression statements
/// show their values through `sys.displayhook`.
pub fn compile_single(source: &str, filename: &str) -> Result<Arc<Code>, CompileError> {
    on_big_stack(source, filename, |s, f| {
        compile_inline(s, f, TopLevel::Display)
    })
    .map_err(|e| finish(e, source))
}

/// Run a parse-and-compile step inline for small sources, or on a thread with a large stack
/// for big ones (a deep AST recurses when built, compiled and dropped).
fn on_big_stack(
    source: &str,
    filename: &str,
    f: impl FnOnce(&str, &str) -> Result<Arc<Code>, CompileError> + Send + 'static,
) -> Result<Arc<Code>, CompileError> {
    if source.len() <= INLINE_PARSE_BYTES {
        return f(source, filename);
    }
    let src = source.to_string();
    let name = filename.to_string();
    let handle = std::thread::Builder::new()
        .stack_size(BIG_STACK)
        .spawn(move || f(&src, &name));
    match handle {
        // A panic on the compile thread carries on unwinding in the caller, where the API
        // boundary (`Program::compile`, `eval`) reports it as an internal error.
        Ok(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
        Err(_) => Err(CompileError::too_deep()),
    }
}

/// Compile an expression for `eval`: a module whose body returns the expression's value.
pub fn compile_eval(source: &str, filename: &str) -> Result<Arc<Code>, CompileError> {
    on_big_stack(source, filename, compile_eval_inline).map_err(|e| finish(e, source))
}

/// Turn the byte columns of an error into CPython's 1-based character offsets.
fn finish(mut e: CompileError, source: &str) -> CompileError {
    let idx = LineIndex::new(source);
    let chars = |line: u32, col: u32| -> u32 {
        let Some(start) = idx.line_start(line) else {
            return col;
        };
        let upto = start.saturating_add(col.saturating_sub(1) as usize);
        match source.get(start..upto) {
            Some(s) => u32::try_from(s.chars().count()).map_or(col, |n| n.saturating_add(1)),
            None => col,
        }
    };
    if let (Some(l), Some(c)) = (e.line, e.col) {
        if c > 0 {
            e.col = Some(chars(l, c));
        }
    }
    if let Some((l, c)) = e.end {
        if let Ok(c) = u32::try_from(c) {
            if c > 0 {
                e.end = Some((l, i32::try_from(chars(l, c)).unwrap_or(i32::MAX)));
            }
        }
    }
    e
}

fn compile_eval_inline(source: &str, filename: &str) -> Result<Arc<Code>, CompileError> {
    prescan(source)?;
    let parsed = ruff_python_parser::parse_expression(source)
        .map_err(|e| parse_error(source, &e, Mode::Eval))?;
    let expr = parsed.into_syntax();
    let code = crate::compile::compile_eval(&expr.body, source, filename)?;
    verify(&code).map_err(|m| CompileError::syntax(format!("internal: bad bytecode: {m}")))?;
    Ok(code)
}

fn compile_inline(source: &str, filename: &str, top: TopLevel) -> Result<Arc<Code>, CompileError> {
    #[cfg(test)]
    if source.contains(&format!("{}compile", crate::host::PANIC_MARKER)) {
        #[allow(clippy::panic, reason = "test-only panic injection")]
        {
            panic!("injected compiler panic");
        }
    }
    prescan(source)?;
    let parsed = parse_module(source).map_err(|e| parse_error(source, &e, Mode::Exec))?;
    let mut module = parsed.into_syntax();
    if top == TopLevel::Display {
        // One interactive statement: simple statements may share its line.
        if let (Some(first), Some(last)) = (module.body.first(), module.body.last()) {
            use ruff_text_size::Ranged;
            let idx = LineIndex::new(source);
            let (line, col) = idx.locate(first.end());
            if idx.locate(last.start()).0 != line {
                let text = source
                    .lines()
                    .nth(line.saturating_sub(1) as usize)
                    .unwrap_or("");
                return Err(CompileError {
                    text: Some(format!("{text}\n")),
                    ..CompileError::syntax(
                        "multiple statements found while compiling a single statement",
                    )
                    .span((line, col), (line, col))
                });
            }
        }
    }
    let def_names = crate::compile::mangle_module(&mut module.body);
    let code = compile_module(&module.body, def_names, source, filename, top)?;
    verify(&code).map_err(|m| CompileError::syntax(format!("internal: bad bytecode: {m}")))?;
    Ok(code)
}

/// Reject sources CPython's tokenizer rejects before parsing: null bytes and nesting.
fn prescan(source: &str) -> Result<(), CompileError> {
    if let Some(pos) = source.find('\0') {
        let (line, col) = LineIndex::new(source)
            .locate(ruff_text_size::TextSize::try_from(pos).unwrap_or_default());
        let _ = col;
        return Err(CompileError::syntax("source code cannot contain null bytes").at(line, 1));
    }
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let mut line = 1u32;
    let mut at_line_start = true;
    let mut indents: Vec<usize> = vec![0];
    while i < bytes.len() {
        let c = bytes[i];
        if at_line_start && depth == 0 {
            let mut w = 0;
            let mut j = i;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                w += if bytes[j] == b'\t' { 8 - (w % 8) } else { 1 };
                j += 1;
            }
            if j < bytes.len() && bytes[j] != b'\n' && bytes[j] != b'#' && bytes[j] != b'\r' {
                if w > *indents.last().unwrap_or(&0) {
                    indents.push(w);
                    if indents.len() > MAX_INDENT_LEVELS {
                        return Err(CompileError {
                            kind: "IndentationError",
                            ..CompileError::syntax("too many levels of indentation").at(line, 1)
                        });
                    }
                } else {
                    while indents.len() > 1 && w < *indents.last().unwrap_or(&0) {
                        indents.pop();
                    }
                }
            }
            at_line_start = false;
        }
        match c {
            b'\n' => {
                line += 1;
                at_line_start = true;
                i += 1;
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'\'' | b'"' => {
                let triple = i + 2 < bytes.len() && bytes[i + 1] == c && bytes[i + 2] == c;
                i += if triple { 3 } else { 1 };
                while i < bytes.len() {
                    let d = bytes[i];
                    if d == b'\\' {
                        i += 2;
                        continue;
                    }
                    if d == b'\n' {
                        line += 1;
                        if !triple {
                            break;
                        }
                    }
                    if d == c {
                        if !triple {
                            i += 1;
                            break;
                        }
                        if i + 2 < bytes.len() && bytes[i + 1] == c && bytes[i + 2] == c {
                            i += 3;
                            break;
                        }
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_BRACKET_DEPTH {
                    return Err(CompileError::syntax("too many nested parentheses").at(line, 1));
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    Ok(())
}
