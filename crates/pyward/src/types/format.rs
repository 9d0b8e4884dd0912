//! The format-spec mini-language (`format()`, `str.format`, f-strings), as CPython's
//! Python/formatter_unicode.c implements it for int, float, complex and str.
//!
//! Numbers follow `format_long_internal` / `format_float_internal`: the digits are laid out as
//! `<lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>` (calc_number_widths),
//! and zero padding with `=` alignment is grouped like the digits.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::float::{FloatMode, float_to_string};
use super::int::int_to_decimal;
use crate::exc::{self, PyResult};

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    /// Fill character.
    pub fill: Option<char>,
    /// `<`, `>`, `=`, `^`.
    pub align: Option<char>,
    /// `+`, `-`, ` `.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero (floats only).
    pub no_neg_0: bool,
    /// `#`.
    pub alternate: bool,
    /// A leading `0` before the width (only when no fill was given; the fill becomes `0`).
    pub zero: bool,
    /// Minimum width.
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type.
    pub ty: Option<char>,
}

/// Why a spec cannot be applied: the exact ValueError text.
pub type FmtError = String;

/// Parse a spec; `type_name` is for the error message. Thousands separators are not checked
/// against the type here (see `parse_number_spec`).
pub fn parse_spec(spec: &str, type_name: &str) -> Result<Spec, FmtError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    let at = |i: usize| chars.get(i).copied();
    if at(1).is_some_and(is_align) {
        s.fill = at(0);
        s.align = at(1);
        i = 2;
    } else if at(0).is_some_and(is_align) {
        s.align = at(0);
        i = 1;
    }
    if let Some(c @ ('+' | '-' | ' ')) = at(i) {
        s.sign = Some(c);
        i += 1;
    }
    if at(i) == Some('z') {
        s.no_neg_0 = true;
        i += 1;
    }
    if at(i) == Some('#') {
        s.alternate = true;
        i += 1;
    }
    if s.fill.is_none() && at(i) == Some('0') {
        s.zero = true;
        s.fill = Some('0');
        i += 1;
    }
    let start = i;
    while at(i).is_some_and(|c| c.is_ascii_digit()) {
        i += 1;
    }
    if i > start {
        s.width = Some(parse_count(chars.get(start..i).unwrap_or(&[]))?);
    }
    if at(i) == Some(',') {
        s.grouping = Some(',');
        i += 1;
    }
    if at(i) == Some('_') {
        if s.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".into());
        }
        s.grouping = Some('_');
        i += 1;
    }
    if at(i) == Some(',') && s.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".into());
    }
    if at(i) == Some('.') {
        i += 1;
        let start = i;
        while at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        if i == start {
            return Err("Format specifier missing precision".into());
        }
        s.precision = Some(parse_count(chars.get(start..i).unwrap_or(&[]))?);
    }
    if i + 1 < chars.len() {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        ));
    }
    s.ty = at(i);
    Ok(s)
}

/// A width or precision; CPython's get_integer refuses values beyond Py_ssize_t.
fn parse_count(digits: &[char]) -> Result<usize, FmtError> {
    let mut n: usize = 0;
    for c in digits {
        let d = c.to_digit(10).unwrap_or(0) as usize;
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d))
            .filter(|n| isize::try_from(*n).is_ok())
            .ok_or_else(|| "Too many decimal digits in format string".to_string())?;
    }
    Ok(n)
}

/// Parse a spec for a number whose presentation type defaults to `default_ty` ('d' for int,
/// none for float), and check the thousands separator against the type as CPython's
/// parse_internal_render_format_spec does.
pub fn parse_number_spec(
    spec: &str,
    type_name: &str,
    default_ty: Option<char>,
) -> Result<Spec, FmtError> {
    let mut s = parse_spec(spec, type_name)?;
    if s.ty.is_none() {
        s.ty = default_ty;
    }
    if let Some(g) = s.grouping {
        match s.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => return Err(cannot_group(g, t)),
        }
    }
    Ok(s)
}

