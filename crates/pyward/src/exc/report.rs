//! How CPython prints where a SyntaxError is: the file line, the source line and its carets.
//!
//! Python/pythonrun.c `print_exception_file_and_line` and `print_error_text`: the text is
//! printed without its leading blanks, and the carets run from `offset` to `end_offset`
//! (clipped to the line, to its end when the error spans lines, one caret at least).
//! Offsets are 1-based character columns.

/// Where a SyntaxError is, as its attributes give it.
pub struct SyntaxLocation<'a> {
    /// `filename` (None prints as `<string>`).
    pub filename: Option<&'a str>,
    /// `lineno`.
    pub lineno: i64,
    /// `offset` (None or negative: no carets).
    pub offset: Option<i64>,
    /// `end_lineno` (None: the same line).
    pub end_lineno: Option<i64>,
    /// `end_offset` (None, 0 or -1: one caret).
    pub end_offset: Option<i64>,
    /// `text`, the source line.
    pub text: Option<&'a str>,
}

/// The lines CPython prints above `SyntaxError: msg`.
pub fn syntax_location(loc: &SyntaxLocation<'_>) -> String {
    let mut out = format!(
        "  File \"{}\", line {}\n",
        loc.filename.unwrap_or("<string>"),
        loc.lineno
    );
    let Some(text) = loc.text else {
        return out;
    };
    let offset = loc.offset.unwrap_or(-1);
    let mut end_offset = loc.end_offset.unwrap_or(-1);
    let size = i64::try_from(text.chars().count()).unwrap_or(i64::MAX);
    if loc.end_lineno.unwrap_or(loc.lineno) > loc.lineno {
        end_offset = size;
    }
    end_offset = end_offset.min(size.saturating_add(1));
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    // From here on, a 0-based column into the text with its leading blanks removed.
    let mut col = offset.saturating_sub(1);
    let mut rest = text;
    while let Some(r) = rest.strip_prefix([' ', '\t', '\x0c']) {
        rest = r;
        col = col.saturating_sub(1);
    }
    let mut len = i64::try_from(rest.chars().count()).unwrap_or(0);
    if rest.ends_with('\n') {
        len -= 1;
    }
    col = col.min(len);
    // An error past an embedded newline shows only the line it is on.
    while let Some(nl) = rest.find('\n') {
        let before = i64::try_from(rest.get(..nl).map_or(0, |s| s.chars().count())).unwrap_or(0);
        if before >= col {
            break;
        }
        rest = rest.get(nl + 1..).unwrap_or("");
        col -= before + 1;
    }
    out.push_str("    ");
    out.push_str(rest);
    if !rest.ends_with('\n') {
        out.push('\n');
    }
    if col < 0 {
        return out;
    }
    out.push_str("    ");
    for _ in 0..col {
        out.push(' ');
    }
    for _ in 0..carets.clamp(1, 10_000) {
        out.push('^');
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, offset: i64, end_lineno: i64, end_offset: i64) -> String {
        syntax_location(&SyntaxLocation {
            filename: Some("f.py"),
            lineno: 1,
            offset: Some(offset),
            end_lineno: Some(end_lineno),
            end_offset: Some(end_offset),
            text: Some(text),
        })
    }

    #[test]
    fn carets_span_offset_to_end_offset_without_leading_blanks() {
        assert_eq!(
            show("  abc def\n", 5, 1, 8),
            "  File \"f.py\", line 1\n    abc def\n      ^^^\n"
        );
    }

    #[test]
    fn an_end_on_a_later_line_runs_the_carets_to_the_line_end() {
        assert_eq!(
            show("  abc def\n", 5, 2, 3),
            "  File \"f.py\", line 1\n    abc def\n      ^^^^^\n"
        );
    }

    #[test]
    fn an_offset_before_the_text_prints_no_carets() {
        assert_eq!(
            show("  abc def\n", 1, 1, 3),
            "  File \"f.py\", line 1\n    abc def\n"
        );
    }

    #[test]
    fn an_offset_past_the_line_is_clipped_to_its_end() {
        assert_eq!(
            show("  abc def\n", 20, 1, 30),
            "  File \"f.py\", line 1\n    abc def\n           ^\n"
        );
    }

    #[test]
    fn text_with_an_embedded_newline_shows_the_erroneous_line() {
        assert_eq!(
            show("abc\ndef\n", 6, 2, 7),
            "  File \"f.py\", line 1\n    def\n     ^^\n"
        );
    }
}
