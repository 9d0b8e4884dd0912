//! `str % args` (Objects/unicodeobject.c PyUnicode_Format and its unicode_format_arg_*
//! helpers), following CPython's argument state machine: a tuple is consumed item by item, any
//! other value is the single argument, and a mapping (anything subscriptable but str and tuple)
//! also serves `%(key)s`, after which the looked-up value becomes the current argument.
//! `bytes % args` (Objects/bytesobject.c _PyBytes_FormatEx) runs the same machine over the
//! format's bytes read as latin-1 chars, with `%s`/`%b` taking bytes-like values, `%r`/`%a`
//! giving `ascii()`, and `%c` taking a byte.

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive};

use crate::exc::{self, PyResult, messages, messages::string as msg};
use crate::types::format::{Spec, format_float};
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

use super::int::to_big;

/// The argument cursor of PyUnicode_Format (`arglen`/`argidx`: -1/-2 for a single value).
struct ArgCursor {
    args: Value,
    items: Vec<Value>,
    arglen: i64,
    argidx: i64,
}

impl ArgCursor {
    /// unicode_format_getnextarg.
    fn next(&mut self) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx = self.argidx.saturating_add(1);
            if self.arglen < 0 {
                return Ok(self.args);
            }
            let item = usize::try_from(i).ok().and_then(|i| self.items.get(i));
            if let Some(v) = item {
                return Ok(*v);
            }
        }
        Err(exc::type_error("not enough arguments for format string"))
    }

    /// Make `v` the single current argument (after a `%(key)` lookup).
    fn set_single(&mut self, v: Value) {
        self.args = v;
        self.arglen = -1;
        self.argidx = -2;
    }
}

/// The parsed flags of one conversion.
#[derive(Default)]
struct Conv {
    ljust: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: usize,
    prec: Option<usize>,
}

/// A `*` width or precision argument: "* wants int".
fn star_arg(vm: &Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(i64::from(b)),
        _ => match to_big(vm, v) {
            Some(b) => Ok(if b.is_negative() { i64::MIN } else { i64::MAX }),
            None => Err(exc::type_error("* wants int")),
        },
    }
}

/// Read decimal digits as a width or precision; `what` names the overflow error.
fn read_number(chars: &[char], i: &mut usize, what: &str) -> PyResult<usize> {
    let mut n = 0usize;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| i64::try_from(n).is_ok())
            .ok_or_else(|| exc::value_error(format!("{what} too big")))?;
        *i += 1;
    }
    Ok(n)
}

impl Vm {
    /// `fmt % args` for str.
    pub(crate) fn percent_format(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        let chars: Vec<char> = self.str_of(fmt).unwrap_or("").chars().collect();
        let out = self.percent_core(&chars, args, false)?;
        self.new_str(out)
    }

    /// `fmt % args` for bytes and bytearray (the result has the format's type).
    pub(crate) fn percent_format_bytes(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        let (chars, is_array): (Vec<char>, bool) = match self.heap.get_obj(fmt) {
            Some(Object::Bytes(b)) => (b.iter().map(|&c| char::from(c)).collect(), false),
            Some(Object::ByteArray(b)) => (b.iter().map(|&c| char::from(c)).collect(), true),
            _ => return Err(crate::exc::RunError::Internal("bytes % on a non-bytes")),
        };
        let out = self.percent_core(&chars, args, true)?;
        let data: Vec<u8> = out
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
            .collect();
        self.alloc(if is_array {
            Object::ByteArray(data)
        } else {
            Object::Bytes(data)
        })
    }

