//! `float`: CPython's float-to-text (Python/pystrtod.c `format_float_short` over dtoa-style
//! digits), `round()` with ndigits, `float.hex`/`float.fromhex`, and Python's floor-division
//! and modulo rules.
//!
//! Digits come from Rust's formatter, which is exact: `{:e}` gives the shortest round-trip
//! digits (dtoa mode 0), `{:.*e}` and `{:.*}` correctly rounded digits (modes 2 and 3).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// How `float_to_string` picks digits (the format codes of `PyOS_double_to_string`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatMode {
    /// `repr()`: shortest round-trip digits, exponent outside 1e-4 <= |x| < 1e16.
    Repr,
    /// `repr()` digits without the `.0` added to integral values (`PyOS_double_to_string`
    /// 'r' without Py_DTSF_ADD_DOT_0): the parts of a complex.
    ReprBare,
    /// `e`: `precision` digits after the point, always an exponent.
    Exp,
    /// `f`: `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits. `repr_like` is the no-type-with-precision case of
    /// `format()`, which keeps at least one digit after the point (Py_DTSF_ADD_DOT_0).
    General {
        /// Add `.0` to integral results.
        repr_like: bool,
    },
}

/// `repr(x)` / `str(x)` of a float (Python/pystrtod.c `PyOS_double_to_string` with 'r').
pub fn float_repr(x: f64) -> String {
    float_to_string(x, FloatMode::Repr, 0, false, false)
}

/// A float as text (CPython `PyOS_double_to_string`); `alternate` is the `#` flag and `upper`
/// selects `E`, `INF` and `NAN`.
pub fn float_to_string(
    x: f64,
    mode: FloatMode,
    precision: usize,
    alternate: bool,
    upper: bool,
) -> String {
    if !x.is_finite() {
        let s = match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        };
        return if x.is_infinite() && x < 0.0 {
            format!("-{s}")
        } else {
            s.to_string()
        };
    }
    let neg = x.is_sign_negative();
    let a = x.abs();
    let e_char = if upper { 'E' } else { 'e' };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    match mode {
        FloatMode::Fixed => {
            out.push_str(&format!("{a:.precision$}"));
            if alternate && precision == 0 {
                out.push('.');
            }
            out
        }
        FloatMode::Exp => {
            let (digits, decpt) = significant_digits(a, precision.saturating_add(1));
            let s = lay_out_digits(&digits, decpt, 'e', precision + 1, false, alternate);
            out.push_str(&s.replace('e', &e_char.to_string()));
            out
        }
        FloatMode::General { repr_like } => {
            let p = precision.max(1);
            let (digits, decpt) = significant_digits(a, p);
            let s = lay_out_digits(&digits, decpt, 'g', p, repr_like, alternate);
            out.push_str(&s.replace('e', &e_char.to_string()));
            out
        }
        FloatMode::Repr | FloatMode::ReprBare => {
            let (digits, decpt) = if a == 0.0 {
                ("0".to_string(), 1)
            } else {
                let (_, d, e) = shortest_digits(a);
                (d, e)
            };
            let add_dot_0 = mode == FloatMode::Repr;
            out.push_str(&lay_out_digits(
                &digits, decpt, 'r', 0, add_dot_0, alternate,
            ));
            out
        }
    }
}

/// `n` correctly rounded significant digits of a finite `a >= 0`, trailing zeros removed, and
/// the decimal point position (dtoa mode 2): value ~= 0.DIGITS * 10**decpt.
fn significant_digits(a: f64, n: usize) -> (String, i64) {
    if a == 0.0 {
        return ("0".to_string(), 1);
    }
    let s = format!("{:.*e}", n.saturating_sub(1), a);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    (digits.to_string(), exp + 1)
}