/// `Cannot specify ',' with 'x'.` (formatter_unicode.c invalid_thousands_separator_type).
fn cannot_group(g: char, t: char) -> String {
    if (33..128).contains(&(t as u32)) {
        format!("Cannot specify '{g}' with '{t}'.")
    } else {
        format!("Cannot specify '{g}' with '\\x{:x}'.", t as u32)
    }
}

/// `Unknown format code 'd' for object of type 'float'` (unknown_presentation_type).
pub fn unknown_code(t: char, type_name: &str) -> String {
    if (33..128).contains(&(t as u32)) {
        format!("Unknown format code '{t}' for object of type '{type_name}'")
    } else {
        format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            t as u32
        )
    }
}

/// Digits with thousands separators, left-padded with zeros to `min_width` characters
/// (CPython `_PyUnicode_InsertThousandsGrouping` with a repeating group of `every`).
fn group_digits(digits: &str, group: Option<(char, usize)>, min_width: isize) -> String {
    let digits: Vec<char> = digits.chars().collect();
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width;
    let mut parts: Vec<String> = Vec::new();
    let mut end = digits.len();
    let mut take = |l: isize, remaining: &mut isize, parts: &mut Vec<String>| {
        let n_chars = (*remaining).min(l).max(0);
        let n_zeros = (l - *remaining).max(0);
        let n_chars_u = usize::try_from(n_chars).unwrap_or(0);
        let from = end.saturating_sub(n_chars_u);
        let mut p: String = "0".repeat(usize::try_from(n_zeros).unwrap_or(0));
        p.extend(digits.get(from..end).unwrap_or(&[]).iter());
        end = from;
        parts.push(p);
        *remaining -= n_chars;
    };
    let mut done = false;
    if let Some((_, every)) = group {
        let every = every as isize;
        loop {
            let l = every.min(remaining.max(min_width).max(1));
            take(l, &mut remaining, &mut parts);
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                done = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !done {
        let l = remaining.max(min_width).max(1);
        take(l, &mut remaining, &mut parts);
    }
    parts.reverse();
    let sep = group.map(|(c, _)| c.to_string()).unwrap_or_default();
    parts.join(&sep)
}

/// Lay out a formatted number (CPython calc_number_widths + fill_number). `digits` are the
/// leading digits to group; `remainder` follows them (decimal point, fraction, exponent).
fn lay_out(
    spec: &Spec,
    negative: bool,
    prefix: &str,
    digits: &str,
    remainder: &str,
    group: Option<(char, usize)>,
) -> String {
    let sign = match (negative, spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    let fill = spec.fill.unwrap_or(' ');
    let align = spec.align.unwrap_or(if spec.zero { '=' } else { '>' });
    let width = spec
        .width
        .map_or(-1, |w| isize::try_from(w).unwrap_or(isize::MAX));
    let fixed = (sign.len() + prefix.chars().count() + remainder.chars().count()) as isize;
    let min_width = if fill == '0' && align == '=' {
        width - fixed
    } else {
        0
    };
    let body = if digits.is_empty() {
        String::new()
    } else if group.is_none() && min_width <= digits.len() as isize {
        digits.to_string()
    } else {
        group_digits(digits, group, min_width)
    };
    let len = fixed + body.chars().count() as isize;
    let pad = usize::try_from(width - len).unwrap_or(0);
    let fills = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    let (l, s, r) = match align {
        '<' => (0, 0, pad),
        '^' => (pad / 2, 0, pad - pad / 2),
        '=' => (0, pad, 0),
        _ => (pad, 0, 0),
    };
    format!(
        "{}{sign}{prefix}{}{body}{remainder}{}",
        fills(l),
        fills(s),
        fills(r)
    )
}

/// The separator and group size a spec asks for ('n' groups nothing in the C locale).
fn grouping_of(spec: &Spec, every: usize) -> Option<(char, usize)> {
    spec.grouping.map(|g| (g, every))
}

/// `format(int, spec)` for a spec parsed by `parse_number_spec(_, _, Some('d'))`
/// (CPython format_long_internal; float types go through the float path).
pub fn format_int(v: &BigInt, spec: &Spec, type_name: &str) -> PyResult<String> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = v
                .to_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| exc::overflow_error("int too large to convert to float"))?;
            return format_float(f, spec, type_name);
        }
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        _ => return Err(exc::value_error(unknown_code(ty, type_name))),
    }
    if spec.precision.is_some() {
        return Err(exc::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(exc::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(exc::value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(exc::value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let Some(x) = v.to_i64() else {
            return Err(exc::overflow_error(
                "Python int too large to convert to C long",
            ));
        };
        let c = u32::try_from(x)
            .ok()
            .filter(|x| *x <= 0x10ffff)
            .ok_or_else(|| exc::overflow_error("%c arg not in range(0x110000)"))?;
        // Surrogates are valid Python characters but not Rust chars.
        let c = char::from_u32(c).unwrap_or('\u{fffd}');
        return Ok(lay_out(spec, false, "", "", &c.to_string(), None));
    }
    let mag = v.abs();
    let (digits, prefix, every) = match ty {
        'b' => (mag.to_str_radix(2), "0b", 4),
        'o' => (mag.to_str_radix(8), "0o", 4),
        'x' => (mag.to_str_radix(16), "0x", 4),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X", 4),
        _ => (int_to_decimal(&mag)?, "", 3),
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let group = if ty == 'n' {
        None
    } else {
        grouping_of(spec, every)
    };
    Ok(lay_out(spec, v.is_negative(), prefix, &digits, "", group))
}

/// `format(float, spec)` for a spec parsed by `parse_number_spec(_, _, None)`
/// (CPython format_float_internal).
pub fn format_float(x: f64, spec: &Spec, type_name: &str) -> PyResult<String> {
    let ty = spec.ty;
    let (mode, upper, pct) = match ty {
        None => match spec.precision {
            None => (FloatMode::Repr, false, false),
            Some(_) => (FloatMode::General { repr_like: true }, false, false),
        },
        Some('e') => (FloatMode::Exp, false, false),
        Some('E') => (FloatMode::Exp, true, false),
        Some('f') => (FloatMode::Fixed, false, false),
        Some('F') => (FloatMode::Fixed, true, false),
        Some('g' | 'n') => (FloatMode::General { repr_like: false }, false, false),
        Some('G') => (FloatMode::General { repr_like: false }, true, false),
        Some('%') => (FloatMode::Fixed, false, true),
        Some(t) => return Err(exc::value_error(unknown_code(t, type_name))),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(exc::value_error("precision too big"));
    }
    let default_precision = if ty.is_none() { 0 } else { 6 };
    let precision = spec.precision.unwrap_or(default_precision);
    let val = if pct { x * 100.0 } else { x };
    let mut text = float_to_string(val, mode, precision, spec.alternate, upper);
    if spec.no_neg_0 {
        text = without_negative_zero(text);
    }
    if pct {
        text.push('%');
    }
    // CPython's fast path: nothing to pad, sign or group.
    if !matches!(spec.sign, Some('+' | ' '))
        && spec.width.is_none()
        && ty != Some('n')
        && spec.grouping.is_none()
    {
        return Ok(text);
    }
    let (negative, digits, remainder) = split_number(&text);
    let group = if ty == Some('n') {
        None
    } else {
        grouping_of(spec, 3)
    };
    Ok(lay_out(spec, negative, "", digits, remainder, group))
}

/// `text` without the sign of a negative zero (the `z` flag, Py_DTSF_NO_NEG_0).
fn without_negative_zero(text: String) -> String {
    match text.strip_prefix('-') {
        Some(rest)
            if rest
                .chars()
                .all(|c| matches!(c, '0' | '.' | 'e' | 'E' | '+' | '-')) =>
        {
            rest.to_string()
        }
        _ => text,
    }
}

/// A formatted float split into its sign, its leading digits (which grouping applies to)
/// and the rest (CPython parse_number).
fn split_number(text: &str) -> (bool, &str, &str) {
    let (negative, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text),
    };
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, remainder) = body.split_at(split);
    (negative, digits, remainder)
}

/// `format(complex, spec)` for a spec parsed by `parse_number_spec(_, "complex", None)`
/// (CPython format_complex_internal). Each part is laid out like a float without padding, the
/// imaginary part always signed unless the real part is left out; then the whole is padded.
/// With no type the parts are repr digits, the real part is left out when it is +0 and the
/// rest is parenthesized; a precision then means 'g'.
pub fn format_complex(re: f64, im: f64, spec: &Spec) -> PyResult<String> {
    let (mut code, upper) = match spec.ty {
        None => ('r', false),
        Some(c @ ('e' | 'f' | 'g')) => (c, false),
        Some('n') => ('g', false),
        Some(c @ ('E' | 'F' | 'G')) => (c.to_ascii_lowercase(), true),
        Some(t) => return Err(exc::value_error(unknown_code(t, "complex"))),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(exc::value_error("precision too big"));
    }
    if spec.fill == Some('0') {
        return Err(exc::value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(exc::value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let bare = spec.ty.is_none();
    let skip_re = bare && re == 0.0 && re.is_sign_positive();
    let parens = bare && !skip_re;
    let precision = match spec.precision {
        None if bare => 0,
        None => 6,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let mode = match code {
        'r' => FloatMode::ReprBare,
        'e' => FloatMode::Exp,
        'f' => FloatMode::Fixed,
        _ => FloatMode::General { repr_like: false },
    };
    let group = if spec.ty == Some('n') {
        None
    } else {
        grouping_of(spec, 3)
    };
    let part = |x: f64, sign: Option<char>| {
        let mut text = float_to_string(x, mode, precision, spec.alternate, upper);
        if spec.no_neg_0 {
            text = without_negative_zero(text);
        }
        let (negative, digits, remainder) = split_number(&text);
        let unpadded = Spec {
            fill: None,
            align: Some('<'),
            zero: false,
            width: None,
            sign,
            ..spec.clone()
        };
        lay_out(&unpadded, negative, "", digits, remainder, group)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, spec.sign));
    }
    body.push_str(&part(im, if skip_re { spec.sign } else { Some('+') }));
    body.push('j');
    if parens {
        body.push(')');
    }
    Ok(pad(spec, "", &body, '>'))
}

/// Pad `body` (with its sign/prefix already split off) to the spec's width.
fn pad(spec: &Spec, sign_prefix: &str, body: &str, default_align: char) -> String {
    let fill = spec.fill.unwrap_or(' ');
    let align = spec.align.unwrap_or(default_align);
    let len = sign_prefix.chars().count() + body.chars().count();
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return format!("{sign_prefix}{body}");
    }
    let padn = width - len;
    let fills = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    match align {
        '<' => format!("{sign_prefix}{body}{}", fills(padn)),
        '^' => format!(
            "{}{sign_prefix}{body}{}",
            fills(padn / 2),
            fills(padn - padn / 2)
        ),
        '=' => format!("{sign_prefix}{}{body}", fills(padn)),
        _ => format!("{}{sign_prefix}{body}", fills(padn)),
    }
}

/// Format a str.
pub fn format_str(v: &str, spec: &Spec) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('s');
    if let Some(g) = spec.grouping {
        let ok = matches!(ty, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')
            || (g == '_' && matches!(ty, 'b' | 'o' | 'x' | 'X'));
        if !ok {
            return Err(format!("Cannot specify '{g}' with '{ty}'."));
        }
    }
    if ty != 's' {
        return Err(format!(
            "Unknown format code '{ty}' for object of type 'str'"
        ));
    }
    if spec.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    let body = match spec.precision {
        Some(p) => match v.char_indices().nth(p) {
            Some((cut, _)) => v.get(..cut).unwrap_or(v),
            None => v,
        },
        None => v,
    };
    Ok(pad(spec, "", body, '<'))
}

/// Whether a spec asks for more output than `limit` bytes (checked before building).
pub fn spec_too_wide(spec: &Spec, limit: usize) -> bool {
    spec.width.unwrap_or(0) > limit || spec.precision.unwrap_or(0) > limit
}
