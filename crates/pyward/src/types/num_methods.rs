//! Methods of `int`, `bool`, `float` and `complex`, and methods of builtin type objects
//! (`dict.fromkeys`, `int.from_bytes`, `str.maketrans`).

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};

use crate::exc::{self, PyResult};
use crate::natives;
use crate::types::BuiltinType;
use crate::value::Value;
use crate::vm::ops::int::{from_big, to_big};
use crate::vm::{Args, Vm};

natives! {
    /// `int` / `float` methods.
    NumMethod {
        BitLength => "bit_length" => bit_length,
        BitCount => "bit_count" => bit_count,
        Conjugate => "conjugate" => conjugate,
        ToBytes => "to_bytes" => to_bytes,
        IsInteger => "is_integer" => is_integer,
        AsIntegerRatio => "as_integer_ratio" => as_integer_ratio,
        Hex => "hex" => float_hex,
        DunderComplex => "__complex__" => dunder_complex,
    }
}

natives! {
    /// Methods called on type objects.
    TypeMethod {
        Fromkeys => "fromkeys" => fromkeys,
        FromBytes => "from_bytes" => from_bytes,
        Maketrans => "maketrans" => crate::types::str_methods::maketrans,
        Fromhex => "fromhex" => float_fromhex,
    }
}

/// Whether a method belongs to the given numeric type.
pub fn applies(m: NumMethod, ty: BuiltinType) -> bool {
    let is_float = ty == BuiltinType::Float;
    match m {
        NumMethod::BitLength | NumMethod::BitCount | NumMethod::ToBytes => {
            !is_float && ty != BuiltinType::Complex
        }
        NumMethod::IsInteger | NumMethod::Hex => is_float,
        NumMethod::AsIntegerRatio => ty != BuiltinType::Complex,
        NumMethod::Conjugate => true,
        NumMethod::DunderComplex => ty == BuiltinType::Complex,
    }
}

/// The type-object method `name` of type `t`.
pub fn type_method(t: BuiltinType, name: &str) -> Option<TypeMethod> {
    let m = TypeMethod::lookup(name)?;
    let ok = matches!(
        (m, t),
        (TypeMethod::Fromkeys, BuiltinType::Dict)
            | (TypeMethod::FromBytes, BuiltinType::Int)
            | (TypeMethod::Maketrans, BuiltinType::Str)
            | (TypeMethod::Fromhex, BuiltinType::Float)
    );
    ok.then_some(m)
}

fn recv_int(vm: &Vm, args: &Args) -> PyResult<BigInt> {
    args.get(0)
        .and_then(|v| to_big(vm, v))
        .ok_or_else(|| exc::type_error("descriptor requires an 'int' object"))
}

fn bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = recv_int(vm, &args)?;
    Ok(Value::Int(i64::try_from(i.bits()).unwrap_or(i64::MAX)))
}

fn bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = recv_int(vm, &args)?;
    let ones: u64 = i
        .abs()
        .to_u64_digits()
        .1
        .iter()
        .map(|d| u64::from(d.count_ones()))
        .sum();
    Ok(Value::Int(i64::try_from(ones).unwrap_or(i64::MAX)))
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.get(0).unwrap_or(Value::None);
    match v {
        Value::Bool(b) => Ok(Value::Int(i64::from(b))),
        _ => match vm.complex_of(vm.builtin_view(v)) {
            Some(c) => vm.new_complex(crate::types::complex::Complex::new(c.re, -c.im)),
            None => Ok(v),
        },
    }
}