    /// The formatting loop shared by str and bytes (`bytes` selects the bytes rules).
    fn percent_core(&mut self, chars: &[char], args: Value, bytes: bool) -> PyResult<String> {
        let (items, is_tuple, is_mapping) = match self.heap.get_obj(args) {
            Some(Object::Tuple(t)) => (t.clone(), true, false),
            Some(Object::Bytes(_) | Object::ByteArray(_)) => (Vec::new(), false, !bytes),
            Some(Object::Dict(_) | Object::List(_) | Object::Range(_) | Object::BigRange(_)) => {
                (Vec::new(), false, true)
            }
            Some(Object::Str(_)) => (Vec::new(), false, false),
            _ => (Vec::new(), false, false),
        };
        let mut cur = ArgCursor {
            args,
            arglen: if is_tuple {
                i64::try_from(items.len()).unwrap_or(i64::MAX)
            } else {
                -1
            },
            argidx: if is_tuple { 0 } else { -2 },
            items,
        };
        let mut out = String::with_capacity(chars.len());
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            i += 1;
            if c != '%' {
                out.push(c);
                continue;
            }
            if chars.get(i) == Some(&'%') {
                out.push('%');
                i += 1;
                continue;
            }
            let dict = is_mapping.then_some(args);
            let piece = self.percent_one(chars, &mut i, &mut cur, dict, bytes)?;
            self.heap
                .account
                .check_fits(out.len().saturating_add(piece.len()))?;
            out.push_str(&piece);
        }
        if cur.argidx < cur.arglen && !is_mapping {
            return Err(exc::type_error(if bytes {
                "not all arguments converted during bytes formatting"
            } else {
                "not all arguments converted during string formatting"
            }));
        }
        Ok(out)
    }

    /// One conversion, with `i` just past its '%'.
    fn percent_one(
        &mut self,
        chars: &[char],
        i: &mut usize,
        cur: &mut ArgCursor,
        dict: Option<Value>,
        bytes: bool,
    ) -> PyResult<String> {
        if chars.get(*i) == Some(&'(') {
            let Some(dict) = dict else {
                return Err(exc::type_error("format requires a mapping"));
            };
            *i += 1;
            let start = *i;
            let mut depth = 1usize;
            while let Some(&c) = chars.get(*i) {
                if c == ')' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                } else if c == '(' {
                    depth += 1;
                }
                *i += 1;
            }
            if depth > 0 {
                return Err(exc::value_error("incomplete format key"));
            }
            let key: String = chars.get(start..*i).unwrap_or(&[]).iter().collect();
            *i += 1;
            let k = if bytes {
                let b: Vec<u8> = key
                    .chars()
                    .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
                    .collect();
                self.alloc(Object::Bytes(b))?
            } else {
                self.new_str(key)?
            };
            let v = self.getitem(dict, k)?;
            cur.set_single(v);
        }
        let mut cv = Conv::default();
        while let Some(&c) = chars.get(*i) {
            match c {
                '-' => cv.ljust = true,
                '+' => cv.sign = true,
                ' ' => cv.blank = true,
                '#' => cv.alt = true,
                '0' => cv.zero = true,
                _ => break,
            }
            *i += 1;
        }
        if chars.get(*i) == Some(&'*') {
            let w = star_arg(self, cur.next()?)?;
            if w < 0 {
                cv.ljust = true;
            }
            cv.width = usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX);
            *i += 1;
        } else {
            cv.width = read_number(chars, i, "width")?;
        }
        if chars.get(*i) == Some(&'.') {
            *i += 1;
            if chars.get(*i) == Some(&'*') {
                let p = star_arg(self, cur.next()?)?;
                cv.prec = Some(usize::try_from(p.max(0)).unwrap_or(usize::MAX));
                *i += 1;
            } else {
                cv.prec = Some(read_number(chars, i, "precision")?);
            }
        }
        if matches!(chars.get(*i), Some('h' | 'l' | 'L')) {
            *i += 1;
        }
        let Some(&conv) = chars.get(*i) else {
            return Err(exc::value_error("incomplete format"));
        };
        let conv_index = *i;
        *i += 1;
        let v = cur.next()?;
        let limit = self
            .heap
            .account
            .max_bytes
            .saturating_sub(self.heap.account.live_bytes);
        if cv.width > limit || cv.prec.unwrap_or(0) > limit {
            return Err(crate::exc::RunError::memory_limit());
        }
        match conv {
            's' | 'b' if bytes => {
                let s: String = match crate::types::bytes_methods::buffer(self, v) {
                    Some(b) => b.iter().map(|&c| char::from(c)).collect(),
                    None => {
                        return Err(exc::type_error(messages::bytes::percent_b_arg(
                            &self.type_name(v),
                        )));
                    }
                };
                let s = match cv.prec.and_then(|p| s.char_indices().nth(p)) {
                    Some((cut, _)) => s.get(..cut).unwrap_or("").to_string(),
                    None => s,
                };
                Ok(pad_text(&cv, "", &s, false))
            }
            'r' | 'a' if bytes => {
                let s = self.ascii(v)?;
                let s = match cv.prec.and_then(|p| s.char_indices().nth(p)) {
                    Some((cut, _)) => s.get(..cut).unwrap_or("").to_string(),
                    None => s,
                };
                Ok(pad_text(&cv, "", &s, false))
            }
            'c' if bytes => {
                let byte = match crate::types::bytes_methods::buffer(self, v) {
                    Some([c]) => *c,
                    Some(_) => return Err(exc::type_error(messages::bytes::percent_c_arg())),
                    None => match to_big(self, v) {
                        Some(b) => match b.to_u8() {
                            Some(c) => c,
                            None => {
                                return Err(exc::overflow_error("%c arg not in range(256)"));
                            }
                        },
                        None => return Err(exc::type_error(messages::bytes::percent_c_arg())),
                    },
                };
                Ok(pad_text(&cv, "", &char::from(byte).to_string(), false))
            }
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => self.str(v)?,
                    'r' => self.repr(v)?,
                    _ => self.ascii(v)?,
                };
                let s = match cv.prec.and_then(|p| s.char_indices().nth(p)) {
                    Some((cut, _)) => s.get(..cut).unwrap_or("").to_string(),
                    None => s,
                };
                Ok(pad_text(&cv, "", &s, false))
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let (negative, mut digits) = if let Value::Int(i) = v {
                    // A small int (the common case) formats without a bigint.
                    let m = i.unsigned_abs();
                    let digits = match conv {
                        'o' => format!("{m:o}"),
                        'x' => format!("{m:x}"),
                        'X' => format!("{m:X}"),
                        _ => m.to_string(),
                    };
                    (i < 0, digits)
                } else {
                    let n = self.percent_int(v, conv)?;
                    let digits = match conv {
                        'o' => n.magnitude().to_str_radix(8),
                        'x' => n.magnitude().to_str_radix(16),
                        'X' => n.magnitude().to_str_radix(16).to_uppercase(),
                        _ => {
                            let mag = num_bigint::BigInt::from(n.magnitude().clone());
                            super::repr::big_to_decimal(&mag)?
                        }
                    };
                    (n.is_negative(), digits)
                };
                if let Some(p) = cv.prec {
                    if p > digits.len() {
                        digits.insert_str(0, &"0".repeat(p - digits.len()));
                    }
                }
                let prefix = match (cv.alt, conv) {
                    (true, 'o') => "0o",
                    (true, 'x') => "0x",
                    (true, 'X') => "0X",
                    _ => "",
                };
                let sign = sign_of(&cv, negative);
                Ok(pad_text(&cv, &format!("{sign}{prefix}"), &digits, true))
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = self.percent_float(v)?;
                let spec = Spec {
                    alternate: cv.alt,
                    precision: Some(cv.prec.unwrap_or(6)),
                    ty: Some(conv),
                    ..Spec::default()
                };
                let body = format_float(x, &spec, "float")?;
                let (neg, body) = match body.strip_prefix('-') {
                    Some(b) => (true, b),
                    None => (false, body.as_str()),
                };
                Ok(pad_text(&cv, sign_of(&cv, neg), body, true))
            }
            'c' => {
                let ch = match self.str_of(v) {
                    Some(s) => {
                        let mut it = s.chars();
                        match (it.next(), it.next()) {
                            (Some(c), None) => c,
                            _ => return Err(exc::type_error("%c requires int or char")),
                        }
                    }
                    None => match to_big(self, v) {
                        Some(b) => match b.to_u32().and_then(char::from_u32) {
                            Some(c) => c,
                            None => {
                                return Err(exc::overflow_error("%c arg not in range(0x110000)"));
                            }
                        },
                        None => return Err(exc::type_error("%c requires int or char")),
                    },
                };
                Ok(pad_text(&cv, "", &ch.to_string(), false))
            }
            other => Err(exc::value_error(msg::unsupported_format_char(
                other, conv_index,
            ))),
        }
    }

    /// The integer for `%d`/`%x`: ints as they are, floats truncated for `%d` only.
    fn percent_int(&mut self, v: Value, conv: char) -> PyResult<BigInt> {
        if let Some(b) = to_big(self, v) {
            return Ok(b);
        }
        match v {
            Value::Float(f) if !matches!(conv, 'x' | 'X' | 'o') => {
                if f.is_nan() {
                    return Err(exc::value_error("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(exc::overflow_error(
                        "cannot convert float infinity to integer",
                    ));
                }
                Ok(BigInt::from_f64(f.trunc()).unwrap_or_default())
            }
            _ => Err(exc::type_error(msg::percent_number_required(
                conv,
                &self.type_name(v),
            ))),
        }
    }

    /// The float for `%f`/`%e`/`%g` (PyFloat_AsDouble).
    fn percent_float(&mut self, v: Value) -> PyResult<f64> {
        match v {
            Value::Float(f) => Ok(f),
            _ => match to_big(self, v) {
                Some(b) => super::arith::int_to_f64(&b),
                None => Err(exc::type_error(msg::must_be_real_number(
                    &self.type_name(v),
                ))),
            },
        }
    }
}

