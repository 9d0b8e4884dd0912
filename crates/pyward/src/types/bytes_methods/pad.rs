//! Padding, tabs, hex, translation and decoding `bytes` methods: center/ljust/rjust/zfill,
//! expandtabs, hex/fromhex (Python/pystrhex.c, _PyBytes_FromHex), translate/maketrans and
//! decode (the utf-8, ascii and latin-1 codecs with strict/ignore/replace handlers).

use super::{arg, buffer, buffer_arg, clinic_args, kw_params, new_like, one_arg, recv, ssize_arg};
use crate::exc::{self, PyResult, RunError, messages::bytes as msg, messages::string as smsg};
use crate::types::BuiltinType;
use crate::types::str_methods::{Codec, lookup_codec};
use crate::value::Value;
use crate::vm::{Args, Vm};

/// The fill byte of center/ljust/rjust: a bytes-like object of length 1.
fn fill_arg(vm: &Vm, v: Option<Value>, name: &str) -> PyResult<u8> {
    let Some(v) = v else { return Ok(b' ') };
    match buffer(vm, v) {
        Some([c]) => Ok(*c),
        _ => Err(exc::type_error(msg::fill_byte(name, &vm.type_name(v)))),
    }
}

/// Pad the receiver to `width` with `left` of the padding before it.
fn pad_impl(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    split: fn(usize, usize) -> usize,
) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, name)?;
    clinic_args(args, is_array, name, 1, 2)?;
    let width = ssize_arg(vm, arg(args, 1)?)?;
    let fill = fill_arg(vm, args.get(2), name)?;
    let width = usize::try_from(width).unwrap_or(0);
    if width <= b.len() {
        if is_array {
            return new_like(vm, true, b);
        }
        return arg(args, 0);
    }
    vm.heap.account.check_fits(width)?;
    let pad = width - b.len();
    let left = split(pad, width);
    let mut out = Vec::with_capacity(width);
    out.resize(left, fill);
    out.extend_from_slice(&b);
    out.resize(width, fill);
    new_like(vm, is_array, out)
}

pub(super) fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, &args, "center", |pad, width| {
        pad / 2 + (pad & width & 1)
    })
}

pub(super) fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, &args, "ljust", |_, _| 0)
}

pub(super) fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, &args, "rjust", |pad, _| pad)
}

pub(super) fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, is_array) = recv(vm, &args, "zfill")?;
    let width = ssize_arg(vm, one_arg(&args, is_array, "zfill")?)?;
    let width = usize::try_from(width).unwrap_or(0);
    if width <= b.len() {
        if is_array {
            return new_like(vm, true, b);
        }
        return arg(&args, 0);
    }
    vm.heap.account.check_fits(width)?;
    let pad = width - b.len();
    let mut out = Vec::with_capacity(width);
    let signed = matches!(b.first(), Some(b'+' | b'-'));
    if signed {
        out.extend_from_slice(b.get(..1).unwrap_or(&[]));
    }
    out.resize(out.len() + pad, b'0');
    out.extend_from_slice(b.get(usize::from(signed)..).unwrap_or(&[]));
    new_like(vm, is_array, out)
}

pub(super) fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, is_array) = recv(vm, &args, "expandtabs")?;
    let [tabsize] = kw_params(&args, "expandtabs", ["tabsize"])?;
    let tabsize = match tabsize {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    let tab = usize::try_from(tabsize).unwrap_or(0);
    // First pass: the result length, refused before the buffer is built.
    let mut total = 0usize;
    let mut col = 0usize;
    for &c in &b {
        match c {
            b'\t' if tab > 0 => {
                let incr = tab - col % tab;
                col = col.saturating_add(incr);
                total = total.saturating_add(incr);
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                col = 0;
                total = total.saturating_add(1);
            }
            _ => {
                col = col.saturating_add(1);
                total = total.saturating_add(1);
            }
        }
    }
    vm.heap.account.check_fits(total)?;
    let mut out = Vec::with_capacity(total);
    col = 0;
    for &c in &b {
        match c {
            b'\t' if tab > 0 => {
                let incr = tab - col % tab;
                col = col.saturating_add(incr);
                out.resize(out.len().saturating_add(incr), b' ');
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                col = 0;
                out.push(c);
            }
            _ => {
                col = col.saturating_add(1);
                out.push(c);
            }
        }
    }
    new_like(vm, is_array, out)
}