/// `complex.__complex__()`: the value as an exact complex.
fn dunder_complex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.method_arity("complex.__complex__", 0, 0)?;
    let v = args.get(0).unwrap_or(Value::None);
    if vm.complex_of(v).is_some() {
        return Ok(v);
    }
    match vm.complex_of(vm.builtin_view(v)) {
        Some(c) => vm.new_complex(c),
        None => Err(exc::type_error(format!(
            "descriptor '__complex__' requires a 'complex' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn to_bytes(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let i = recv_int(vm, &args)?;
    let length_kw = args.take_kw("length");
    let order_kw = args.take_kw("byteorder");
    let signed = match args.take_kw("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if let Some((k, _)) = args.kw.first() {
        return Err(exc::type_error(format!(
            "to_bytes() got an unexpected keyword argument '{k}'"
        )));
    }
    if args.pos.len() > 3 {
        return Err(exc::type_error(format!(
            "to_bytes() takes at most 2 positional arguments ({} given)",
            args.pos.len() - 1
        )));
    }
    let length = match length_kw.or_else(|| args.get(1)) {
        Some(v) => usize::try_from(vm.index_arg(v, "")?)
            .map_err(|_| exc::value_error("length argument must be non-negative"))?,
        None => 1,
    };
    let little = byteorder_arg(vm, order_kw.or_else(|| args.get(2)), "to_bytes")?;
    if i.is_negative() && !signed {
        return Err(exc::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = if i.is_zero() {
        Vec::new()
    } else if signed {
        i.to_signed_bytes_le()
    } else {
        i.to_bytes_le().1
    };
    if bytes.len() > length {
        return Err(exc::overflow_error("int too big to convert"));
    }
    vm.heap.account.check_fits(length)?;
    bytes.resize(length, if i.is_negative() { 0xff } else { 0 });
    if !little {
        bytes.reverse();
    }
    vm.alloc(crate::types::object::Object::Bytes(bytes))
}

/// The `byteorder` argument: true for 'little' (int.to_bytes / int.from_bytes).
fn byteorder_arg(vm: &Vm, v: Option<Value>, func: &str) -> PyResult<bool> {
    let Some(v) = v else {
        return Ok(false);
    };
    match vm.str_of(v) {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(exc::value_error(
            "byteorder must be either 'little' or 'big'",
        )),
        None => Err(exc::type_error(format!(
            "{func}() argument 'byteorder' must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

fn float_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.get(0) {
        Some(Value::Float(f)) => vm.new_str(crate::types::float::float_hex(f)),
        _ => Err(exc::type_error(
            "descriptor 'hex' requires a 'float' object",
        )),
    }
}

fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("fromhex", 1, 1)?;
    let v = args.pos[0];
    let Some(s) = vm.str_of(v) else {
        return Err(exc::type_error("bad argument type for built-in operation"));
    };
    match crate::types::float::float_fromhex(s) {
        Ok(f) => Ok(Value::Float(f)),
        Err(crate::types::float::FromHexError::Invalid) => Err(exc::value_error(
            "invalid hexadecimal floating-point string",
        )),
        Err(crate::types::float::FromHexError::Overflow) => Err(exc::overflow_error(
            "hexadecimal value too large to represent as a float",
        )),
    }
}

fn is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let _ = vm;
    match args.get(0) {
        Some(Value::Float(f)) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Err(exc::type_error(
            "descriptor 'is_integer' requires a 'float' object",
        )),
    }
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.get(0) {
        Some(Value::Float(f)) => {
            if f.is_infinite() {
                return Err(exc::overflow_error(
                    "cannot convert Infinity to integer ratio",
                ));
            }
            if f.is_nan() {
                return Err(exc::value_error("cannot convert NaN to integer ratio"));
            }
            if f == 0.0 {
                return vm.new_tuple(vec![Value::Int(0), Value::Int(1)]);
            }
            let bits = f.to_bits();
            let exp = ((bits >> 52) & 0x7ff) as i64;
            let mant = bits & ((1u64 << 52) - 1);
            let (mut m, mut e) = if exp == 0 {
                (mant, -1074)
            } else {
                (mant | (1u64 << 52), exp - 1075)
            };
            while m != 0 && m % 2 == 0 && e < 0 {
                m /= 2;
                e += 1;
            }
            let mut num = BigInt::from(m);
            let mut den = BigInt::from(1);
            if e >= 0 {
                num <<= usize::try_from(e).unwrap_or(0);
            } else {
                den <<= usize::try_from(-e).unwrap_or(0);
            }
            if f < 0.0 {
                num = -num;
            }
            let n = from_big(vm, num)?;
            let d = from_big(vm, den)?;
            vm.new_tuple(vec![n, d])
        }
        Some(v) => {
            let i = to_big(vm, v)
                .ok_or_else(|| exc::type_error("as_integer_ratio requires a number"))?;
            let n = from_big(vm, i)?;
            vm.new_tuple(vec![n, Value::Int(1)])
        }
        None => Err(exc::type_error("as_integer_ratio() needs an argument")),
    }
}

fn fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("dict.fromkeys")?;
    args.arity("fromkeys", 1, 2)?;
    let keys = vm.collect_iterable(args.pos[0])?;
    let value = args.get(1).unwrap_or(Value::None);
    let d = vm.new_dict()?;
    for k in keys {
        vm.dict_set(d, k, value)?;
    }
    Ok(d)
}

fn from_bytes(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let data_kw = args.take_kw("bytes");
    let order_kw = args.take_kw("byteorder");
    let signed = match args.take_kw("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let data = data_kw
        .or_else(|| args.get(0))
        .ok_or_else(|| exc::type_error("from_bytes() missing required argument 'bytes' (pos 1)"))?;
    let little = byteorder_arg(vm, order_kw.or_else(|| args.get(1)), "from_bytes")?;
    let mut bytes: Vec<u8> = match vm.heap.get_obj(data) {
        Some(
            crate::types::object::Object::Bytes(b) | crate::types::object::Object::ByteArray(b),
        ) => b.clone(),
        Some(crate::types::object::Object::Str(_)) => {
            return Err(exc::type_error("cannot convert 'str' object to bytes"));
        }
        _ => {
            let items = vm.collect_iterable(data)?;
            let mut out = Vec::with_capacity(items.len());
            for v in items {
                let Some(i) = vm.to_index(v) else {
                    return Err(exc::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(v)
                    )));
                };
                out.push(
                    u8::try_from(i)
                        .map_err(|_| exc::value_error("bytes must be in range(0, 256)"))?,
                );
            }
            out
        }
    };
    if little {
        bytes.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_be(&bytes)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &bytes)
    };
    from_big(vm, v)
}
