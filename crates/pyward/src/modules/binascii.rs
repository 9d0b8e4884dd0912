//! `_binascii`: the byte loops behind the bundled `binascii.py` (which defines
//! `binascii.Error` and turns the ValueErrors raised here into it). Base64 decoding follows
//! CPython 3.11's Modules/binascii.c `a2b_base64` step by step, so padding and strict-mode
//! errors carry the same messages.

use crate::exc::{self, PyResult};
use crate::modules::hashlib::bytes_of;
use crate::natives;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

natives! {
    /// `_binascii` functions.
    BinasciiFn {
        A2bBase64 => "a2b_base64" => a2b_base64,
        B2aBase64 => "b2a_base64" => b2a_base64,
        Unhexlify => "unhexlify" => unhexlify,
        Crc32 => "crc32" => crc32,
    }
}

/// Build the module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_binascii")?;
    for f in [
        BinasciiFn::A2bBase64,
        BinasciiFn::B2aBase64,
        BinasciiFn::Unhexlify,
        BinasciiFn::Crc32,
    ] {
        super::set_attr(
            vm,
            m,
            f.name(),
            Value::Native(crate::builtins::Native::Binascii(f)),
        )?;
    }
    Ok(m)
}

const B64_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The value of a base64 digit, or None.
fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// `a2b_base64(data, strict_mode)`.
fn a2b_base64(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("a2b_base64", 2, 2)?;
    let strict = vm.truthy(args.pos[1])?;
    let out = decode_base64(bytes_of(vm, args.pos[0])?, strict).map_err(exc::value_error)?;
    vm.alloc(Object::Bytes(out))
}

fn decode_base64(data: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    if strict && data.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    let mut padding_started = false;
    let mut quad_pos = 0u8;
    let mut left = 0u8;
    let mut pads = 0u8;
    for (i, &ch) in data.iter().enumerate() {
        if ch == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err("Excess data after padding".into());
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = b64_value(ch) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                left = v;
            }
            1 => {
                quad_pos = 2;
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push((left << 6) | v);
                left = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more \
             than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

/// `b2a_base64(data, newline)`.
fn b2a_base64(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("b2a_base64", 2, 2)?;
    let newline = vm.truthy(args.pos[1])?;
    let data = bytes_of(vm, args.pos[0])?;
    let size = data.len().div_ceil(3).saturating_mul(4).saturating_add(1);
    vm.heap.account.check_fits(size)?;
    let mut out = Vec::with_capacity(size);
    let digit = |v: u32| B64_ALPHABET[(v & 0x3f) as usize];
    for chunk in data.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(digit(n >> 18));
        out.push(digit(n >> 12));
        out.push(if chunk.len() > 1 { digit(n >> 6) } else { b'=' });
        out.push(if chunk.len() > 2 { digit(n) } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    vm.alloc(Object::Bytes(out))
}

/// `unhexlify(data)`.
fn unhexlify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("unhexlify", 1, 1)?;
    let data = bytes_of(vm, args.pos[0])?;
    if data.len() % 2 != 0 {
        return Err(exc::value_error("Odd-length string"));
    }
    let nibble = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (nibble(pair[0]), nibble(pair[1])) {
            (Some(hi), Some(lo)) => out.push(((hi << 4) | lo) as u8),
            _ => return Err(exc::value_error("Non-hexadecimal digit found")),
        }
    }
    vm.alloc(Object::Bytes(out))
}

/// `crc32(data, crc)`: the zlib CRC-32.
fn crc32(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("crc32", 2, 2)?;
    let start = match args.pos[1] {
        Value::Int(i) => i as u32,
        _ => match crate::vm::ops::int::to_big(vm, args.pos[1]) {
            Some(n) => {
                let low = n & num_bigint::BigInt::from(u32::MAX);
                u32::try_from(low).unwrap_or(0)
            }
            None => {
                return Err(exc::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(args.pos[1])
                )));
            }
        },
    };
    let data = bytes_of(vm, args.pos[0])?;
    let mut crc = !start;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    Ok(Value::Int(i64::from(!crc)))
}
