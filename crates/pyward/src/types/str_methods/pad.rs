//! Padding, tabs, encoding and translation `str` methods: center/ljust/rjust/zfill (`pad`),
//! expandtabs, encode (utf-8, ascii, latin-1, utf-16/32 with CPython's error handlers),
//! translate and maketrans (unicodeobject.c). Widths are checked against the memory budget
//! before any text is built.

use super::{clinic_args, kw_params, one_arg, recv, recv_value, ssize_arg};
use crate::exc::{self, PyResult, messages::string as msg};
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

/// The `fillchar` argument: exactly one char.
fn fill_arg(vm: &Vm, v: Option<Value>) -> PyResult<char> {
    let Some(v) = v else {
        return Ok(' ');
    };
    let Some(s) = vm.str_of(v) else {
        return Err(exc::type_error(msg::fill_char_type(&vm.type_name(v))));
    };
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(exc::type_error(
            "The fill character must be exactly one character long",
        )),
    }
}

/// Pad the receiver to `width` code points with `left` and `right` fill counts chosen by `split`.
fn pad_impl(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    split: fn(usize, usize) -> usize,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    clinic_args(args, name, 1, 2)?;
    let width = ssize_arg(vm, args.get(1).unwrap_or(Value::None))?;
    let fill = fill_arg(vm, args.get(2))?;
    let width = usize::try_from(width).unwrap_or(0);
    if width <= s.chars {
        return Ok(recv_value(args));
    }
    let marg = width - s.chars;
    let left = split(marg, width);
    let right = marg - left;
    vm.heap.account.check_fits(
        marg.saturating_mul(fill.len_utf8())
            .saturating_add(s.s.len()),
    )?;
    let mut out = String::with_capacity(s.s.len() + marg * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(&s.s);
    out.extend(std::iter::repeat_n(fill, right));
    vm.new_str(out)
}

/// CPython's centering: `left = marg / 2 + (marg & width & 1)`.
pub(super) fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, &args, "center", |marg, width| {
        marg / 2 + (marg & width & 1)
    })
}

pub(super) fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, &args, "ljust", |_, _| 0)
}

pub(super) fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, &args, "rjust", |marg, _| marg)
}

pub(super) fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "zfill")?;
    let w = one_arg(&args, "zfill")?;
    let width = usize::try_from(ssize_arg(vm, w)?).unwrap_or(0);
    if width <= s.chars {
        return Ok(recv_value(&args));
    }
    let fill = width - s.chars;
    vm.heap.account.check_fits(fill.saturating_add(s.s.len()))?;
    let mut out = String::with_capacity(width + s.s.len() - s.chars);
    let body = match s.s.strip_prefix(['+', '-']) {
        Some(rest) => {
            out.push_str(s.s.get(..1).unwrap_or(""));
            rest
        }
        None => &s.s,
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(body);
    vm.new_str(out)
}

pub(super) fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "expandtabs")?;
    let [tabsize] = kw_params(&args, "expandtabs", ["tabsize"])?;
    let tab = match tabsize {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    if !s.s.contains('\t') {
        return Ok(recv_value(&args));
    }
    let tab = usize::try_from(tab).unwrap_or(0);
    // First pass: the result size, refused before building if too large.
    let mut size = 0usize;
    let mut col = 0usize;
    for c in s.s.chars() {
        if c == '\t' {
            if tab > 0 {
                let n = tab - col % tab;
                col = col.saturating_add(n);
                size = size.saturating_add(n);
            }
        } else {
            size = size.saturating_add(c.len_utf8());
            col = if matches!(c, '\n' | '\r') {
                0
            } else {
                col.saturating_add(1)
            };
        }
    }
    vm.heap.account.check_fits(size)?;
    let mut out = String::with_capacity(size);
    col = 0;
    for c in s.s.chars() {
        if c == '\t' {
            if tab > 0 {
                let n = tab - col % tab;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
        } else {
            out.push(c);
            col = if matches!(c, '\n' | '\r') { 0 } else { col + 1 };
        }
    }
    vm.new_str(out)
}

/// The codecs `str.encode` knows, after Python's name normalization.
#[derive(Clone, Copy)]
pub(crate) enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

/// `encodings.normalize_encoding` plus the alias table, for the codecs pyward has.
pub(crate) fn lookup_codec(name: &str) -> Option<Codec> {
    let mut norm = String::with_capacity(name.len());
    let mut pending_sep = false;
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending_sep && !norm.is_empty() {
                norm.push('_');
            }
            pending_sep = false;
            norm.push(c.to_ascii_lowercase());
        } else {
            pending_sep = true;
        }
    }
    Some(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "ascii" | "646" | "us_ascii" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "ibm819" | "iso_ir_100" | "csisolatin1" | "iso_8859_1_1987" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" => Codec::Utf16(Some(false)),
        "utf_16_be" | "utf_16be" => Codec::Utf16(Some(true)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Some(false)),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Some(true)),
        _ => return None,
    })
}

