//! A scan of the source in the manner of CPython's tokenizer (Parser/tokenizer.c): the
//! errors it raises before the parser's (strings, brackets, number literals), the brackets
//! left open, and the small lexical helpers `errors.rs` uses to place CPython's locations.

use crate::compile::{CompileError, LineIndex};
use ruff_text_size::TextSize;

/// The first error CPython's tokenizer raises, and the brackets still open at the end.
pub(super) struct TokScan {
    pub(super) error: Option<TokErr>,
    pub(super) open: Vec<(char, usize)>,
}

pub(super) struct TokErr {
    /// Byte offset where the tokenizer stops.
    pub(super) at: usize,
    pub(super) err: CompileError,
}

/// Scan the source as CPython's tokenizer does for strings, comments and brackets
/// (Parser/tokenizer.c `tok_get`), stopping at its first error.
pub(super) fn scan_tokens(source: &str) -> TokScan {
    let idx = LineIndex::new(source);
    let loc = |p: usize| idx.locate(TextSize::try_from(p).unwrap_or_default());
    // tokenizer.c `_syntaxerror_range`: the whole line, without its newline.
    let line_text = |p: usize| {
        let before = source.get(..p).unwrap_or("");
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let rest = source.get(start..).unwrap_or("");
        let end = rest.find('\n').map_or(source.len(), |i| start + i);
        source.get(start..end).unwrap_or("").to_string()
    };
    let bytes = source.as_bytes();
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut i = 0;
    let fail = |at: usize, err: CompileError, open: Vec<(char, usize)>| TokScan {
        error: Some(TokErr { at, err }),
        open,
    };
    while let Some(&c) = bytes.get(i) {
        match c {
            b'#' => {
                while bytes.get(i).is_some_and(|&b| b != b'\n') {
                    i += 1;
                }
            }
            b'\\' => i += 2,
            b'\'' | b'"' => {
                // The token starts at its prefix letters.
                let mut tok_start = i;
                while tok_start > 0
                    && bytes
                        .get(tok_start - 1)
                        .is_some_and(|b| b"rRbBfFuU".contains(b))
                {
                    tok_start -= 1;
                }
                let triple = bytes.get(i + 1) == Some(&c) && bytes.get(i + 2) == Some(&c);
                i += if triple { 3 } else { 1 };
                let mut closed = false;
                while let Some(&d) = bytes.get(i) {
                    if d == b'\\' {
                        i += 2;
                        continue;
                    }
                    if d == b'\n' && !triple {
                        break;
                    }
                    if d == c
                        && (!triple
                            || (bytes.get(i + 1) == Some(&c) && bytes.get(i + 2) == Some(&c)))
                    {
                        i += if triple { 3 } else { 1 };
                        closed = true;
                        break;
                    }
                    i += 1;
                }
                if !closed {
                    let (line, col) = loc(tok_start);
                    let msg = if triple {
                        let last = loc(source.trim_end_matches('\n').len()).0;
                        format!(
                            "unterminated triple-quoted string literal (detected at line {last})"
                        )
                    } else {
                        format!("unterminated string literal (detected at line {line})")
                    };
                    let err = CompileError {
                        text: Some(line_text(tok_start)),
                        end: Some((line, i32::try_from(col).unwrap_or(0))),
                        ..CompileError::syntax(msg).at(line, col)
                    };
                    return fail(tok_start, err, open);
                }
                continue;
            }
            b'(' | b'[' | b'{' => open.push((c as char, i)),
            c if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => {
                while bytes
                    .get(i)
                    .is_some_and(|&b| b == b'_' || b.is_ascii_alphanumeric() || b >= 0x80)
                {
                    i += 1;
                }
                // A string prefix is read again from its quote.
                continue;
            }
            c if c.is_ascii_digit()
                || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) =>
            {
                match number::scan(bytes, i) {
                    Ok(end) => {
                        i = end;
                        continue;
                    }
                    Err(bad) => {
                        let (line, start_col) = loc(i);
                        let (_, cur_col) = loc(bad.cur);
                        let cur_col = cur_col.saturating_sub(1);
                        let (col, end_col) = match bad.known_start {
                            true => (start_col, cur_col),
                            false => (cur_col, cur_col),
                        };
                        let err = CompileError {
                            text: Some(line_text(i)),
                            end: Some((line, i32::try_from(end_col).unwrap_or(0))),
                            ..CompileError::syntax(bad.msg).at(line, col)
                        };
                        return fail(i, err, open);
                    }
                }
            }
            b')' | b']' | b'}' => {
                let (line, col) = loc(i);
                let close = c as char;
                let msg = match open.pop() {
                    None => format!("unmatched '{close}'"),
                    Some((o, _)) if matches!((o, close), ('(', ')') | ('[', ']') | ('{', '}')) => {
                        i += 1;
                        continue;
                    }
                    Some((o, at)) => {
                        let open_line = loc(at).0;
                        if open_line == line {
                            format!(
                                "closing parenthesis '{close}' does not match opening parenthesis '{o}'"
                            )
                        } else {
                            format!(
                                "closing parenthesis '{close}' does not match opening parenthesis '{o}' on line {open_line}"
                            )
                        }
                    }
                };
                let err = CompileError {
                    text: Some(line_text(i)),
                    end: Some((line, i32::try_from(col).unwrap_or(0))),
                    ..CompileError::syntax(msg).at(line, col)
                };
                return fail(i, err, open);
            }
            _ => {}
        }
        i += 1;
    }
    TokScan { error: None, open }
}