/// `hex([sep[, bytes_per_sep]])` (pystrhex.c _Py_strhex_impl): groups of `bytes_per_sep`
/// bytes counted from the right, or from the left when negative.
pub(super) fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, _) = recv(vm, &args, "hex")?;
    let [sep, per] = kw_params(&args, "hex", ["sep", "bytes_per_sep"])?;
    let sep = match sep {
        None => None,
        Some(v) => {
            let c = if let Some(s) = vm.str_of(v) {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) if c.is_ascii() => c,
                    (Some(_), None) => return Err(exc::value_error("sep must be ASCII.")),
                    _ => return Err(exc::value_error("sep must be length 1.")),
                }
            } else if let Some(bs) = buffer(vm, v) {
                match bs {
                    [c] if c.is_ascii() => char::from(*c),
                    [_] => return Err(exc::value_error("sep must be ASCII.")),
                    _ => return Err(exc::value_error("sep must be length 1.")),
                }
            } else {
                return Err(exc::type_error(format!(
                    "object of type '{}' has no len()",
                    vm.type_name(v)
                )));
            };
            Some(c)
        }
    };
    let per = match per {
        Some(v) => ssize_arg(vm, v)?,
        None => 1,
    };
    let group = usize::try_from(per.unsigned_abs()).unwrap_or(usize::MAX);
    let total = b.len().saturating_mul(3);
    vm.heap.account.check_fits(total)?;
    let mut out = String::with_capacity(total);
    let n = b.len();
    for (i, c) in b.iter().enumerate() {
        if let Some(s) = sep {
            if i > 0 && group > 0 {
                // Distance of this byte from the grouping origin.
                let k = if per > 0 { n - i } else { i };
                if k % group == 0 {
                    out.push(s);
                }
            }
        }
        out.push_str(&format!("{c:02x}"));
    }
    vm.new_str(out)
}

/// The value of an ASCII hex digit.
fn hex_digit(c: u8) -> Option<u8> {
    char::from(c)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// `bytes.fromhex(string)` / `bytearray.fromhex(string)`; `pos[0]` is the type.
pub fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let is_array = matches!(args.get(0), Some(Value::Type(BuiltinType::ByteArray)));
    let v = one_arg(&args, is_array, "fromhex")?;
    let Some(s) = vm.str_of(v) else {
        return Err(exc::type_error(msg::fromhex_arg(&vm.type_name(v))));
    };
    if let Some(pos) = s.chars().position(|c| !c.is_ascii()) {
        return Err(exc::value_error(msg::fromhex_bad(pos)));
    }
    let s = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 2);
    let mut i = 0usize;
    while i < s.len() {
        if s.get(i).copied().is_some_and(super::is_space) {
            while s.get(i).copied().is_some_and(super::is_space) {
                i += 1;
            }
            if i >= s.len() {
                break;
            }
        }
        let hi = s
            .get(i)
            .copied()
            .and_then(hex_digit)
            .ok_or_else(|| exc::value_error(msg::fromhex_bad(i)))?;
        i += 1;
        let lo = s
            .get(i)
            .copied()
            .and_then(hex_digit)
            .ok_or_else(|| exc::value_error(msg::fromhex_bad(i)))?;
        i += 1;
        out.push(hi * 16 + lo);
    }
    new_like(vm, is_array, out)
}

/// `bytes.maketrans(frm, to)`: a 256-byte table mapping `frm[i]` to `to[i]`.
pub fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let is_array = matches!(args.get(0), Some(Value::Type(BuiltinType::ByteArray)));
    clinic_args(&args, is_array, "maketrans", 2, 2)?;
    let frm = buffer_arg(vm, arg(&args, 1)?)?;
    let to = buffer_arg(vm, arg(&args, 2)?)?;
    if frm.len() != to.len() {
        return Err(exc::value_error(msg::maketrans_lengths()));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (&f, &t) in frm.iter().zip(&to) {
        if let Some(slot) = table.get_mut(usize::from(f)) {
            *slot = t;
        }
    }
    new_like(vm, false, table)
}

/// `translate(table, /, delete=b'')`: map through a 256-byte table (or None), dropping
/// the bytes in `delete`.
pub(super) fn translate(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let (b, is_array) = recv(vm, &args, "translate")?;
    let delete = args.take_kw("delete");
    if super::nargs(&args) < 1 {
        return Err(exc::type_error(
            "translate() takes at least 1 positional argument (0 given)",
        ));
    }
    let [table, delete_pos] = kw_params(&args, "translate", ["table", "delete"])?;
    let table = match table {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = buffer_arg(vm, v)?;
            if t.len() != 256 {
                return Err(exc::value_error(msg::translate_table()));
            }
            Some(t)
        }
    };
    let delete = match delete.or(delete_pos) {
        None => Vec::new(),
        Some(v) => buffer_arg(vm, v)?,
    };
    let out: Vec<u8> = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| match &table {
            Some(t) => t.get(usize::from(c)).copied().unwrap_or(c),
            None => c,
        })
        .collect();
    new_like(vm, is_array, out)
}

