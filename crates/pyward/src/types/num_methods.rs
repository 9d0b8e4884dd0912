//! Methods of `int`, `bool` and `float`, and methods of builtin type objects
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
    }
}

natives! {
    /// Methods called on type objects.
    TypeMethod {
        Fromkeys => "fromkeys" => fromkeys,
        FromBytes => "from_bytes" => from_bytes,
        Maketrans => "maketrans" => crate::types::str_methods::maketrans,
    }
}

/// Whether a method belongs to the given numeric type.
pub fn applies(m: NumMethod, ty: BuiltinType) -> bool {
    let is_float = ty == BuiltinType::Float;
    match m {
        NumMethod::BitLength | NumMethod::BitCount | NumMethod::ToBytes => !is_float,
        NumMethod::IsInteger => is_float,
        NumMethod::Conjugate | NumMethod::AsIntegerRatio => true,
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
        _ => {
            let _ = vm;
            Ok(v)
        }
    }
}

fn to_bytes(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let i = recv_int(vm, &args)?;
    let length = match args.take_kw("length").or_else(|| args.get(1)) {
        Some(v) => usize::try_from(vm.index_arg(v, "")?)
            .map_err(|_| exc::value_error("length argument must be non-negative"))?,
        None => 1,
    };
    let byteorder = match args.take_kw("byteorder").or_else(|| args.get(2)) {
        Some(v) => vm.str_of(v).unwrap_or("").to_string(),
        None => "big".into(),
    };
    let signed = match args.take_kw("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if i.is_negative() && !signed {
        return Err(exc::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    vm.heap.account.check_fits(length)?;
    let mut bytes = i.to_signed_bytes_le();
    let fill = if i.is_negative() { 0xff } else { 0 };
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if bytes.len() > length
        || (signed
            && length > 0
            && bytes.len() == length
            && (bytes.last().copied().unwrap_or(0) & 0x80 != 0) != i.is_negative())
    {
        return Err(exc::overflow_error("int too big to convert"));
    }
    if i.is_zero() && length == 0 {
        bytes.clear();
    }
    bytes.resize(length, fill);
    match byteorder.as_str() {
        "big" => bytes.reverse(),
        "little" => {}
        _ => {
            return Err(exc::value_error(
                "byteorder must be either 'little' or 'big'",
            ));
        }
    }
    vm.alloc(crate::types::object::Object::Bytes(bytes))
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
    let data = args
        .get(0)
        .ok_or_else(|| exc::type_error("from_bytes() missing required argument 'bytes' (pos 1)"))?;
    let byteorder = match args.take_kw("byteorder").or_else(|| args.get(1)) {
        Some(v) => vm.str_of(v).unwrap_or("").to_string(),
        None => "big".into(),
    };
    let signed = match args.take_kw("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut bytes: Vec<u8> = match vm.heap.get_obj(data) {
        Some(
            crate::types::object::Object::Bytes(b) | crate::types::object::Object::ByteArray(b),
        ) => b.clone(),
        _ => {
            let items = vm.collect_iterable(data)?;
            items
                .iter()
                .map(|v| {
                    vm.to_index(*v)
                        .and_then(|i| u8::try_from(i).ok())
                        .unwrap_or(0)
                })
                .collect()
        }
    };
    match byteorder.as_str() {
        "big" => {}
        "little" => bytes.reverse(),
        _ => {
            return Err(exc::value_error(
                "byteorder must be either 'little' or 'big'",
            ));
        }
    }
    let v = if signed {
        BigInt::from_signed_bytes_be(&bytes)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &bytes)
    };
    from_big(vm, v)
}