mod number {
    //! Number literals as CPython's tokenizer checks them (tokenizer.c `tok_get`,
    //! `tok_decimal_tail`, `verify_end_of_number`).

    /// A malformed literal: the message and where the tokenizer's cursor stopped.
    pub(super) struct BadNumber {
        pub msg: String,
        pub cur: usize,
        /// The error spans from the literal's start (leading zeros) rather than sitting at
        /// the cursor.
        pub known_start: bool,
    }

    fn at(b: &[u8], i: usize) -> u8 {
        b.get(i).copied().unwrap_or(0)
    }

    fn bad(msg: impl Into<String>, cur: usize) -> Result<usize, BadNumber> {
        Err(BadNumber {
            msg: msg.into(),
            cur,
            known_start: false,
        })
    }

    fn ident_char(c: u8) -> bool {
        c == b'_' || c.is_ascii_alphanumeric() || c >= 0x80
    }

    /// `verify_end_of_number`: a literal followed by a name character is an error, except
    /// before the keywords that may follow a number (CPython only warns there).
    fn end_ok(b: &[u8], i: usize, kind: &str) -> Result<usize, BadNumber> {
        let rest = b.get(i..).unwrap_or(&[]);
        let keyword = ["and", "else", "for", "if", "in", "is", "or", "not"]
            .iter()
            .any(|k| rest.starts_with(k.as_bytes()));
        if !keyword && ident_char(at(b, i)) {
            return bad(format!("invalid {kind} literal"), i);
        }
        Ok(i)
    }

    /// `tok_decimal_tail`: digits with single underscores between them.
    fn decimal_tail(b: &[u8], mut i: usize) -> Result<usize, BadNumber> {
        loop {
            while at(b, i).is_ascii_digit() {
                i += 1;
            }
            if at(b, i) != b'_' {
                return Ok(i);
            }
            if !at(b, i + 1).is_ascii_digit() {
                return bad("invalid decimal literal", i + 1);
            }
            i += 1;
        }
    }

    /// Digits of a prefixed literal (`0x`, `0o`, `0b`) after the prefix.
    fn radix_digits(
        b: &[u8],
        mut i: usize,
        kind: &str,
        ok: fn(u8) -> bool,
    ) -> Result<usize, BadNumber> {
        loop {
            if at(b, i) == b'_' {
                i += 1;
            }
            let c = at(b, i);
            if !ok(c) {
                if kind != "hexadecimal" && c.is_ascii_digit() {
                    return bad(
                        format!("invalid digit '{}' in {kind} literal", c as char),
                        i + 1,
                    );
                }
                return bad(format!("invalid {kind} literal"), i);
            }
            while ok(at(b, i)) {
                i += 1;
            }
            if at(b, i) != b'_' {
                break;
            }
        }
        let c = at(b, i);
        if kind != "hexadecimal" && c.is_ascii_digit() {
            return bad(
                format!("invalid digit '{}' in {kind} literal", c as char),
                i + 1,
            );
        }
        end_ok(b, i, kind)
    }