/// CPython `format_float_short` after the digits are known: place the decimal point, pad with
/// zeros and pick exponent form. `code` is 'e', 'g' or 'r'.
fn lay_out_digits(
    digits: &str,
    decpt: i64,
    code: char,
    precision: usize,
    add_dot_0: bool,
    alternate: bool,
) -> String {
    let digits_len = digits.len() as i64;
    let precision = i64::try_from(precision).unwrap_or(i64::MAX);
    let mut decpt = decpt;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'g' => {
            let limit = if add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if alternate {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let zeros = |n: i64| "0".repeat(usize::try_from(n).unwrap_or(0));
    let mut p = String::new();
    if decpt <= 0 {
        p.push_str(&zeros(decpt - vdigits_start));
        p.push('.');
        p.push_str(&zeros(-decpt));
    } else {
        p.push_str(&zeros(-vdigits_start));
    }
    if 0 < decpt && decpt <= digits_len {
        let d = usize::try_from(decpt).unwrap_or(0);
        p.push_str(digits.get(..d).unwrap_or(""));
        p.push('.');
        p.push_str(digits.get(d..).unwrap_or(""));
    } else {
        p.push_str(digits);
    }
    if digits_len < decpt {
        p.push_str(&zeros(decpt - digits_len));
        p.push('.');
        p.push_str(&zeros(vdigits_end - decpt));
    } else {
        p.push_str(&zeros(vdigits_end - digits_len));
    }
    if p.ends_with('.') && !alternate {
        p.pop();
    }
    if use_exp {
        let sign = if exp < 0 { '-' } else { '+' };
        p.push_str(&format!("e{sign}{:02}", exp.abs()));
    }
    p
}

/// The shortest round-trip decimal digits of a finite non-zero float: (negative, digits,
/// exponent) where the value is 0.DIGITS * 10^exponent.
pub fn shortest_digits(x: f64) -> (bool, String, i64) {
    // Rust's `{:e}` prints the shortest round-trip representation.
    let s = format!("{:e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() {
        "0".to_string()
    } else {
        digits.to_string()
    };
    // Two shortest candidates can be equally near only when the exact value has at most 18
    // significant digits: dtoa then takes the correctly rounded one, half to even. A float
    // m * 2**e (m odd) has that few digits only if e >= -30 and it is below 1e40.
    if digits.len() >= 16 && few_exact_digits(x.abs()) {
        let (exact, decpt) = significant_digits(x.abs(), digits.len());
        if exact != digits && format!("0.{exact}e{decpt}").parse::<f64>() == Ok(x.abs()) {
            return (x.is_sign_negative(), exact, decpt);
        }
    }
    (x.is_sign_negative(), digits, exp + 1)
}

/// Whether a finite float's exact decimal expansion might have at most 18 significant digits
/// (m * 2**e with m odd needs e >= -30, since 5**31 alone has 22 digits, and a value below
/// 1e40, since at most 22 trailing zeros come from m's factors of 5).
fn few_exact_digits(a: f64) -> bool {
    let (m, e) = decompose(a);
    if m == 0 {
        return true;
    }
    let e = e + i64::from(m.trailing_zeros());
    e >= -30 && a < 1e40
}

/// Python `a // b` for floats (caller checks b != 0).
pub fn float_floordiv(a: f64, b: f64) -> f64 {
    float_divmod(a, b).0
}

/// Python `a % b` for floats (caller checks b != 0): the result takes the divisor's sign.
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) { m + b } else { m }
    } else {
        0.0_f64.copysign(b)
    }
}

