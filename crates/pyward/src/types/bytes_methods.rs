//! Methods of `bytes` and `bytearray`.

use crate::exc::{self, PyResult};
use crate::natives;
use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::{Args, Vm};

natives! {
    /// `bytes` / `bytearray` methods.
    BytesMethod {
        Decode => "decode" => decode,
        Hex => "hex" => hex,
        Append => "append" => append,
    }
}

/// Whether a method applies to the type (mutators are bytearray-only).
pub fn applies(m: BytesMethod, ty: BuiltinType) -> bool {
    match m {
        BytesMethod::Append => ty == BuiltinType::ByteArray,
        _ => true,
    }
}

fn data(vm: &Vm, args: &Args) -> PyResult<Vec<u8>> {
    match args.get(0).and_then(|v| vm.heap.get_obj(v)) {
        Some(Object::Bytes(b) | Object::ByteArray(b)) => Ok(b.clone()),
        _ => Err(exc::type_error("descriptor requires a 'bytes' object")),
    }
}

fn decode(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let b = data(vm, &args)?;
    let encoding = match args.take_kw("encoding").or_else(|| args.get(1)) {
        Some(v) => vm.str_of(v).unwrap_or("utf-8").to_ascii_lowercase(),
        None => "utf-8".into(),
    };
    let errors = match args.take_kw("errors").or_else(|| args.get(2)) {
        Some(v) => vm.str_of(v).unwrap_or("strict").to_string(),
        None => "strict".into(),
    };
    let text = match encoding.replace('_', "-").as_str() {
        "utf-8" | "utf8" => match String::from_utf8(b.clone()) {
            Ok(s) => s,
            Err(e) => {
                if errors == "strict" {
                    let pos = e.utf8_error().valid_up_to();
                    let byte = b.get(pos).copied().unwrap_or(0);
                    return Err(crate::exc::RunError::new(
                        BuiltinType::UnicodeDecodeError,
                        format!(
                            "'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: invalid start byte"
                        ),
                    ));
                }
                String::from_utf8_lossy(&b).into_owned()
            }
        },
        "ascii" => {
            if let Some(pos) = b.iter().position(|c| *c >= 0x80) {
                if errors == "strict" {
                    let byte = b.get(pos).copied().unwrap_or(0);
                    return Err(crate::exc::RunError::new(
                        BuiltinType::UnicodeDecodeError,
                        format!(
                            "'ascii' codec can't decode byte 0x{byte:02x} in position {pos}: ordinal not in range(128)"
                        ),
                    ));
                }
            }
            b.iter()
                .map(|&c| if c < 0x80 { c as char } else { '\u{fffd}' })
                .collect()
        }
        "latin-1" | "latin1" | "iso-8859-1" => b.iter().map(|&c| c as char).collect(),
        other => return Err(exc::lookup_error(format!("unknown encoding: {other}"))),
    };
    vm.new_str(text)
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = data(vm, &args)?;
    let s: String = b.iter().map(|c| format!("{c:02x}")).collect();
    vm.new_str(s)
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("append", 2, 2)?;
    let byte = vm
        .to_index(args.pos[1])
        .and_then(|i| u8::try_from(i).ok())
        .ok_or_else(|| exc::value_error("byte must be in range(0, 256)"))?;
    if let Some(id) = args.pos[0].obj() {
        if let Object::ByteArray(b) = vm.heap.get_mut(id) {
            b.push(byte);
        }
        vm.heap.recharge(id)?;
    }
    Ok(Value::None)
}
