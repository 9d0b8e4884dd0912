//! ruff's parse errors in CPython 3.11's words and places (msg, lineno, offset, end, text).
//!
//! CPython reports a tokenizer error (unterminated string, unmatched or mismatched bracket) as
//! soon as its parser reaches it; a generic "invalid syntax" is replaced by a tokenizer error
//! found anywhere later, or by an unclosed bracket from an earlier line
//! (Parser/pegen_errors.c `_PyPegen_set_syntax_error`,
//! `_PyPegen_tokenize_full_source_to_check_for_errors`). The specific messages come from the
//! `invalid_*` rules of Grammar/python.gram; each arm below names its rule. Columns here are
//! 1-based byte columns; `super::finish` turns them into CPython's character offsets.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{Visitor, walk_expr, walk_stmt};
use ruff_python_ast::{Expr, Stmt, UnaryOp};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::scan::{
    ident_byte, scan_brackets, scan_tokens, string_end, string_prefix_len, token_len,
    top_level_char,
};
use crate::compile::{CompileError, LineIndex};

/// What is being compiled: CPython's `exec` (file) or `eval` (expression) start rule.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Exec,
    Eval,
}

/// The CPython SyntaxError for ruff's first parse error.
pub(super) fn parse_error(source: &str, e: &ParseError, mode: Mode) -> CompileError {
    let at = e.location.start().to_usize();
    let tok = scan_tokens(source);
    let ctx = Ctx {
        source,
        idx: LineIndex::new(source),
        mode,
    };
    let indentation = matches!(
        e.error,
        ParseErrorType::UnexpectedIndentation
            | ParseErrorType::Lexical(LexicalErrorType::IndentationError)
    );
    match &tok.error {
        // Reached before the parser's error, or found by the full-source check that follows
        // any parser error; an indentation error stops the tokenizer first.
        Some(t) if !indentation || t.at <= at => return t.err.clone(),
        _ => {}
    }
    let innermost = tok.open.last().copied();
    if matches!(e.error, ParseErrorType::Lexical(LexicalErrorType::Eof)) {
        if let Some((c, pos)) = innermost {
            return ctx.never_closed(c, pos);
        }
    }
    let err = ctx.specific(e).unwrap_or_else(|| ctx.generic(e.location));
    if indentation {
        return err;
    }
    // The full-source check reports the innermost bracket left open at the end when it was
    // opened on a line before the parser's error.
    if let Some((c, pos)) = innermost {
        if ctx.line_of(pos) < ctx.line_of(at) {
            return ctx.never_closed(c, pos);
        }
    }
    err
}

struct Ctx<'a> {
    source: &'a str,
    idx: LineIndex,
    mode: Mode,
}