/// Python `divmod` for floats (Objects/floatobject.c `_float_div_mod`).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0_f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0_f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `ndigits` beyond which rounding leaves every float unchanged (floatobject.c NDIGITS_MAX).
const NDIGITS_MAX: i64 = 323;
/// `ndigits` below which every float rounds to zero (floatobject.c NDIGITS_MIN).
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)` as CPython's `double_round`: the exact value rounded half to even at
/// `ndigits` decimal places, read back correctly rounded. `None` when the result overflows
/// ("rounded value too large to represent").
pub fn round_to(x: f64, ndigits: i64) -> Option<f64> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Some(x);
    }
    if ndigits < NDIGITS_MIN {
        return Some(0.0 * x);
    }
    if x == 0.0 {
        return Some(x);
    }
    let (m, e) = decompose(x.abs());
    let ten = BigInt::from(10);
    let scale = ten.pow(u32::try_from(ndigits.unsigned_abs()).unwrap_or(0));
    let mut num = BigInt::from(m);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= usize::try_from(e).unwrap_or(0);
    } else {
        den <<= usize::try_from(-e).unwrap_or(0);
    }
    if ndigits >= 0 {
        num *= &scale;
    } else {
        den *= &scale;
    }
    let (q, r) = num.div_rem(&den);
    let twice = r << 1usize;
    let q = if twice > den || (twice == den && q.is_odd()) {
        q + 1
    } else {
        q
    };
    let sign = if x < 0.0 { "-" } else { "" };
    let text = format!("{sign}{q}e{}", -ndigits);
    let r: f64 = text.parse().ok()?;
    if r.is_infinite() { None } else { Some(r) }
}

/// A finite non-negative float as `m * 2**e` with an integer `m < 2**53`.
pub fn decompose(a: f64) -> (u64, i64) {
    let bits = a.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (mant, -1074)
    } else {
        (mant | (1u64 << 52), exp - 1075)
    }
}

/// `x * 2**e`, rounding once at most (C `ldexp`).
pub fn ldexp(x: f64, e: i64) -> f64 {
    let mut x = x;
    let mut e = e.clamp(-4000, 4000);
    while e > 1023 {
        x *= f64::from_bits(2046u64 << 52);
        e -= 1023;
    }
    while e < -1022 {
        x *= f64::from_bits(1u64 << 52);
        e += 1022;
    }
    x * f64::from_bits(((e + 1023) as u64) << 52)
}

/// `float.hex()` (Objects/floatobject.c float_hex).
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!(
        "{sign}0x{lead}.{mant:013x}p{}{}",
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

/// Why `float.fromhex` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum FromHexError {
    /// "invalid hexadecimal floating-point string" (ValueError).
    Invalid,
    /// "hexadecimal value too large to represent as a float" (OverflowError).
    Overflow,
}

/// `float.fromhex(s)` (Objects/floatobject.c float_fromhex): round half to even.
pub fn float_fromhex(s: &str) -> Result<f64, FromHexError> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, t.get(1..).unwrap_or("")),
        Some(b'+') => (false, t.get(1..).unwrap_or("")),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let signed = |v: f64| if neg { -v } else { v };
    match lower.as_str() {
        "inf" | "infinity" => return Ok(signed(f64::INFINITY)),
        "nan" => return Ok(f64::NAN),
        _ => {}
    }
    let b = lower.strip_prefix("0x").unwrap_or(&lower).as_bytes();
    let mut i = 0;
    let mut hex: Vec<u8> = Vec::new();
    let mut frac = 0i64;
    while let Some(c) = b.get(i).filter(|c| c.is_ascii_hexdigit()) {
        hex.push(*c);
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(c) = b.get(i).filter(|c| c.is_ascii_hexdigit()) {
            hex.push(*c);
            frac += 1;
            i += 1;
        }
    }
    if hex.is_empty() {
        return Err(FromHexError::Invalid);
    }
    let mut exp: i64 = 0;
    if b.get(i) == Some(&b'p') {
        i += 1;
        let eneg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while let Some(c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            exp = exp.saturating_mul(10).saturating_add(i64::from(c - b'0'));
            i += 1;
        }
        if i == start {
            return Err(FromHexError::Invalid);
        }
        exp = exp.min(1 << 40);
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(FromHexError::Invalid);
    }
    let mant = BigInt::parse_bytes(&hex, 16).unwrap_or_default();
    if mant.is_zero() {
        return Ok(signed(0.0));
    }
    let e = exp.saturating_sub(frac.saturating_mul(4));
    let top = (mant.bits() as i64).saturating_add(e);
    if top > 1024 {
        return Err(FromHexError::Overflow);
    }
    if top < -1075 {
        return Ok(signed(0.0));
    }
    let ulp = (top - 53).max(-1074);
    let shift = ulp - e;
    let q = if shift > 0 {
        round_shift(&mant, u64::try_from(shift).unwrap_or(0))
    } else {
        mant << usize::try_from(-shift).unwrap_or(0)
    };
    let v = ldexp(q.to_f64().unwrap_or(f64::INFINITY), ulp);
    if v.is_infinite() {
        return Err(FromHexError::Overflow);
    }
    Ok(signed(v))
}

/// `m >> shift` rounded half to even.
fn round_shift(m: &BigInt, shift: u64) -> BigInt {
    let q: BigInt = m >> shift;
    let rem = m - (&q << shift);
    let half = BigInt::one() << (shift - 1);
    match rem.cmp(&half) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    }
}

/// Whether `a` is a float holding an integer value small enough for `as i64`.
pub fn small_integral(a: f64) -> Option<i64> {
    (a.fract() == 0.0 && a.abs() < 9.2e18).then_some(a as i64)
}

/// An integral float as a big int (exact; caller checks it is finite).
pub fn float_to_big(f: f64) -> BigInt {
    let (m, e) = decompose(f.abs());
    let v = if e >= 0 {
        BigInt::from(m) << usize::try_from(e).unwrap_or(0)
    } else {
        BigInt::from(m) >> usize::try_from(-e).unwrap_or(0)
    };
    if f.is_sign_negative() && !v.is_negative() {
        -v
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_switches_to_exponent_like_cpython() {
        let cases = [
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (-1_501_199_875_790_165.2, "-1501199875790165.2"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (f64::NAN, "nan"),
            (f64::NEG_INFINITY, "-inf"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want);
        }
    }

    #[test]
    fn round_to_is_correctly_rounded() {
        assert_eq!(round_to(2.675, 2), Some(2.67));
        assert_eq!(round_to(0.125, 2), Some(0.12));
        assert_eq!(round_to(0.375, 2), Some(0.38));
        assert_eq!(round_to(12.5, -1), Some(10.0));
        assert_eq!(round_to(1e300, -300), Some(1e300));
        assert_eq!(round_to(5e-324, 320), Some(0.0));
        assert_eq!(round_to(1.7976931348623157e308, -308), None);
    }

    #[test]
    fn float_hex_round_trips() {
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex(-0.1), "-0x1.999999999999ap-4");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_fromhex("0x1.8p1"), Ok(3.0));
        assert_eq!(float_fromhex("-0x1p-1074"), Ok(-5e-324));
        assert_eq!(float_fromhex("0x1p1024"), Err(FromHexError::Overflow));
        assert_eq!(float_fromhex("x"), Err(FromHexError::Invalid));
    }
}
