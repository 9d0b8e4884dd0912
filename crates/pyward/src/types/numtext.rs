//! Number literals in text for `int(str, base)`, `float(str)` and `complex(str)`: CPython's
//! Objects/longobject.c `PyLong_FromString` and Python/pystrtod.c rules, after
//! `_PyUnicode_TransformDecimalAndSpaceToASCII` folds Unicode digits and spaces to ASCII.
//!
//! Pure functions; the callers in builtins/construct.rs turn failures into CPython's messages.

use num_bigint::BigInt;
use num_traits::{Num, Zero};

use super::int::MAX_STR_DIGITS;

/// The first code point of every Unicode 14.0 decimal digit run (category Nd); each run holds
/// the ten digits 0-9 in order. Generated from CPython 3.11's unicodedata.
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The decimal value of a Unicode digit (`unicodedata.decimal`).
pub fn decimal_value(c: char) -> Option<u32> {
    let n = c as u32;
    let i = DIGIT_ZEROS.partition_point(|z| *z <= n);
    let zero = *DIGIT_ZEROS.get(i.checked_sub(1)?)?;
    let d = n - zero;
    (d < 10).then_some(d)
}

/// Fold to ASCII as `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII spaces become ' ',
/// non-ASCII digits their ASCII digit, anything else non-ASCII '?'.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if c.is_whitespace() {
                ' '
            } else {
                decimal_value(c)
                    .and_then(|d| char::from_digit(d, 10))
                    .unwrap_or('?')
            }
        })
        .collect()
}

/// C `Py_ISSPACE`: ASCII whitespace only.
fn is_c_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// Why `int(text, base)` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum IntTextError {
    /// Not a literal: "invalid literal for int() with base N: ...".
    Invalid,
    /// More than 4300 digits in a base that is not a power of two.
    TooManyDigits(usize),
}