impl Ctx<'_> {
    fn line_of(&self, pos: usize) -> u32 {
        self.loc(pos).0
    }

    /// 1-based line and byte column of a byte offset.
    fn loc(&self, pos: usize) -> (u32, u32) {
        self.idx.locate(TextSize::try_from(pos).unwrap_or_default())
    }

    /// The byte range of the line holding `pos`, without its newline.
    fn line_range(&self, pos: usize) -> (usize, usize) {
        let before = self.source.get(..pos).unwrap_or("");
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let rest = self.source.get(start..).unwrap_or("");
        let end = rest.find('\n').map_or(self.source.len(), |i| start + i);
        (start, end)
    }

    /// The source line at `pos` as the parser's error carries it: with its newline (exec
    /// input always ends with one), or as written for eval.
    fn parser_text(&self, pos: usize) -> String {
        let (start, end) = self.line_range(pos);
        let mut t = self.source.get(start..end).unwrap_or("").to_string();
        if self.mode == Mode::Exec || self.source.get(end..).is_some_and(|r| r.starts_with('\n')) {
            t.push('\n');
        }
        t
    }

    /// An error over `start..end` (byte offsets) with the parser's text.
    fn at_range(&self, kind: &'static str, msg: String, start: usize, end: usize) -> CompileError {
        let (line, col) = self.loc(start);
        let (end_line, end_col) = self.loc(end);
        let mut text = self.parser_text(start);
        // The tokenizer has moved past an error that spans lines: the line comes from its
        // buffers, without the newline (pegen_errors.c get_error_line_from_tokenizer_buffers).
        if end_line > line && text.ends_with('\n') {
            text.pop();
        }
        CompileError {
            kind,
            text: Some(text),
            ..CompileError::syntax(msg).span((line, col), (end_line, end_col))
        }
    }

    /// "invalid syntax" at a token. A NEWLINE token has no width in CPython.
    fn generic(&self, r: TextRange) -> CompileError {
        let (start, end) = self.token_range(r);
        let mut e = self.at_range("SyntaxError", "invalid syntax".into(), start, end);
        // eval input has no final NEWLINE: the end marker sits at column -1.
        let rest = self.source.get(start..).unwrap_or("");
        if self.mode == Mode::Eval && rest.trim().is_empty() && !rest.contains('\n') {
            e.col = Some(0);
            e.end = e.line.map(|l| (l, 0));
        }
        e
    }

    fn token_range(&self, r: TextRange) -> (usize, usize) {
        let start = r.start().to_usize();
        let end = r.end().to_usize();
        if self.starts_newline(start) {
            (start, start)
        } else if self
            .source
            .get(start..)
            .is_some_and(|r| r.starts_with("<>"))
        {
            (start, start.saturating_add(2))
        } else if self.source.get(start..).is_some_and(|r| r.starts_with('#')) {
            // 3.11's NEWLINE token after a comment spans the comment.
            (start, self.line_range(start).1)
        } else {
            (start, end.max(start))
        }
    }

    fn starts_newline(&self, pos: usize) -> bool {
        self.source
            .get(pos..)
            .is_none_or(|r| r.is_empty() || r.starts_with('\n') || r.starts_with('\r'))
    }

    /// `'(' was never closed` at the bracket (tokenizer.c, end offset 0). The text is the
    /// bracket's line, with its newline only when it is the last line the tokenizer read.
    fn never_closed(&self, c: char, pos: usize) -> CompileError {
        let (line, col) = self.loc(pos);
        let (start, end) = self.line_range(pos);
        let mut text = self.source.get(start..end).unwrap_or("").to_string();
        let last_line = self.source.get(end..).is_none_or(|r| r.trim().is_empty());
        if last_line && self.mode == Mode::Exec {
            text.push('\n');
        }
        CompileError {
            text: Some(text),
            end: Some((line, 0)),
            ..CompileError::syntax(format!("'{c}' was never closed")).at(line, col)
        }
    }

    /// The error when ruff's error matches one of CPython's specific messages; None for a
    /// generic "invalid syntax".
    fn specific(&self, e: &ParseError) -> Option<CompileError> {
        let r = e.location;
        let start = r.start().to_usize();
        let end = r.end().to_usize();
        let syntax =
            |msg: &str, s: usize, en: usize| self.at_range("SyntaxError", msg.into(), s, en);
        Some(match &e.error {
            ParseErrorType::ExpectedToken { expected, found } => {
                return self.expected_token(*expected, *found, r);
            }
            ParseErrorType::UnexpectedIndentation => {
                // tokenizer.c: the offset is the indented token's column, with no end.
                let (line, col) = self.loc(end);
                CompileError {
                    kind: "IndentationError",
                    text: Some(self.parser_text(start)),
                    end: Some((line, -1)),
                    ..CompileError::syntax("unexpected indent").at(line, col.saturating_sub(1))
                }
            }
            ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
                let (ls, le) = self.line_range(start);
                let (line, _) = self.loc(start);
                let width = u32::try_from(le.saturating_sub(ls)).unwrap_or(u32::MAX);
                CompileError {
                    kind: "IndentationError",
                    text: Some(self.parser_text(start)),
                    end: Some((line, -1)),
                    ..CompileError::syntax("unindent does not match any outer indentation level")
                        .at(line, width.saturating_add(1))
                }
            }
            ParseErrorType::OtherError(m) => return self.other_error(m, r),
            ParseErrorType::SimpleStatementsOnSameLine => return self.legacy_print(start),
            ParseErrorType::InvalidAssignmentTarget => return self.bad_target(r, Target::Assign),
            ParseErrorType::InvalidNamedAssignmentTarget => {
                return self.bad_target(r, Target::Named);
            }
            ParseErrorType::InvalidDeleteTarget => return self.bad_target(r, Target::Delete),
            ParseErrorType::InvalidAugmentedAssignmentTarget => {
                return self.bad_target(r, Target::Augmented);
            }
            ParseErrorType::InvalidAnnotatedAssignmentTarget => {
                syntax("illegal target for annotation", start, end)
            }
            ParseErrorType::UnparenthesizedGeneratorExpression => {
                syntax("Generator expression must be parenthesized", start, end)
            }
            ParseErrorType::InvalidArgumentUnpackingOrder => syntax(
                "iterable argument unpacking follows keyword argument unpacking",
                start,
                start.saturating_add(1),
            ),
            ParseErrorType::PositionalAfterKeywordArgument
            | ParseErrorType::PositionalAfterKeywordUnpacking => {
                // invalid_arguments points at the token after the positional argument.
                let next = self.skip_blanks(end);
                let msg = if self.positional_after_unpacking(start) {
                    "positional argument follows keyword argument unpacking"
                } else {
                    "positional argument follows keyword argument"
                };
                syntax(msg, next, next.saturating_add(1))
            }
            ParseErrorType::NonDefaultParamAfterDefaultParam => {
                syntax("non-default argument follows default argument", start, end)
            }
            ParseErrorType::ParamAfterVarKeywordParam => {
                syntax("arguments cannot follow var-keyword argument", start, end)
            }
            ParseErrorType::ExpectedKeywordParam => {
                let star = self
                    .source
                    .get(..start)
                    .and_then(|b| b.rfind('*'))
                    .unwrap_or(start);
                syntax(
                    "named arguments must follow bare *",
                    star,
                    star.saturating_add(1),
                )
            }
            ParseErrorType::VarParameterWithDefault => syntax(
                "var-positional argument cannot have default value",
                start,
                end,
            ),
            ParseErrorType::InvalidStarredExpressionUsage => {
                let stars = if self
                    .source
                    .get(start..)
                    .is_some_and(|r| r.starts_with("**"))
                {
                    2
                } else {
                    1
                };
                return Some(
                    self.generic(TextRange::new(r.start(), r.start() + TextSize::from(stars))),
                );
            }
            ParseErrorType::FStringError(f)
            | ParseErrorType::Lexical(LexicalErrorType::FStringError(f)) => {
                let msg = match f {
                    InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'",
                    InterpolatedStringErrorType::InvalidConversionFlag => {
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'"
                    }
                    InterpolatedStringErrorType::SingleRbrace => {
                        "f-string: single '}' is not allowed"
                    }
                    InterpolatedStringErrorType::LambdaWithoutParentheses => {
                        "f-string: lambda expressions are not allowed without parentheses"
                    }
                    _ => return None,
                };
                return self.fstring_error(msg, start);
            }
            // The string token is whole (the tokenizer scan found no unterminated string), so
            // an f-string's replacement field is what is left open.
            ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
                return self.fstring_error("f-string: expecting '}'", start);
            }
            ParseErrorType::ExpectedExpression
                if self.source.get(start..).is_some_and(|r| r.starts_with('}'))
                    && self.fstring_token_at(start).is_some() =>
            {
                return self.fstring_error("f-string: empty expression not allowed", start);
            }
            // `<>` is one (refused) token to CPython's tokenizer; ruff stops at either half.
            ParseErrorType::ExpectedExpression if self.ne_token_at(start).is_some() => {
                let from = self.ne_token_at(start).unwrap_or(start);
                return Some(self.at_range(
                    "SyntaxError",
                    "invalid syntax".into(),
                    from,
                    from.saturating_add(2),
                ));
            }
            _ => return None,
        })
    }

    /// The start of a `<>` that begins at `pos` or just before it.
    fn ne_token_at(&self, pos: usize) -> Option<usize> {
        [pos, pos.saturating_sub(1)]
            .into_iter()
            .find(|&p| self.source.get(p..).is_some_and(|r| r.starts_with("<>")))
    }

    /// An f-string's error: 3.11 parses the replacement fields once the string token is
    /// done, and reports at the token after it, with the tokenizer's buffer as the text: the
    /// lines from the string's to that token's, or only that token's line when a newline
    /// inside brackets came between.
    fn fstring_error(&self, msg: &str, pos: usize) -> Option<CompileError> {
        let Some((tok_start, tok_end)) = self.fstring_token_at(pos) else {
            return Some(self.at_range("SyntaxError", msg.into(), pos, pos));
        };
        let (mut buf_start, _) = self.line_range(tok_start);
        let bytes = self.source.as_bytes();
        let mut p = tok_end;
        loop {
            p = self.skip_blanks(p);
            match bytes.get(p..).unwrap_or_default() {
                [b'\\', b'\n', ..] => p = p.saturating_add(2),
                [b'\\', b'\r', b'\n', ..] => p = p.saturating_add(3),
                [b'\r' | b'\n', ..] if !scan_brackets(self.source, p).is_empty() => {
                    p = p.saturating_add(1);
                    buf_start = p;
                }
                // A string after it is concatenated into the same atom.
                rest if string_prefix_len(rest).is_some() => {
                    let q = p.saturating_add(string_prefix_len(rest).unwrap_or(0));
                    p = string_end(bytes, q, bytes.get(q).copied().unwrap_or(b'"'));
                }
                _ => break,
            }
        }
        let (_, line_end) = self.line_range(p);
        let width = match bytes.get(p..).unwrap_or_default() {
            [] | [b'\r' | b'\n', ..] => 0,
            // The comment runs to the end of the line, as 3.11's NEWLINE token after it does.
            [b'#', ..] => line_end.saturating_sub(p),
            rest => token_len(rest),
        };
        let (line, col) = self.loc(p);
        let (_, end_col) = self.loc(p.saturating_add(width));
        let mut text = self
            .source
            .get(buf_start..line_end)
            .unwrap_or("")
            .to_string();
        if self.mode == Mode::Exec || bytes.get(line_end) == Some(&b'\n') {
            text.push('\n');
        }
        Some(CompileError {
            text: Some(text),
            end: Some((line, i32::try_from(end_col).unwrap_or(i32::MAX))),
            ..CompileError::syntax(msg).at(line, col)
        })
    }

    /// The byte range of the f-string token holding `pos`, prefix included: a scan of the
    /// source's strings and comments from its start, as strings may span lines.
    fn fstring_token_at(&self, pos: usize) -> Option<(usize, usize)> {
        let bytes = self.source.as_bytes();
        let mut i = 0usize;
        while let Some(&c) = bytes.get(i) {
            if i > pos {
                return None;
            }
            match c {
                b'#' => {
                    let (_, le) = self.line_range(i);
                    i = le.max(i.saturating_add(1));
                }
                b'\'' | b'"' => {
                    // The name run before the quote is a prefix only when it is a string
                    // prefix; otherwise it is a name, and the string has no prefix.
                    let mut start = i;
                    while start > 0 && bytes.get(start - 1).is_some_and(|&b| ident_byte(b)) {
                        start -= 1;
                    }
                    let prefix = bytes.get(start..i).unwrap_or_default();
                    let is_prefix =
                        prefix.len() <= 2 && prefix.iter().all(|b| b"rRbBfFuU".contains(b));
                    let is_f = is_prefix && prefix.iter().any(|b| matches!(b, b'f' | b'F'));
                    if !is_prefix {
                        start = i;
                    }
                    let j = string_end(bytes, i, c);
                    if is_f && start <= pos && pos < j {
                        return Some((start, j));
                    }
                    i = j;
                }
                _ => i += 1,
            }
        }
        None
    }

    fn expected_token(
        &self,
        expected: TokenKind,
        found: TokenKind,
        r: TextRange,
    ) -> Option<CompileError> {
        let start = r.start().to_usize();
        match (expected, found) {
            (TokenKind::Colon, TokenKind::Newline) => {
                Some(self.at_range("SyntaxError", "expected ':'".into(), start, start))
            }
            (TokenKind::Colon, TokenKind::Equal) => self.assign_in_condition(start),
            (TokenKind::Colon, _) if self.in_dict_display(start) => {
                // invalid_kvpair: the key's last character, no end.
                let key_end = self.skip_blanks_back(start);
                let (line, col) = self.loc(key_end);
                Some(CompileError {
                    text: Some(self.parser_text(start)),
                    end: Some((line, 0)),
                    ..CompileError::syntax("':' expected after dictionary key")
                        .at(line, col.saturating_sub(1))
                })
            }
            (_, f) if is_augassign(f) => self.bad_target(r, Target::Augmented),
            (TokenKind::Colon, _) if self.forced_colon(start) => {
                let (s0, e0) = self.token_range(r);
                Some(self.at_range("SyntaxError", "expected ':'".into(), s0, e0))
            }
            (TokenKind::Comma | TokenKind::Colon, _) => self.forgot_comma(start),
            (TokenKind::Else, _) => self.if_without_else(start),
            _ => None,
        }
    }

    /// Whether the statement at `pos` demands its colon outright (the grammar's forced
    /// `&&':'` after `def ...(...)`, `try`, `finally` and `else`), so that any other token
    /// there is "expected ':'".
    fn forced_colon(&self, pos: usize) -> bool {
        let (ls, _) = self.line_range(pos);
        let head = self.source.get(ls..pos).unwrap_or("").trim_start();
        let word: String = head
            .chars()
            .take_while(|&c| c.is_alphanumeric() || c == '_')
            .collect();
        match word.as_str() {
            "def" => true,
            "try" | "finally" | "else" => head.trim_end() == word,
            "async" => head
                .get(5..)
                .is_some_and(|r| r.trim_start().starts_with("def")),
            _ => false,
        }
    }

    /// invalid_expression: `a if b` with no `else`, over `a` to `b`.
    fn if_without_else(&self, found: usize) -> Option<CompileError> {
        let prev_end = self.skip_blanks_back(found);
        let ranges = expr_ranges(self.source, self.mode)?;
        let start = ranges
            .iter()
            .filter(|x| x.kind == Kind::Conditional && x.range.end().to_usize() == prev_end)
            .map(|x| x.range.start().to_usize())
            .min()?;
        Some(self.at_range(
            "SyntaxError",
            "expected 'else' after 'if' expression".into(),
            start,
            prev_end,
        ))
    }

    /// invalid_named_expression: `if x = 1:` suggests `==` or `:=` over NAME '=' bitwise_or;
    /// `if f() = 1:` names what cannot be assigned to.
    fn assign_in_condition(&self, eq: usize) -> Option<CompileError> {
        let (ls, le) = self.line_range(eq);
        let line = self.source.get(ls..le)?;
        let head = line.trim_start();
        let kw_len = ["if ", "elif ", "while "]
            .iter()
            .find(|k| head.starts_with(*k))?
            .len();
        let cond_start = ls + (line.len() - head.len()) + kw_len;
        let cond_start = self.skip_blanks(cond_start);
        let name = self.source.get(cond_start..eq)?.trim_end();
        if name.is_empty() {
            return None;
        }
        if !name.chars().all(|c| c == '_' || c.is_alphanumeric()) {
            // The third alternative: a bitwise_or on the left is named.
            let left_end = cond_start + name.len();
            let ranges = expr_ranges(self.source, self.mode)?;
            let left = ranges.iter().find(|x| {
                x.range.start().to_usize() == cond_start && x.range.end().to_usize() == left_end
            })?;
            if !left.kind.is_bitwise_or() {
                return None;
            }
            return Some(self.at_range(
                "SyntaxError",
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    left.kind.name()
                ),
                cond_start,
                left_end,
            ));
        }
        let body = line.trim_end();
        let rhs_end = ls + body.strip_suffix(':').unwrap_or(body).trim_end().len();
        Some(self.at_range(
            "SyntaxError",
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(),
            cond_start,
            rhs_end.max(eq),
        ))
    }

    /// Whether `pos` is inside a `{...}` whose entries so far are `key: value` pairs.
    fn in_dict_display(&self, pos: usize) -> bool {
        let Some(&(c, open)) = scan_brackets(self.source, pos).last() else {
            return false;
        };
        c == '{'
            && top_level_char(
                self.source.get(open.saturating_add(1)..pos).unwrap_or(""),
                ':',
            )
    }

    /// invalid_expression: two expressions side by side inside brackets.
    fn forgot_comma(&self, found: usize) -> Option<CompileError> {
        scan_brackets(self.source, found).last()?;
        let prev_end = self.skip_blanks_back(found);
        let ranges = expr_ranges(self.source, self.mode)?;
        let b = ranges
            .iter()
            .filter(|x| x.range.start().to_usize() == found)
            .map(|x| x.range.end().to_usize())
            .max()?;
        let a = ranges
            .iter()
            .filter(|x| x.range.end().to_usize() == prev_end)
            .map(|x| x.range.start().to_usize())
            .min()?;
        // `print "x"` and soft keywords are left to other rules.
        let first = self.source.get(a..prev_end)?;
        if matches!(first, "print" | "exec" | "match" | "case" | "_") {
            return None;
        }
        // Looking past `b` at the end of input inside brackets is the tokenizer's
        // "never closed" error.
        // The rule reads the token after `b`: a bracket left open at the end on an earlier
        // line than that token is what CPython reports.
        if let Some(&(c, pos)) = scan_tokens(self.source).open.last() {
            let rest = self.source.get(b..).unwrap_or("");
            let next = b + (rest.len() - rest.trim_start().len());
            if rest.trim().is_empty() || self.line_of(pos) < self.line_of(next) {
                return Some(self.never_closed(c, pos));
            }
        }
        Some(self.at_range(
            "SyntaxError",
            "invalid syntax. Perhaps you forgot a comma?".into(),
            a,
            b,
        ))
    }

    /// `print x` (invalid_expression's legacy check): CPython names the missing call.
    fn legacy_print(&self, start: usize) -> Option<CompileError> {
        let prev_end = self.skip_blanks_back(start);
        let (ls, _) = self.line_range(start);
        let head = self.source.get(ls..prev_end)?;
        let word = head.trim_start();
        if !matches!(word, "print" | "exec") {
            return None;
        }
        let word_start = prev_end.saturating_sub(word.len());
        let ranges = expr_ranges(self.source, self.mode)?;
        let end = ranges
            .iter()
            .filter(|x| x.range.start().to_usize() == start)
            .map(|x| x.range.end().to_usize())
            .max()?;
        Some(self.at_range(
            "SyntaxError",
            format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?"),
            word_start,
            end,
        ))
    }

    fn other_error(&self, m: &str, r: TextRange) -> Option<CompileError> {
        let start = r.start().to_usize();
        let end = r.end().to_usize();
        // At the end of input (nothing but blank and comment lines left) the error sits after
        // the last line, which the tokenizer has read whole (pegen_errors.c: the cursor's
        // column, no end).
        let at_eof = self.source.get(start..).is_none_or(|r| {
            r.lines().all(|l| {
                let t = l.trim_start();
                t.is_empty() || t.starts_with('#')
            })
        });
        let eof_location = |kind: &'static str, msg: String| {
            let body = self.source.strip_suffix('\n').unwrap_or(self.source);
            let ls = body.rfind('\n').map_or(0, |i| i.saturating_add(1));
            let (line, _) = self.loc(ls);
            let width = u32::try_from(body.len().saturating_sub(ls)).unwrap_or(u32::MAX);
            CompileError {
                kind,
                text: Some(self.parser_text(ls)),
                end: Some((line, -1)),
                ..CompileError::syntax(msg).at(line, width.saturating_add(1))
            }
        };
        if let Some(what) = m.strip_prefix("Expected an indented block after ") {
            let what = match what {
                "function definition" => "function definition".to_string(),
                "`class` definition" => "class definition".to_string(),
                other => {
                    let word = other.split('`').nth(1).unwrap_or(other);
                    format!("'{word}' statement")
                }
            };
            let header = if at_eof {
                self.last_header_line()
            } else {
                self.header_line(start)
            };
            let msg = format!("expected an indented block after {what} on line {header}");
            if at_eof {
                return Some(eof_location("IndentationError", msg));
            }
            return Some(self.at_range("IndentationError", msg, start, end));
        }
        // invalid_parameters: only `/,` names the rule; `(/)` is plain invalid syntax.
        if m.starts_with("Position-only parameter separator not allowed as first")
            && self
                .source
                .get(self.skip_blanks(end)..)
                .is_some_and(|r| r.starts_with(','))
        {
            return Some(self.at_range(
                "SyntaxError",
                "at least one argument must precede /".into(),
                start,
                end,
            ));
        }
        if let Some(rest) = m.strip_prefix("Only single target (not ") {
            return Some(self.at_range(
                "SyntaxError",
                format!("only single target (not {rest}"),
                start,
                end,
            ));
        }
        if m.starts_with("Trailing comma not allowed") {
            // CPython finds out at the token after the comma.
            let next = self.skip_blanks(end);
            let (s0, e0) = self.token_range(TextRange::new(
                TextSize::try_from(next).ok()?,
                TextSize::try_from(next.saturating_add(1)).ok()?,
            ));
            let (ls, _) = self.line_range(start);
            let from_import = self
                .source
                .get(ls..start)
                .is_some_and(|h| h.trim_start().starts_with("from ") && h.contains(" import "));
            let msg = if from_import {
                "trailing comma not allowed without surrounding parentheses"
            } else {
                "invalid syntax"
            };
            return Some(self.at_range("SyntaxError", msg.into(), s0, e0));
        }
        // `except as e:` and `except* as e:` are plain invalid syntax; only `except*:`
        // names the missing types.
        if m.starts_with("Expected one or more exception types")
            && self
                .source
                .get(start..)
                .is_some_and(|r| r.starts_with("as"))
        {
            return None;
        }
        if let Some((_, cpython)) = RENAMED.iter().find(|(r, _)| m.starts_with(r)) {
            // The mixed-handlers error points at the second kind's `except` (or `except*`).
            let end = if m.starts_with("Cannot have both") {
                let star = self
                    .source
                    .get(start..)
                    .is_some_and(|r| r.starts_with("except*"));
                start + if star { 7 } else { 6 }
            } else {
                end
            };
            return Some(self.at_range("SyntaxError", (*cpython).into(), start, end));
        }
        if m.starts_with("Expected `except` or `finally`") {
            if at_eof {
                return Some(eof_location(
                    "SyntaxError",
                    "expected 'except' or 'finally' block".into(),
                ));
            }
            return Some(self.at_range(
                "SyntaxError",
                "expected 'except' or 'finally' block".into(),
                start,
                end,
            ));
        }
        None
    }

    /// The line of the compound statement whose block should start at `pos`: the nearest
    /// earlier code line indented no deeper than `pos`'s line.
    fn header_line(&self, pos: usize) -> u32 {
        let (ls, _) = self.line_range(pos);
        let indent = |l: &str| l.len() - l.trim_start().len();
        let here = indent(self.source.get(ls..pos).unwrap_or(""));
        let before = self.source.get(..ls).unwrap_or("");
        let mut line = self.line_of(pos);
        for l in before.lines().rev() {
            line = line.saturating_sub(1);
            let t = l.trim_start();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            if indent(l) <= here {
                return line;
            }
        }
        self.line_of(pos).saturating_sub(1).max(1)
    }

    /// The line that starts the last statement of the source, for a block header left
    /// without a body at the end of input: the last code line, or the line of the bracket
    /// still open at its start.
    fn last_header_line(&self) -> u32 {
        let mut end = self.source.len();
        let last = loop {
            let (ls, _) = self.line_range(end);
            let t = self.source.get(ls..end).unwrap_or("").trim_start();
            if (!t.is_empty() && !t.starts_with('#')) || ls == 0 {
                break ls;
            }
            end = ls.saturating_sub(1);
        };
        let first = scan_brackets(self.source, last)
            .first()
            .map_or(last, |&(_, pos)| pos);
        self.line_of(first)
    }

    fn bad_target(&self, r: TextRange, how: Target) -> Option<CompileError> {
        let info = expr_ranges(self.source, self.mode)?;
        let start = r.start().to_usize();
        // ruff reports `a, b += 1` at the operator; CPython at the whole target.
        let (target, kind) = if how == Target::Augmented && !info.iter().any(|x| x.range == r) {
            // The target runs from the statement's start; a comma there makes it a tuple.
            let prev_end = self.skip_blanks_back(start);
            let (ls, _) = self.line_range(start);
            let first = self.skip_blanks(ls);
            let text = self.source.get(first..prev_end)?;
            let range = TextRange::new(
                TextSize::try_from(first).ok()?,
                TextSize::try_from(prev_end).ok()?,
            );
            match info.iter().find(|x| x.range == range) {
                Some(x) => (x.range, x.kind),
                None if top_level_char(text, ',') => (range, Kind::Tuple),
                None => return None,
            }
        } else {
            let x = info.iter().find(|x| x.range == r)?;
            (x.range, x.kind)
        };
        let (s, e) = (target.start().to_usize(), target.end().to_usize());
        let msg = match how {
            Target::Augmented => {
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    kind.name()
                )
            }
            Target::Delete => format!("cannot delete {}", kind.name()),
            Target::Named => {
                format!("cannot use assignment expressions with {}", kind.name())
            }
            Target::Assign if kind == Kind::Yield => {
                "assignment to yield expression not possible".to_string()
            }
            Target::Assign => {
                let single = info.iter().any(|x| x.range == target && x.single_assign);
                if single && kind.is_bitwise_or() {
                    format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        kind.name()
                    )
                } else {
                    format!("cannot assign to {}", kind.name())
                }
            }
        };
        Some(self.at_range("SyntaxError", msg, s, e))
    }

    /// `f(**x, y)`: whether a `**` argument comes before the positional one at `pos`.
    fn positional_after_unpacking(&self, pos: usize) -> bool {
        let Some(&(_, open)) = scan_brackets(self.source, pos).last() else {
            return false;
        };
        let args = self.source.get(open..pos).unwrap_or("");
        let kw = args.rfind('=').unwrap_or(0);
        args.rfind("**").is_some_and(|u| u >= kw)
    }

    /// The first non-blank byte at or after `pos` on the same line.
    fn skip_blanks(&self, pos: usize) -> usize {
        let rest = self.source.get(pos..).unwrap_or("");
        pos + (rest.len() - rest.trim_start_matches([' ', '\t', '\x0c']).len())
    }

    /// The end of the last token before `pos`, skipping blanks and line breaks.
    fn skip_blanks_back(&self, pos: usize) -> usize {
        self.source.get(..pos).unwrap_or("").trim_end().len()
    }
}