/// The UnicodeDecodeError for the bytes `start..end` of `b`.
fn decode_error(codec: &str, b: &[u8], start: usize, end: usize, reason: &str) -> RunError {
    crate::exc::unicode_decode_error(codec, b, start, end, reason)
}

/// What a decoding error handler does with undecodable bytes.
enum OnError {
    Strict,
    Replace,
    Ignore,
    /// `\xNN` for each byte (codecs.c `PyCodec_BackslashReplaceErrors`).
    BackslashReplace,
}

fn handler(errors: &str) -> PyResult<OnError> {
    match errors {
        "strict" => Ok(OnError::Strict),
        "replace" => Ok(OnError::Replace),
        "ignore" => Ok(OnError::Ignore),
        "backslashreplace" => Ok(OnError::BackslashReplace),
        // They decode to lone surrogates, which pyward's UTF-8 strs cannot hold.
        "surrogateescape" | "surrogatepass" => Err(exc::not_implemented_error(format!(
            "pyward does not support the '{errors}' error handler for decoding yet"
        ))),
        other => Err(exc::lookup_error(smsg::unknown_error_handler(other))),
    }
}

/// Apply a non-strict handler to the bytes `bad`.
fn recover(out: &mut String, how: &OnError, bad: &[u8]) {
    match how {
        OnError::Replace => out.push('\u{fffd}'),
        OnError::BackslashReplace => {
            for b in bad {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        OnError::Strict | OnError::Ignore => {}
    }
}

/// UTF-8 decoding with CPython's error positions and reasons.
fn decode_utf8(b: &[u8], errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(b.len());
    let mut rest = b;
    let mut base = 0usize;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(rest.get(..good).unwrap_or(&[])).unwrap_or(""));
                let start = base.saturating_add(good);
                let (len, reason) = match e.error_len() {
                    Some(n) => {
                        let first = rest.get(good).copied().unwrap_or(0);
                        let invalid_start = matches!(first, 0x80..=0xc1 | 0xf5..=0xff);
                        (
                            n,
                            if invalid_start {
                                "invalid start byte"
                            } else {
                                "invalid continuation byte"
                            },
                        )
                    }
                    None => (rest.len() - good, "unexpected end of data"),
                };
                let end = start.saturating_add(len);
                match handler(errors)? {
                    OnError::Strict => return Err(decode_error("utf-8", b, start, end, reason)),
                    how => recover(&mut out, &how, b.get(start..end).unwrap_or(&[])),
                }
                let skip = good.saturating_add(len);
                rest = rest.get(skip..).unwrap_or(&[]);
                base = base.saturating_add(skip);
            }
        }
    }
}

pub(super) fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (b, _) = recv(vm, &args, "decode")?;
    let [encoding, errors] = kw_params(&args, "decode", ["encoding", "errors"])?;
    let text_arg = |v: Option<Value>, which: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => vm
                .str_of(v)
                .map(str::to_string)
                .ok_or_else(|| exc::type_error(msg::decode_arg(which, &vm.type_name(v)))),
        }
    };
    let encoding = text_arg(encoding, "encoding", "utf-8")?;
    let errors = text_arg(errors, "errors", "strict")?;
    let text = match lookup_codec(&encoding) {
        Some(Codec::Utf8) => decode_utf8(&b, &errors)?,
        Some(Codec::Ascii) => {
            let mut out = String::with_capacity(b.len());
            for (i, &c) in b.iter().enumerate() {
                if c < 0x80 {
                    out.push(char::from(c));
                    continue;
                }
                match handler(&errors)? {
                    OnError::Strict => {
                        return Err(decode_error(
                            "ascii",
                            &b,
                            i,
                            i.saturating_add(1),
                            "ordinal not in range(128)",
                        ));
                    }
                    how => recover(&mut out, &how, &[c]),
                }
            }
            out
        }
        Some(Codec::Latin1) => b.iter().map(|&c| char::from(c)).collect(),
        Some(Codec::Utf16(_) | Codec::Utf32(_)) | None => {
            return Err(exc::lookup_error(smsg::unknown_encoding(&encoding)));
        }
    };
    vm.new_str(text)
}
