//! `float`: CPython's repr (shortest round-trip digits, `repr` style switches to exponent form
//! outside 1e-4 <= |x| < 1e16), and Python's floor-division and modulo rules.

/// `repr(x)` / `str(x)` of a float (Python/pystrtod.c `PyOS_double_to_string` with 'r').
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let (neg, digits, exp) = shortest_digits(x);
    // `exp` is the decimal exponent of the first digit: value = 0.d1d2... * 10^(exp)
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let decpt = exp; // position of the decimal point relative to the digits
    if -4 < decpt && decpt <= 16 {
        if decpt <= 0 {
            out.push_str("0.");
            for _ in 0..(-decpt) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let d = decpt as usize;
            if digits.len() <= d {
                out.push_str(&digits);
                for _ in 0..(d - digits.len()) {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                out.push_str(digits.get(..d).unwrap_or(""));
                out.push('.');
                out.push_str(digits.get(d..).unwrap_or(""));
            }
        }
    } else {
        let e = decpt - 1;
        out.push_str(digits.get(..1).unwrap_or(""));
        if digits.len() > 1 {
            out.push('.');
            out.push_str(digits.get(1..).unwrap_or(""));
        }
        out.push('e');
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", e.abs()));
    }
    out
}

/// The shortest round-trip decimal digits of a finite non-zero float: (negative, digits,
/// exponent) where the value is 0.DIGITS * 10^exponent.
pub fn shortest_digits(x: f64) -> (bool, String, i32) {
    // Rust's `{:e}` prints the shortest round-trip representation.
    let s = format!("{:e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() {
        "0".to_string()
    } else {
        digits.to_string()
    };
    (x.is_sign_negative(), digits, exp + 1)
}

/// Python `a // b` for floats (caller checks b != 0).
pub fn float_floordiv(a: f64, b: f64) -> f64 {
    float_divmod(a, b).0
}

/// Python `a % b` for floats (caller checks b != 0): the result takes the divisor's sign.
pub fn float_mod(a: f64, b: f64) -> f64 {
    float_divmod(a, b).1
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

/// Round half to even at `ndigits` decimal places (CPython `double_round`, via exact decimal
/// formatting, so `round(2.675, 2)` is 2.67 as in CPython).
pub fn round_to(x: f64, ndigits: i32) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if ndigits > 308 {
        return x;
    }
    if ndigits < -308 {
        return 0.0_f64.copysign(x);
    }
    if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, x);
        return s.parse().unwrap_or(x);
    }
    let p = 10f64.powi(-ndigits);
    let y = x / p;
    let r = y.round();
    let r = if (y - y.trunc()).abs() == 0.5 {
        2.0 * (y / 2.0).round()
    } else {
        r
    };
    r * p
}