/// Encode `s` to a single-byte charset below `limit` (ascii 128, latin-1 256), applying
/// `errors` to each run of unencodable chars (Objects/unicodeobject.c unicode_encode_ucs1).
fn encode_ucs1(s: &str, codec: &str, limit: u32, errors: &str) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if (c as u32) < limit {
            out.push(u8::try_from(c as u32).unwrap_or(b'?'));
            i += 1;
            continue;
        }
        let mut j = i;
        while chars.get(j).is_some_and(|&d| d as u32 >= limit) {
            j += 1;
        }
        let bad = chars.get(i..j).unwrap_or(&[]);
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                return Err(crate::exc::unicode_encode_error(
                    codec,
                    s,
                    i,
                    j,
                    &msg::ordinal_not_in_range(limit),
                ));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', bad.len())),
            "backslashreplace" => {
                for &b in bad {
                    let n = b as u32;
                    let esc = if n < 0x100 {
                        format!("\\x{n:02x}")
                    } else if n < 0x10000 {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &b in bad {
                    out.extend_from_slice(format!("&#{};", b as u32).as_bytes());
                }
            }
            // codecs.c `PyCodec_NameReplaceErrors`: `\N{NAME}`, or a backslash escape for a
            // char without a name.
            "namereplace" => {
                for &b in bad {
                    let n = b as u32;
                    let esc = match unicode_names2::name(b) {
                        Some(name) => format!("\\N{{{name}}}"),
                        None if n < 0x100 => format!("\\x{n:02x}"),
                        None if n < 0x10000 => format!("\\u{n:04x}"),
                        None => format!("\\U{n:08x}"),
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            other => return Err(exc::lookup_error(msg::unknown_error_handler(other))),
        }
        i = j;
    }
    Ok(out)
}

pub(super) fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "encode")?;
    let [encoding, errors] = kw_params(&args, "encode", ["encoding", "errors"])?;
    let text_param = |v: Option<Value>, what: &str, default: &'static str| match v {
        None => Ok(default),
        Some(v) => vm.str_of(v).ok_or_else(|| {
            exc::type_error(format!(
                "encode() argument '{what}' must be str, not {}",
                vm.type_name(v)
            ))
        }),
    };
    let encoding = text_param(encoding, "encoding", "utf-8")?;
    let errors = text_param(errors, "errors", "strict")?;
    let Some(codec) = lookup_codec(encoding) else {
        return Err(exc::lookup_error(msg::unknown_encoding(encoding)));
    };
    let bytes = match codec {
        Codec::Utf8 => s.s.as_bytes().to_vec(),
        Codec::Ascii => encode_ucs1(&s.s, "ascii", 0x80, errors)?,
        Codec::Latin1 => encode_ucs1(&s.s, "latin-1", 0x100, errors)?,
        Codec::Utf16(be) => {
            let mut out = Vec::with_capacity(s.s.len().saturating_mul(2).saturating_add(2));
            let big = be == Some(true);
            if be.is_none() {
                out.extend_from_slice(&[0xff, 0xfe]);
            }
            for u in s.s.encode_utf16() {
                out.extend_from_slice(&if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
            out
        }
        Codec::Utf32(be) => {
            let mut out = Vec::with_capacity(s.chars.saturating_mul(4).saturating_add(4));
            let big = be == Some(true);
            if be.is_none() {
                out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            }
            for c in s.s.chars() {
                let u = c as u32;
                out.extend_from_slice(&if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
            out
        }
    };
    vm.alloc(Object::Bytes(bytes))
}

pub(super) fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, &args, "translate")?;
    let table = one_arg(&args, "translate")?;
    let src = recv_value(&args);
    let text = vm.str_of(src).unwrap_or("").to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let key = Value::Int(i64::from(c as u32));
        let mapped = match vm.getitem(table, key) {
            Ok(v) => v,
            Err(e) if e.is_new(BuiltinType::LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match mapped {
            Value::None => {}
            Value::Int(_) | Value::Bool(_) => {
                let n = vm.to_index(mapped).unwrap_or(-1);
                match u32::try_from(n).ok().and_then(char::from_u32) {
                    Some(m) => out.push(m),
                    None => return Err(exc::value_error(msg::translate_range())),
                }
            }
            v => match vm.str_of(v) {
                Some(t) => {
                    vm.heap
                        .account
                        .check_fits(out.len().saturating_add(t.len()))?;
                    out.push_str(t);
                }
                None if crate::vm::ops::int::is_int(vm, v) => {
                    return Err(exc::value_error(msg::translate_range()));
                }
                None => return Err(exc::type_error(msg::translate_result())),
            },
        }
    }
    vm.new_str(out)
}

/// `'abc'.maketrans(...)`: the static method reached through an instance.
pub(super) fn maketrans_method(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() {
        args.pos.remove(0);
    }
    maketrans(vm, args)
}

/// `str.maketrans(x[, y[, z]])`.
pub fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(exc::type_error("maketrans() takes no keyword arguments"));
    }
    let n = args.pos.len();
    if n < 1 {
        return Err(exc::type_error(msg::expected_at_least("maketrans", 1, n)));
    }
    if n > 3 {
        return Err(exc::type_error(msg::expected_at_most("maketrans", 3, n)));
    }
    let d = vm.new_dict()?;
    let x = args.get(0).unwrap_or(Value::None);
    let Some(y) = args.get(1) else {
        if !matches!(vm.heap.get_obj(x), Some(Object::Dict(_))) {
            return Err(exc::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        }
        for (k, v) in vm.dict_items(x)? {
            let key = match vm.str_of(k) {
                Some(s) => {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => Value::Int(i64::from(c as u32)),
                        _ => {
                            return Err(exc::value_error(
                                "string keys in translate table must be of length 1",
                            ));
                        }
                    }
                }
                None if crate::vm::ops::int::is_int(vm, k) => k,
                None => {
                    return Err(exc::type_error(
                        "keys in translate table must be strings or integers",
                    ));
                }
            };
            vm.dict_set(d, key, v)?;
        }
        return Ok(d);
    };
    let text = |v: Value, which: &str| {
        vm.str_of(v).map(str::to_string).ok_or_else(|| {
            exc::type_error(msg::argument_must_be_str(
                "maketrans",
                which,
                &vm.type_name(v),
            ))
        })
    };
    let xs = text(x, "1")?;
    let ys = text(y, "2")?;
    let zs = match args.get(2) {
        Some(z) => Some(text(z, "3")?),
        None => None,
    };
    if xs.chars().count() != ys.chars().count() {
        return Err(exc::value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (a, b) in xs.chars().zip(ys.chars()) {
        vm.dict_set(
            d,
            Value::Int(i64::from(a as u32)),
            Value::Int(i64::from(b as u32)),
        )?;
    }
    for c in zs.unwrap_or_default().chars() {
        vm.dict_set(d, Value::Int(i64::from(c as u32)), Value::None)?;
    }
    Ok(d)
}