/// ruff's messages that CPython words differently (ruff's prefix, CPython's message).
const RENAMED: &[(&str, &str)] = &[
    (
        "Cannot have both 'except' and 'except*'",
        "cannot have both 'except' and 'except*' on the same 'try'",
    ),
    (
        "Expected one or more exception types",
        "expected one or more exception types",
    ),
    (
        "Multiple exception types must be parenthesized",
        "multiple exception types must be parenthesized",
    ),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Assign,
    Named,
    Delete,
    Augmented,
}

/// An expression's kind as CPython's `_PyPegen_get_expr_name` words it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Attribute,
    Subscript,
    Starred,
    Name,
    List,
    Tuple,
    Lambda,
    Call,
    Expression,
    Not,
    Generator,
    Yield,
    Await,
    ListComp,
    SetComp,
    DictComp,
    Dict,
    Set,
    FString,
    None,
    False,
    True,
    Ellipsis,
    Literal,
    Compare,
    Conditional,
    Named,
    BoolOp,
}

impl Kind {
    fn of(e: &Expr) -> Kind {
        match e {
            Expr::Attribute(_) => Kind::Attribute,
            Expr::Subscript(_) => Kind::Subscript,
            Expr::Starred(_) => Kind::Starred,
            Expr::Name(_) => Kind::Name,
            Expr::List(_) => Kind::List,
            Expr::Tuple(_) => Kind::Tuple,
            Expr::Lambda(_) => Kind::Lambda,
            Expr::Call(_) => Kind::Call,
            Expr::BoolOp(_) => Kind::BoolOp,
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => Kind::Not,
            Expr::BinOp(_) | Expr::UnaryOp(_) | Expr::Slice(_) | Expr::IpyEscapeCommand(_) => {
                Kind::Expression
            }
            Expr::Generator(_) => Kind::Generator,
            Expr::Yield(_) | Expr::YieldFrom(_) => Kind::Yield,
            Expr::Await(_) => Kind::Await,
            Expr::ListComp(_) => Kind::ListComp,
            Expr::SetComp(_) => Kind::SetComp,
            Expr::DictComp(_) => Kind::DictComp,
            Expr::Dict(_) => Kind::Dict,
            Expr::Set(_) => Kind::Set,
            Expr::FString(_) | Expr::TString(_) => Kind::FString,
            Expr::NoneLiteral(_) => Kind::None,
            Expr::BooleanLiteral(b) if b.value => Kind::True,
            Expr::BooleanLiteral(_) => Kind::False,
            Expr::EllipsisLiteral(_) => Kind::Ellipsis,
            Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => {
                Kind::Literal
            }
            Expr::Compare(_) => Kind::Compare,
            Expr::If(_) => Kind::Conditional,
            Expr::Named(_) => Kind::Named,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Attribute => "attribute",
            Kind::Subscript => "subscript",
            Kind::Starred => "starred",
            Kind::Name => "name",
            Kind::List => "list",
            Kind::Tuple => "tuple",
            Kind::Lambda => "lambda",
            Kind::Call => "function call",
            Kind::Expression | Kind::Not | Kind::BoolOp => "expression",
            Kind::Generator => "generator expression",
            Kind::Yield => "yield expression",
            Kind::Await => "await expression",
            Kind::ListComp => "list comprehension",
            Kind::SetComp => "set comprehension",
            Kind::DictComp => "dict comprehension",
            Kind::Dict => "dict literal",
            Kind::Set => "set display",
            Kind::FString => "f-string expression",
            Kind::None => "None",
            Kind::False => "False",
            Kind::True => "True",
            Kind::Ellipsis => "ellipsis",
            Kind::Literal => "literal",
            Kind::Compare => "comparison",
            Kind::Conditional => "conditional expression",
            Kind::Named => "named expression",
        }
    }

