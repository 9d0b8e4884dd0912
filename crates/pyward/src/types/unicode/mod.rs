//! Unicode character properties and case mappings, answering exactly as CPython 3.11 does.
//!
//! The tables (tables.rs, case_tables.rs) are generated from CPython 3.11 itself by
//! scripts/gen_unicode_tables.py, so they follow its Unicode 14.0 database rather than the
//! newer one in Rust's std. ASCII takes a fast path everywhere. Used by str methods and repr.

mod case_tables;
mod tables;

use case_tables::{CASEFOLD_MAP, LOWER_MAP, TITLE_MAP, UPPER_MAP};

/// Whether `c` falls in one of the sorted inclusive ranges.
fn in_ranges(t: &[(u32, u32)], c: char) -> bool {
    let n = c as u32;
    let i = t.partition_point(|&(_, last)| last < n);
    t.get(i).is_some_and(|&(first, _)| first <= n)
}

/// The mapped text of `c` in a sorted map.
fn mapped(t: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let n = c as u32;
    t.binary_search_by_key(&n, |&(k, _)| k)
        .ok()
        .and_then(|i| t.get(i))
        .map(|&(_, s)| s)
}

/// `str.isprintable` of one char (repr escapes the others).
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(tables::PRINTABLE, c)
}

/// `str.isalpha` of one char.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(tables::ALPHA, c)
}

/// `str.isdecimal` of one char.
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(tables::DECIMAL, c)
}

/// `str.isdigit` of one char.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(tables::DIGIT, c)
}

/// `str.isnumeric` of one char.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(tables::NUMERIC, c)
}

/// `str.isalnum` of one char (Objects/unicodectype.c `_PyUnicode_IsAlpha` or a number).
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// The Lowercase property (`Py_UNICODE_ISLOWER`).
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_ranges(tables::LOWER, c)
}

/// The Uppercase property (`Py_UNICODE_ISUPPER`).
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_ranges(tables::UPPER, c)
}

/// Category Lt (`Py_UNICODE_ISTITLE`).
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(tables::TITLE, c)
}

/// The Cased property: Lowercase, Uppercase or Lt.
pub fn is_cased(c: char) -> bool {
    is_lower(c) || is_upper(c) || is_title(c)
}

/// The Case_Ignorable property (for the final-sigma rule).
pub fn is_case_ignorable(c: char) -> bool {
    in_ranges(tables::CASE_IGNORABLE, c)
}

/// `Py_UNICODE_ISSPACE`: bidirectional types WS, B, S, or category Zs. This is the
/// whitespace of `str.split()`, `str.strip()` and `str.isspace()`.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..='\x20'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// A line boundary for `str.splitlines` (`Py_UNICODE_ISLINEBREAK`).
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// XID_Start or `_`: the first char of an identifier.
pub fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_ranges(tables::ID_START, c)
}

/// XID_Continue: a later char of an identifier.
pub fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(tables::ID_CONTINUE, c)
}

/// Push the full lowercase of `c` (no final-sigma context).
pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        match mapped(LOWER_MAP, c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
}

/// Push the full uppercase of `c`.
pub fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        match mapped(UPPER_MAP, c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
}

/// Push the full titlecase of `c`.
pub fn push_title(c: char, out: &mut String) {
    match mapped(TITLE_MAP, c) {
        Some(s) => out.push_str(s),
        None => push_upper(c, out),
    }
}

/// Push the full case folding of `c`.
pub fn push_casefold(c: char, out: &mut String) {
    match mapped(CASEFOLD_MAP, c) {
        Some(s) => out.push_str(s),
        None => push_lower(c, out),
    }
}

/// Push the lowercase of the char `c` that starts at byte `at` of `s`, applying the
/// final-sigma rule to U+03A3 (Objects/unicodeobject.c `lower_ucs4`, `handle_capital_sigma`).
pub fn push_lower_in(s: &str, at: usize, c: char, out: &mut String) {
    if c != '\u{3a3}' {
        push_lower(c, out);
        return;
    }
    let before = s.get(..at).unwrap_or("");
    let after = s.get(at.saturating_add(c.len_utf8())..).unwrap_or("");
    let cased_before = before
        .chars()
        .rev()
        .find(|&ch| !is_case_ignorable(ch))
        .is_some_and(is_cased);
    let cased_after = after
        .chars()
        .find(|&ch| !is_case_ignorable(ch))
        .is_some_and(is_cased);
    out.push(if cased_before && !cased_after {
        '\u{3c2}'
    } else {
        '\u{3c3}'
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_matches_cpython_samples() {
        assert!(is_printable('é'));
        assert!(is_printable('中'));
        assert!(is_printable('😀'));
        assert!(!is_printable('\x7f'));
        assert!(!is_printable('\u{a0}'));
        assert!(!is_printable('\u{200b}'));
        assert!(is_printable('\u{301}'));
    }

    #[test]
    fn case_maps_cover_special_casing() {
        let mut s = String::new();
        push_upper('ß', &mut s);
        push_title('ß', &mut s);
        push_casefold('ß', &mut s);
        push_title('ǆ', &mut s);
        assert_eq!(s, "SSSsssǅ");
    }
}
