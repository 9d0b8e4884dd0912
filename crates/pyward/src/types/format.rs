//! The format-spec mini-language (`format()`, `str.format`, f-strings), as CPython's
//! Python/formatter_unicode.c implements it for int, float and str.

use num_bigint::BigInt;
use num_traits::Signed;

use super::float::float_repr;

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    /// Fill character.
    pub fill: Option<char>,
    /// `<`, `>`, `=`, `^`.
    pub align: Option<char>,
    /// `+`, `-`, ` `.
    pub sign: Option<char>,
    /// `#`.
    pub alternate: bool,
    /// A leading `0` before the width.
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

/// Parse a spec; `type_name` is for the error message.
pub fn parse_spec(spec: &str, type_name: &str) -> Result<Spec, FmtError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c) = chars.get(i) {
        if matches!(c, '+' | '-' | ' ') {
            s.sign = Some(c);
            i += 1;
        }
    }
    if chars.get(i) == Some(&'z') {
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        s.alternate = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while chars.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    if i > start {
        let w: String = chars[start..i].iter().collect();
        s.width = Some(
            w.parse()
                .map_err(|_| "Too many decimal digits in format string".to_string())?,
        );
    }
    if let Some(&c) = chars.get(i) {
        if c == ',' || c == '_' {
            s.grouping = Some(c);
            i += 1;
        }
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        let start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return Err("Format specifier missing precision".into());
        }
        let p: String = chars[start..i].iter().collect();
        s.precision = Some(
            p.parse()
                .map_err(|_| "Too many decimal digits in format string".to_string())?,
        );
    }
    if i + 1 < chars.len() {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        ));
    }
    if let Some(&c) = chars.get(i) {
        s.ty = Some(c);
    }
    if s.zero && s.fill.is_none() {
        s.fill = Some('0');
        if s.align.is_none() {
            s.align = Some('=');
        }
    }
    Ok(s)
}

fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
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

fn sign_str(neg: bool, sign: Option<char>) -> &'static str {
    if neg {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Format an int.
pub fn format_int(v: &BigInt, spec: &Spec, type_name: &str) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = num_traits::ToPrimitive::to_f64(v).unwrap_or(f64::INFINITY);
            return format_float(f, spec, type_name);
        }
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        _ => {
            return Err(format!(
                "Unknown format code '{ty}' for object of type '{type_name}'"
            ));
        }
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".into());
        }
        let code = num_traits::ToPrimitive::to_u32(v).and_then(char::from_u32);
        let Some(c) = code else {
            return Err("%c arg not in range(0x110000)".into());
        };
        return Ok(pad(spec, "", &c.to_string(), '<'));
    }
    if let Some(g) = spec.grouping {
        if g == ',' && matches!(ty, 'b' | 'o' | 'x' | 'X') {
            return Err(format!("Cannot specify ',' with '{ty}'."));
        }
    }
    let neg = v.is_negative();
    let mag = v.abs();
    let (digits, prefix) = match ty {
        'b' => (mag.to_str_radix(2), "0b"),
        'o' => (mag.to_str_radix(8), "0o"),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        _ => (mag.to_string(), ""),
    };
    let digits = match spec.grouping {
        Some(g) => group_digits(
            &digits,
            g,
            if matches!(ty, 'b' | 'o' | 'x' | 'X') {
                4
            } else {
                3
            },
        ),
        None => digits,
    };
    let mut head = sign_str(neg, spec.sign).to_string();
    if spec.alternate {
        head.push_str(prefix);
    }
    Ok(pad(spec, &head, &digits, '>'))
}

/// Format a float.
pub fn format_float(x: f64, spec: &Spec, type_name: &str) -> Result<String, FmtError> {
    let ty = spec.ty;
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(format!(
                "Unknown format code '{t}' for object of type '{type_name}'"
            ));
        }
    }
    let neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut body = if !a.is_finite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        let s = if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        };
        if ty == Some('%') { format!("{s}%") } else { s }
    } else {
        match ty {
            Some('f' | 'F') => format!("{:.*}", spec.precision.unwrap_or(6), a),
            Some('%') => format!("{:.*}%", spec.precision.unwrap_or(6), a * 100.0),
            Some('e' | 'E') => exp_format(a, spec.precision.unwrap_or(6), upper),
            Some('g' | 'G' | 'n') => {
                general(a, spec.precision.unwrap_or(6), spec.alternate, upper, false)
            }
            None => match spec.precision {
                None => float_repr(a),
                Some(p) => general(a, p, spec.alternate, false, true),
            },
            Some(_) => String::new(),
        }
    };
    if spec.alternate
        && a.is_finite()
        && !body.contains('.')
        && matches!(ty, Some('f' | 'F' | 'e' | 'E' | '%'))
    {
        if let Some(pos) = body.find(['e', 'E', '%']) {
            body.insert(pos, '.');
        } else {
            body.push('.');
        }
    }
    if let Some(g) = spec.grouping {
        let split = body.find(['.', 'e', 'E', '%']).unwrap_or(body.len());
        let (int_part, rest) = body.split_at(split);
        if int_part.chars().all(|c| c.is_ascii_digit()) {
            body = format!("{}{rest}", group_digits(int_part, g, 3));
        }
    }
    Ok(pad(spec, sign_str(neg, spec.sign), &body, '>'))
}

fn exp_format(a: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, a);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let sign = if e < 0 { '-' } else { '+' };
    format!(
        "{mant}{}{sign}{:02}",
        if upper { 'E' } else { 'e' },
        e.abs()
    )
}

/// `g` formatting; `repr_like` is the no-type-with-precision case (keeps a `.0`).
fn general(a: f64, prec: usize, alternate: bool, upper: bool, repr_like: bool) -> String {
    let p = prec.max(1);
    if a == 0.0 {
        return if alternate {
            format!("0.{}", "0".repeat(p - 1))
        } else if repr_like {
            "0.0".into()
        } else {
            "0".into()
        };
    }
    // The exponent after rounding to p significant digits.
    let e_str = format!("{:.*e}", p - 1, a);
    let exp: i32 = e_str
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let p_i = i32::try_from(p).unwrap_or(i32::MAX);
    let mut s = if -4 <= exp && exp < p_i {
        let decimals = usize::try_from(p_i - 1 - exp).unwrap_or(0);
        format!("{:.*}", decimals, a)
    } else {
        exp_format(a, p - 1, upper)
    };
    if !alternate {
        let (mant, rest) = match s.find(['e', 'E']) {
            Some(i) => (s[..i].to_string(), s[i..].to_string()),
            None => (s.clone(), String::new()),
        };
        let mant = if mant.contains('.') {
            mant.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            mant
        };
        s = format!("{mant}{rest}");
        if repr_like && !s.contains(['.', 'e', 'E']) {
            s.push_str(".0");
        }
    }
    s
}

/// Format a str (Python/formatter_unicode.c format_string_internal), checking in CPython's
/// order: grouping against the type (done while parsing there), the type code, then sign, `#`
/// and `=`. A `0` before the width pads with '0' but keeps str's default left alignment; the
/// caller clears the implied `=` (`Vm::format`).
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