    /// Whether the grammar's `bitwise_or` can produce it, and it is not one of the targets
    /// invalid_named_expression leaves alone (list, tuple, genexp, True, None, False).
    fn is_bitwise_or(self) -> bool {
        !matches!(
            self,
            Kind::List
                | Kind::Tuple
                | Kind::Generator
                | Kind::True
                | Kind::None
                | Kind::False
                | Kind::Lambda
                | Kind::Not
                | Kind::BoolOp
                | Kind::Compare
                | Kind::Conditional
                | Kind::Named
                | Kind::Yield
                | Kind::Starred
        )
    }
}

/// One expression of the error-recovered AST.
struct ExprInfo {
    range: TextRange,
    kind: Kind,
    /// The only target of an `=` statement.
    single_assign: bool,
}

/// Every expression of ruff's error-recovered parse, for errors worded by what the
/// offending expression is. The parse already recursed to this depth, so walking it does too.
fn expr_ranges(source: &str, mode: Mode) -> Option<Vec<ExprInfo>> {
    struct Collect(Vec<ExprInfo>);
    impl<'a> Visitor<'a> for Collect {
        fn visit_stmt(&mut self, s: &'a Stmt) {
            let targets: &[Expr] = match s {
                Stmt::Assign(a) => &a.targets,
                Stmt::AugAssign(a) => std::slice::from_ref(&*a.target),
                _ => &[],
            };
            for t in targets {
                self.0.push(ExprInfo {
                    range: t.range(),
                    kind: Kind::of(t),
                    single_assign: targets.len() == 1 && matches!(s, Stmt::Assign(_)),
                });
            }
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &'a Expr) {
            self.0.push(ExprInfo {
                range: e.range(),
                kind: Kind::of(e),
                single_assign: false,
            });
            walk_expr(self, e);
        }
    }
    let pmode = match mode {
        Mode::Exec => ruff_python_parser::Mode::Module,
        Mode::Eval => ruff_python_parser::Mode::Expression,
    };
    let parsed = ruff_python_parser::parse_unchecked(source, pmode.into());
    let mut c = Collect(Vec::new());
    match parsed.syntax() {
        ruff_python_ast::Mod::Module(m) => c.visit_body(&m.body),
        ruff_python_ast::Mod::Expression(e) => c.visit_expr(&e.body),
    }
    Some(c.0)
}

fn is_augassign(t: TokenKind) -> bool {
    matches!(
        t,
        TokenKind::PlusEqual
            | TokenKind::MinusEqual
            | TokenKind::StarEqual
            | TokenKind::SlashEqual
            | TokenKind::DoubleSlashEqual
            | TokenKind::PercentEqual
            | TokenKind::DoubleStarEqual
            | TokenKind::AtEqual
            | TokenKind::AmperEqual
            | TokenKind::VbarEqual
            | TokenKind::CircumflexEqual
            | TokenKind::LeftShiftEqual
            | TokenKind::RightShiftEqual
    )
}