    /// The end of the number literal starting at `start`, or why it is malformed.
    pub(super) fn scan(b: &[u8], start: usize) -> Result<usize, BadNumber> {
        let mut i = start;
        if at(b, i) == b'0' {
            match at(b, i + 1) {
                b'x' | b'X' => {
                    return radix_digits(b, i + 2, "hexadecimal", |c| c.is_ascii_hexdigit());
                }
                b'o' | b'O' => {
                    return radix_digits(b, i + 2, "octal", |c| (b'0'..b'8').contains(&c));
                }
                b'b' | b'B' => return radix_digits(b, i + 2, "binary", |c| c == b'0' || c == b'1'),
                _ => {}
            }
            i += 1;
            loop {
                if at(b, i) == b'_' {
                    if !at(b, i + 1).is_ascii_digit() {
                        return bad("invalid decimal literal", i + 1);
                    }
                    i += 1;
                }
                if at(b, i) != b'0' {
                    break;
                }
                i += 1;
            }
            let zeros_end = i + 1;
            let nonzero = at(b, i).is_ascii_digit();
            if nonzero {
                i = decimal_tail(b, i)?;
            }
            match at(b, i) {
                b'.' | b'e' | b'E' | b'j' | b'J' => return float_tail(b, i),
                _ if nonzero => {
                    return Err(BadNumber {
                        msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                        cur: zeros_end,
                        known_start: true,
                    });
                }
                _ => return end_ok(b, i, "decimal"),
            }
        }
        if at(b, i) != b'.' {
            i = decimal_tail(b, i)?;
        }
        float_tail(b, i)
    }

    /// Fraction, exponent and imaginary suffix, from `i` (at `.`, `e` or `j`, or the end).
    fn float_tail(b: &[u8], mut i: usize) -> Result<usize, BadNumber> {
        if at(b, i) == b'.' {
            i += 1;
            if at(b, i).is_ascii_digit() {
                i = decimal_tail(b, i)?;
            }
        }
        if matches!(at(b, i), b'e' | b'E') {
            let e = i;
            i += 1;
            if matches!(at(b, i), b'+' | b'-') {
                i += 1;
                if !at(b, i).is_ascii_digit() {
                    return bad("invalid decimal literal", i);
                }
            } else if !at(b, i).is_ascii_digit() {
                return end_ok(b, e, "decimal");
            }
            i = decimal_tail(b, i)?;
        }
        if matches!(at(b, i), b'j' | b'J') {
            return end_ok(b, i + 1, "imaginary");
        }
        end_ok(b, i, "decimal")
    }
}

/// The brackets open at `pos`, innermost last (strings and comments skipped).
pub(super) fn scan_brackets(source: &str, pos: usize) -> Vec<(char, usize)> {
    scan_tokens(source.get(..pos).unwrap_or("")).open
}

/// The end of the string whose opening quote `q` is at `i` (or the end of its line when it
/// is left open).
pub(super) fn string_end(bytes: &[u8], i: usize, q: u8) -> usize {
    let triple =
        bytes.get(i.saturating_add(1)) == Some(&q) && bytes.get(i.saturating_add(2)) == Some(&q);
    let quote = if triple { 3 } else { 1 };
    let mut j = i.saturating_add(quote);
    while let Some(&d) = bytes.get(j) {
        if d == b'\\' {
            j = j.saturating_add(2);
            continue;
        }
        if d == q
            && (!triple
                || (bytes.get(j.saturating_add(1)) == Some(&q)
                    && bytes.get(j.saturating_add(2)) == Some(&q)))
        {
            return j.saturating_add(quote);
        }
        if d == b'\n' && !triple {
            return j;
        }
        j += 1;
    }
    j
}

/// The length of the string prefix when `rest` starts a string literal.
pub(super) fn string_prefix_len(rest: &[u8]) -> Option<usize> {
    let n = rest
        .iter()
        .position(|b| !b"rRbBfFuU".contains(b))
        .unwrap_or(rest.len());
    (n <= 2 && matches!(rest.get(n), Some(b'\'' | b'"'))).then_some(n)
}

/// A byte of a name: ASCII letters, digits and `_`, or part of a non-ASCII character.
pub(super) fn ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || !b.is_ascii()
}

/// The length of the token that `rest` starts with (not a string or comment): a name or
/// number's run, or the longest operator.
pub(super) fn token_len(rest: &[u8]) -> usize {
    match rest.first() {
        None => 0,
        Some(&b) if ident_byte(b) => rest
            .iter()
            .position(|&c| !(ident_byte(c) || c == b'.' && b.is_ascii_digit()))
            .unwrap_or(rest.len()),
        Some(_) => {
            const OPS: &[&[u8]] = &[
                b"**=", b"//=", b">>=", b"<<=", b"...", b"->", b":=", b"==", b"!=", b"<=", b">=",
                b"<<", b">>", b"**", b"//", b"+=", b"-=", b"*=", b"/=", b"%=", b"&=", b"|=", b"^=",
                b"@=",
            ];
            OPS.iter()
                .find(|op| rest.starts_with(op))
                .map_or(1, |op| op.len())
        }
    }
}

/// Whether `s` has `ch` outside nested brackets and strings.
pub(super) fn top_level_char(s: &str, ch: char) -> bool {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth = depth.saturating_sub(1),
            (None, c) if c == ch && depth == 0 => return true,
            _ => {}
        }
    }
    false
}