/// The sign column: '-' for negatives, else '+' or ' ' when asked.
fn sign_of(cv: &Conv, neg: bool) -> &'static str {
    if neg {
        "-"
    } else if cv.sign {
        "+"
    } else if cv.blank {
        " "
    } else {
        ""
    }
}

/// unicode_format_arg_output: left-justify with spaces, zero-fill numbers after the sign and
/// prefix, or right-justify with spaces.
fn pad_text(cv: &Conv, head: &str, body: &str, numeric: bool) -> String {
    let len = head.chars().count() + body.chars().count();
    let pad = cv.width.saturating_sub(len);
    let mut out = String::with_capacity(head.len() + body.len() + pad);
    if pad == 0 {
        out.push_str(head);
        out.push_str(body);
    } else if cv.ljust {
        out.push_str(head);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', pad));
    } else if cv.zero && numeric {
        out.push_str(head);
        out.extend(std::iter::repeat_n('0', pad));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        out.push_str(head);
        out.push_str(body);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pad_text_zero_fills_after_sign() {
        let cv = Conv {
            zero: true,
            width: 6,
            ..Conv::default()
        };
        assert_eq!(pad_text(&cv, "-0x", "f", true), "-0x00f");
        assert_eq!(pad_text(&cv, "", "ab", false), "    ab");
    }
}
