//! Int values across the i64 / BigInt boundary.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::exc::PyResult;
use crate::types::object::Object;
use crate::value::Value;
use crate::vm::Vm;

/// A big int as a value: `Value::Int` when it fits in i64.
pub fn from_big(vm: &mut Vm, b: BigInt) -> PyResult<Value> {
    match b.to_i64() {
        Some(i) => Ok(Value::Int(i)),
        None => {
            let bytes = (b.bits() as usize).div_ceil(8);
            vm.heap.account.check_fits(bytes)?;
            vm.alloc(Object::BigInt(b))
        }
    }
}

/// The value as a big int, if it is an int (bools and int subclass instances included).
pub fn to_big(vm: &Vm, v: Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(i)),
        Value::Bool(b) => Some(BigInt::from(i64::from(b))),
        Value::Obj(id) => match vm.heap.get(id) {
            Object::BigInt(b) => Some(b.clone()),
            Object::Instance(i) => match i.payload {
                Value::Int(_) | Value::Bool(_) => to_big(vm, i.payload),
                Value::Obj(p) => match vm.heap.get(p) {
                    Object::BigInt(b) => Some(b.clone()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Whether the value is an int (bools included).
pub fn is_int(vm: &Vm, v: Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(id) => matches!(vm.heap.get(id), Object::BigInt(_)),
        _ => false,
    }
}

/// The value as an i64 if it is an int that fits.
pub fn as_i64(v: Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(i),
        Value::Bool(b) => Some(i64::from(b)),
        _ => None,
    }
}