/// `int(text, base)` for base 0 or 2..=36 (caller checks the base).
pub fn parse_int_text(text: &str, base: u32) -> Result<BigInt, IntTextError> {
    let folded = fold(text);
    let s = folded.trim_start_matches(is_c_space);
    let (neg, s) = match s.as_bytes().first() {
        Some(b'+') => (false, s.get(1..).unwrap_or("")),
        Some(b'-') => (true, s.get(1..).unwrap_or("")),
        _ => (false, s),
    };
    let b = s.as_bytes();
    let second = b.get(1).map(u8::to_ascii_lowercase);
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (b.first(), second) {
            (Some(b'0'), Some(b'x')) => 16,
            (Some(b'0'), Some(b'o')) => 8,
            (Some(b'0'), Some(b'b')) => 2,
            (Some(b'0'), _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    let mut i = 0;
    if b.first() == Some(&b'0')
        && matches!(
            (base, second),
            (16, Some(b'x')) | (8, Some(b'o')) | (2, Some(b'b'))
        )
    {
        i = 2;
        if b.get(i) == Some(&b'_') {
            i += 1;
        }
    }
    if b.get(i) == Some(&b'_') {
        return Err(IntTextError::Invalid);
    }
    let start = i;
    let mut digits = 0usize;
    let mut prev_underscore = false;
    while let Some(&c) = b.get(i) {
        if c == b'_' {
            if prev_underscore {
                return Err(IntTextError::Invalid);
            }
            prev_underscore = true;
        } else if char::from(c).is_digit(base) {
            prev_underscore = false;
            digits += 1;
        } else {
            break;
        }
        i += 1;
    }
    if prev_underscore {
        return Err(IntTextError::Invalid);
    }
    if !base.is_power_of_two() && digits > MAX_STR_DIGITS {
        return Err(IntTextError::TooManyDigits(digits));
    }
    if digits == 0 {
        return Err(IntTextError::Invalid);
    }
    let body = s.get(start..i).unwrap_or("");
    if !s.get(i..).unwrap_or("").chars().all(is_c_space) {
        return Err(IntTextError::Invalid);
    }
    let clean: String = body.chars().filter(|c| *c != '_').collect();
    let v = BigInt::from_str_radix(&clean, base).map_err(|_| IntTextError::Invalid)?;
    if error_if_nonzero && !v.is_zero() {
        return Err(IntTextError::Invalid);
    }
    Ok(if neg { -v } else { v })
}

/// `float(text)`; `None` when it is not a float literal.
pub fn parse_float_text(text: &str) -> Option<f64> {
    let folded = fold(text);
    let s = folded.trim_matches(is_c_space);
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, s.get(1..).unwrap_or("")),
        Some(b'-') => (true, s.get(1..).unwrap_or("")),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let signed = |v: f64| if neg { -v } else { v };
    match lower.as_str() {
        "inf" | "infinity" => return Some(signed(f64::INFINITY)),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    let b = lower.as_bytes();
    let mut i = 0;
    // digit (["_"] digit)*, returning the number of digits.
    let digitpart = |i: &mut usize| -> Option<usize> {
        let mut n = 0;
        while let Some(c) = b.get(*i) {
            if c.is_ascii_digit() {
                n += 1;
                *i += 1;
            } else if *c == b'_' && n > 0 && b.get(*i + 1).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            } else {
                break;
            }
        }
        Some(n)
    };
    let int_digits = digitpart(&mut i)?;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = digitpart(&mut i)?;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if b.get(i) == Some(&b'e') {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digitpart(&mut i)? == 0 {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    let clean: String = lower.chars().filter(|c| *c != '_').collect();
    clean.parse::<f64>().ok().map(signed)
}

/// Why `complex(text)` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum ComplexTextError {
    /// "complex() arg is a malformed string".
    Malformed,
    /// An underscore not between two digits, or a NUL beside underscores: "could not convert
    /// string to complex: ..." (`_Py_string_to_number_with_underscores`).
    BadUnderscore,
}

/// `complex(text)` as (real, imag): CPython's `complex_from_string_inner` after the ASCII
/// fold and the underscore check. Accepts `<float>`, `<float>j`, `<float><signed-float>j`,
/// `<float><sign>j`, `<sign>j` and `j`, in optional parentheses, with ASCII spaces around.
pub fn parse_complex_text(text: &str) -> Result<(f64, f64), ComplexTextError> {
    let folded = fold(text);
    let clean = if folded.contains('_') {
        strip_underscores(&folded).ok_or(ComplexTextError::BadUnderscore)?
    } else {
        folded
    };
    complex_from_ascii(clean.as_bytes()).ok_or(ComplexTextError::Malformed)
}

/// `text` without its underscores, or None when one is not between two digits (or the text
/// holds a NUL, which ends CPython's C-string scan early).
fn strip_underscores(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut prev = '\0';
    for c in text.chars() {
        if c == '\0' {
            return None;
        }
        if c == '_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    (prev != '_').then_some(out)
}

fn complex_from_ascii(b: &[u8]) -> Option<(f64, f64)> {
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let skip_spaces = |i: &mut usize| {
        while b.get(*i).copied().is_some_and(is_space) {
            *i += 1;
        }
    };
    let sign_of = |c: u8| if c == b'-' { -1.0 } else { 1.0 };
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let mut i = 0;
    skip_spaces(&mut i);
    let bracket = b.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_spaces(&mut i);
    }
    let (mut x, mut y) = (0.0, 0.0);
    if let Some((z, end)) = float_prefix(b, i) {
        i = end;
        match b.get(i).copied() {
            Some(s @ (b'+' | b'-')) => {
                x = z;
                if let Some((w, end)) = float_prefix(b, i) {
                    y = w;
                    i = end;
                } else {
                    y = sign_of(s);
                    i += 1;
                }
                if !is_j(b.get(i)) {
                    return None;
                }
                i += 1;
            }
            Some(b'j' | b'J') => {
                y = z;
                i += 1;
            }
            _ => x = z,
        }
    } else {
        y = match b.get(i).copied() {
            Some(s @ (b'+' | b'-')) => {
                i += 1;
                sign_of(s)
            }
            _ => 1.0,
        };
        if !is_j(b.get(i)) {
            return None;
        }
        i += 1;
    }
    skip_spaces(&mut i);
    if bracket {
        if b.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        skip_spaces(&mut i);
    }
    (i == b.len()).then_some((x, y))
}

/// The longest float literal starting at `start` (`PyOS_string_to_double` with an end
/// pointer: sign, digits with an optional point, an exponent only when it has digits; else
/// inf, infinity or nan), its value (overflow gives an infinity) and where it ends.
fn float_prefix(b: &[u8], start: usize) -> Option<(f64, usize)> {
    let mut i = start;
    let negative = b.get(i) == Some(&b'-');
    if matches!(b.get(i), Some(b'+' | b'-')) {
        i += 1;
    }
    let body = i;
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - from
    };
    let mut n = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        let dot = i;
        i += 1;
        n += digits(&mut i);
        if n == 0 {
            i = dot;
        }
    }
    let value = if n > 0 {
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if digits(&mut j) > 0 {
                i = j;
            }
        }
        std::str::from_utf8(b.get(body..i)?)
            .ok()?
            .parse::<f64>()
            .ok()?
    } else {
        let rest = b.get(body..).unwrap_or_default();
        let starts = |word: &[u8]| {
            rest.get(..word.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(word))
        };
        if starts(b"infinity") {
            i = body + 8;
            f64::INFINITY
        } else if starts(b"inf") {
            i = body + 3;
            f64::INFINITY
        } else if starts(b"nan") {
            i = body + 3;
            f64::NAN
        } else {
            return None;
        }
    };
    Some((if negative { -value } else { value }, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str, base: u32) -> Option<String> {
        parse_int_text(s, base).ok().map(|v| v.to_string())
    }

    #[test]
    fn parse_int_follows_cpython_literal_rules() {
        assert_eq!(int("  12  ", 10).as_deref(), Some("12"));
        assert_eq!(int("0x1f", 16).as_deref(), Some("31"));
        assert_eq!(int("0x_1f", 0).as_deref(), Some("31"));
        assert_eq!(int("0_0", 0).as_deref(), Some("0"));
        assert_eq!(int("-0b101", 0).as_deref(), Some("-5"));
        assert_eq!(
            int("\u{a0}\u{663}\u{662}\u{2003}", 10).as_deref(),
            Some("32")
        );
        for bad in [
            "010", "0x__1", "_1", "1_", "1__0", "0b", "+-1", "-", "12\x1c", "1 2", "",
        ] {
            assert_eq!(int(bad, 0), None, "{bad:?}");
        }
        assert_eq!(
            parse_int_text(&"1".repeat(4301), 10),
            Err(IntTextError::TooManyDigits(4301))
        );
        assert!(parse_int_text(&"1".repeat(5000), 16).is_ok());
    }

    #[test]
    fn parse_complex_accepts_cpython_forms() {
        let ok = |s: &str| parse_complex_text(s).ok();
        assert_eq!(ok("1+2j"), Some((1.0, 2.0)));
        assert_eq!(ok(" ( -1.5e3-J ) "), Some((-1500.0, -1.0)));
        assert_eq!(ok("j"), Some((0.0, 1.0)));
        assert_eq!(ok("-j"), Some((0.0, -1.0)));
        assert_eq!(ok("1_0+2_0j"), Some((10.0, 20.0)));
        assert_eq!(ok("1e400"), Some((f64::INFINITY, 0.0)));
        assert_eq!(ok("\u{661}+\u{662}j"), Some((1.0, 2.0)));
        assert!(ok("-infinity+nanj").is_some_and(|(x, y)| x == f64::NEG_INFINITY && y.is_nan()));
        for bad in [
            "", "1+", "1e", "(1", "1)", "1j2", "1+2", "+", "1 +2j", "1+2j\0", "nanx",
        ] {
            assert_eq!(
                parse_complex_text(bad),
                Err(ComplexTextError::Malformed),
                "{bad:?}"
            );
        }
        for bad in ["1__0", "_1", "1_", "1_j", "1_+2j", "1_0\0"] {
            assert_eq!(
                parse_complex_text(bad),
                Err(ComplexTextError::BadUnderscore),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn parse_float_accepts_python_spellings_only() {
        assert_eq!(parse_float_text(" 1e3 "), Some(1000.0));
        assert_eq!(parse_float_text("1_000.5"), Some(1000.5));
        assert_eq!(parse_float_text("-iNfInItY"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float_text("1.e5"), Some(1e5));
        assert_eq!(parse_float_text("\u{661}.\u{665}"), Some(1.5));
        for bad in [
            "1_e5", "1e_5", "1._5", "_1.5", "1__2", ".", "e5", ".e5", "+-1", "0x10", "",
        ] {
            assert_eq!(parse_float_text(bad), None, "{bad:?}");
        }
    }
}
