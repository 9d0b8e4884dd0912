//! Calling a builtin type: `int(...)`, `str(...)`, `list(...)`, exception classes, ...

use num_traits::ToPrimitive;

use crate::exc::{self, PyResult};
use crate::types::BuiltinType;
use crate::types::bytes::bytes_repr;
use crate::types::float::float_to_big;
use crate::types::int::too_many_digits_from_str;
use crate::types::numtext::{IntTextError, parse_float_text, parse_int_text};
use crate::types::object::Object;
use crate::types::range::Slice;
use crate::value::Value;
use crate::vm::ops::int::{from_big, to_big};
use crate::vm::{Args, Vm};

/// `T(*args, **kwargs)` for a builtin type `T`.
pub fn construct(vm: &mut Vm, t: BuiltinType, mut args: Args) -> PyResult<Value> {
    if t.is_exception_group() {
        return super::excgroup::construct_group(vm, t, &args);
    }
    if t.is_exception() {
        args.no_kwargs(t.name())?;
        return vm.new_exception(Value::Type(t), t, args.pos.to_vec());
    }
    match t {
        BuiltinType::Enumerate => super::iterfn::enumerate(vm, args),
        BuiltinType::Zip => super::iterfn::zip(vm, args),
        BuiltinType::Map => super::iterfn::map(vm, args),
        BuiltinType::Filter => super::iterfn::filter(vm, args),
        BuiltinType::Reversed => super::iterfn::reversed(vm, args),
        BuiltinType::Int => int_new(vm, args),
        BuiltinType::Float => float_new(vm, args),
        BuiltinType::Complex => vm.complex_new(args),
        BuiltinType::Str => str_new(vm, args),
        BuiltinType::Bool => {
            args.no_kwargs("bool")?;
            args.arity("bool", 0, 1)?;
            match args.get(0) {
                Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
                None => Ok(Value::Bool(false)),
            }
        }
        BuiltinType::List => {
            if !args.kw.is_empty() {
                return Err(exc::type_error("list() takes no keyword arguments"));
            }
            args.arity("list", 0, 1)?;
            let items = match args.get(0) {
                Some(v) => vm.collect_iterable(v)?,
                None => Vec::new(),
            };
            vm.new_list(items)
        }
        BuiltinType::Tuple => {
            if !args.kw.is_empty() {
                return Err(exc::type_error("tuple() takes no keyword arguments"));
            }
            args.arity("tuple", 0, 1)?;
            match args.get(0) {
                Some(v) if matches!(vm.heap.get_obj(v), Some(Object::Tuple(_))) => Ok(v),
                Some(v) => {
                    let items = vm.collect_iterable(v)?;
                    vm.new_tuple(items)
                }
                None => vm.new_tuple(Vec::new()),
            }
        }
        BuiltinType::Dict => {
            args.arity("dict", 0, 1)?;
            let d = vm.new_dict()?;
            if let Some(m) = args.get(0) {
                vm.dict_update(d, m, false)?;
            }
            for (k, v) in args.kw {
                let key = vm.new_str(k)?;
                vm.dict_set(d, key, v)?;
            }
            Ok(d)
        }
        BuiltinType::Set | BuiltinType::FrozenSet => {
            if !args.kw.is_empty() {
                return Err(exc::type_error(format!(
                    "{}() takes no keyword arguments",
                    t.name()
                )));
            }
            args.arity(t.name(), 0, 1)?;
            if t == BuiltinType::FrozenSet {
                if let Some(v) = args.get(0) {
                    if matches!(vm.heap.get_obj(v), Some(Object::FrozenSet(_))) {
                        return Ok(v);
                    }
                }
            }
            vm.make_set(t == BuiltinType::FrozenSet, args.get(0))
        }
        BuiltinType::Range => vm.range_construct(&args),
        BuiltinType::Slice => {
            let (start, stop, step) = match args.pos.as_slice() {
                [stop] => (Value::None, *stop, Value::None),
                [start, stop] => (*start, *stop, Value::None),
                [start, stop, step] => (*start, *stop, *step),
                _ => return Err(exc::type_error("slice expected at least 1 argument, got 0")),
            };
            vm.alloc(Object::Slice(Slice { start, stop, step }))
        }
        BuiltinType::Bytes | BuiltinType::ByteArray => bytes_new(vm, t, args),
        BuiltinType::Type => match args.pos.as_slice() {
            [v] => Ok(vm.type_of(*v)),
            [name, bases, ns] => {
                let Some(n) = vm.str_of(*name).map(str::to_string) else {
                    return Err(exc::type_error("type.__new__() argument 1 must be str"));
                };
                let bases = vm.list_items(*bases);
                for b in &bases {
                    if !matches!(b, Value::Type(_)) && !vm.is_user_class(*b) {
                        return Err(exc::type_error("bases must be types"));
                    }
                }
                let namespace = vm.new_dict()?;
                vm.dict_update(namespace, *ns, false)?;
                vm.create_class(
                    &n,
                    bases,
                    namespace,
                    Value::Type(BuiltinType::Type),
                    Vec::new(),
                )
            }
            _ => Err(exc::type_error("type() takes 1 or 3 arguments")),
        },
        BuiltinType::Object => {
            if !args.pos.is_empty() || !args.kw.is_empty() {
                return Err(exc::type_error("object() takes no arguments"));
            }
            vm.alloc(Object::Instance(crate::types::class::Instance {
                class: Value::Type(BuiltinType::Object),
                dict: Value::None,
                payload: Value::None,
            }))
        }
        BuiltinType::Property => {
            let fget = args
                .take_kw("fget")
                .or_else(|| args.get(0))
                .unwrap_or(Value::None);
            let fset = args
                .take_kw("fset")
                .or_else(|| args.get(1))
                .unwrap_or(Value::None);
            let fdel = args
                .take_kw("fdel")
                .or_else(|| args.get(2))
                .unwrap_or(Value::None);
            let _ = args.take_kw("doc");
            vm.alloc(Object::Property(crate::types::class::Property {
                fget,
                fset,
                fdel,
            }))
        }
        BuiltinType::StaticMethod | BuiltinType::ClassMethod => {
            args.arity(t.name(), 1, 1)?;
            let f = args.pos[0];
            vm.alloc(if t == BuiltinType::StaticMethod {
                Object::StaticMethod(f)
            } else {
                Object::ClassMethod(f)
            })
        }
        BuiltinType::Super => match args.pos.as_slice() {
            [] => vm.zero_arg_super(),
            [cls, obj] => vm.alloc(Object::Super {
                cls: *cls,
                obj: *obj,
            }),
            _ => Err(exc::type_error("super() takes 0 or 2 arguments")),
        },
        _ => Err(exc::type_error(format!(
            "cannot create '{}' instances",
            t.name()
        ))),
    }
}

fn int_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let base_kw = args.take_kw("base");
    args.no_kwargs("int")?;
    if args.pos.len() > 2 {
        return Err(exc::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let Some(v) = args.get(0) else {
        if base_kw.is_some() {
            return Err(exc::type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    let base = base_kw.or_else(|| args.get(1));
    if let Some(b) = base {
        let b = match to_big(vm, b) {
            Some(b) => b.to_i64().unwrap_or(i64::MAX),
            None => vm.index_arg(b, "")?,
        };
        if b != 0 && !(2..=36).contains(&b) {
            return Err(exc::value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let base = u32::try_from(b).unwrap_or(10);
        if let Some(text) = vm.str_of(v).map(str::to_string) {
            return parse_int(vm, &text, base);
        }
        if let Some(Object::Bytes(x) | Object::ByteArray(x)) = vm.heap.get_obj(v) {
            let x = x.clone();
            return parse_int_bytes(vm, &x, base);
        }
        return Err(exc::type_error(
            "int() can't convert non-string with explicit base",
        ));
    }
    // An instance of a float subclass converts through its value.
    let v = match vm.builtin_view(v) {
        f @ Value::Float(_) => f,
        _ => v,
    };
    match v {
        Value::Int(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(i64::from(b))),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(exc::value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(exc::overflow_error(
                    "cannot convert float infinity to integer",
                ));
            }
            let t = f.trunc();
            if t.abs() < 9.2e18 {
                return Ok(Value::Int(t as i64));
            }
            from_big(vm, float_to_big(t))
        }
        _ => {
            if let Some(i) = to_big(vm, v) {
                return from_big(vm, i);
            }
            if let Some(s) = vm.str_of(v) {
                let s = s.to_string();
                return parse_int(vm, &s, 10);
            }
            if let Some(Object::Bytes(b) | Object::ByteArray(b)) = vm.heap.get_obj(v) {
                let b = b.clone();
                return parse_int_bytes(vm, &b, 10);
            }
            for (dunder, what) in [
                ("__int__", "__int__"),
                ("__index__", "__index__"),
                ("__trunc__", "__trunc__"),
            ] {
                if let Some(r) = vm.call_dunder(v, dunder, &[])? {
                    if let Some(i) = to_big(vm, r) {
                        return from_big(vm, i);
                    }
                    return Err(exc::type_error(format!(
                        "{what} returned non-int (type {})",
                        vm.type_name(r)
                    )));
                }
            }
            Err(exc::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

/// `int(text, base)` with Python's literal rules (underscores, prefixes, whitespace).
pub fn parse_int(vm: &mut Vm, text: &str, base: u32) -> PyResult<Value> {
    match parse_int_text(text, base) {
        Ok(b) => from_big(vm, b),
        Err(IntTextError::TooManyDigits(n)) => Err(exc::value_error(too_many_digits_from_str(n))),
        Err(IntTextError::Invalid) => Err(exc::value_error(invalid_int_literal(text, base))),
    }
}

/// `int(b'...', base)`: bytes are parsed as ASCII only (CPython `_PyLong_FromBytes`).
fn parse_int_bytes(vm: &mut Vm, b: &[u8], base: u32) -> PyResult<Value> {
    let parsed = if b.is_ascii() {
        parse_int_text(&String::from_utf8_lossy(b), base)
    } else {
        Err(IntTextError::Invalid)
    };
    match parsed {
        Ok(v) => from_big(vm, v),
        Err(IntTextError::TooManyDigits(n)) => Err(exc::value_error(too_many_digits_from_str(n))),
        Err(IntTextError::Invalid) => {
            let r: String = bytes_repr(b, "b").chars().take(200).collect();
            Err(exc::value_error(format!(
                "invalid literal for int() with base {base}: {r}"
            )))
        }
    }
}

/// `invalid literal for int() with base 10: 'x'`, the repr cut to 200 characters
/// (PyLong_FromString's `%.200R`).
#[cold]
fn invalid_int_literal(text: &str, base: u32) -> String {
    let r = crate::vm::ops::repr::str_repr(text);
    let r: String = r.chars().take(200).collect();
    format!("invalid literal for int() with base {base}: {r}")
}

fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("float")?;
    args.arity("float", 0, 1)?;
    let Some(v) = args.get(0) else {
        return Ok(Value::Float(0.0));
    };
    // An instance of a float subclass converts to its value.
    let v = match vm.builtin_view(v) {
        f @ Value::Float(_) => f,
        _ => v,
    };
    match v {
        Value::Float(_) => Ok(v),
        _ => {
            if let Some(i) = to_big(vm, v) {
                return Ok(Value::Float(crate::vm::ops::arith::int_to_f64(&i)?));
            }
            if let Some(s) = vm.str_of(v) {
                return parse_float(s).map(Value::Float);
            }
            if let Some(obj @ (Object::Bytes(b) | Object::ByteArray(b))) = vm.heap.get_obj(v) {
                let parsed = if b.is_ascii() {
                    parse_float_text(&String::from_utf8_lossy(b))
                } else {
                    None
                };
                return parsed.map(Value::Float).ok_or_else(|| {
                    let r = bytes_repr(b, "b");
                    let r = if matches!(obj, Object::ByteArray(_)) {
                        format!("bytearray({r})")
                    } else {
                        r
                    };
                    exc::value_error(format!("could not convert string to float: {r}"))
                });
            }
            if let Some(r) = vm.call_dunder(v, "__float__", &[])? {
                return match r {
                    Value::Float(_) => Ok(r),
                    _ => Err(exc::type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        vm.type_name(v),
                        vm.type_name(r)
                    ))),
                };
            }
            if let Some(r) = vm.call_dunder(v, "__index__", &[])? {
                if let Some(i) = to_big(vm, r) {
                    return Ok(Value::Float(crate::vm::ops::arith::int_to_f64(&i)?));
                }
                return Err(exc::type_error(format!(
                    "__index__ returned non-int (type {})",
                    vm.type_name(r)
                )));
            }
            Err(exc::type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

/// `float(text)` with Python's accepted spellings.
pub fn parse_float(text: &str) -> PyResult<f64> {
    parse_float_text(text).ok_or_else(|| {
        exc::value_error(format!(
            "could not convert string to float: {}",
            crate::vm::ops::repr::str_repr(text)
        ))
    })
}

fn str_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let encoding = args.take_kw("encoding");
    let errors = args.take_kw("errors");
    if let Some(object) = args.take_kw("object") {
        if !args.pos.is_empty() {
            return Err(exc::type_error(
                "argument for str() given by name ('object') and position (1)",
            ));
        }
        args.pos.push(object);
    }
    args.no_kwargs("str")?;
    args.arity("str", 0, 3)?;
    let Some(v) = args.get(0) else {
        return vm.new_str("");
    };
    if encoding.is_some() || errors.is_some() || args.pos.len() > 1 {
        if !matches!(
            vm.heap.get_obj(vm.builtin_view(v)),
            Some(Object::Bytes(_) | Object::ByteArray(_))
        ) {
            let what = if vm.str_of(v).is_some() {
                "decoding str is not supported".to_string()
            } else {
                format!(
                    "decoding to str: need a bytes-like object, {} found",
                    vm.type_name(v)
                )
            };
            return Err(exc::type_error(what));
        }
        let mut dargs = Args::positional(&[v]);
        if let Some(e) = encoding.or_else(|| args.get(1)) {
            dargs.pos.push(e);
        }
        if let Some(e) = errors.or_else(|| args.get(2)) {
            dargs.kw.push(("errors".into(), e));
        }
        return crate::builtins::Native::Bytes(crate::types::bytes_methods::BytesMethod::Decode)
            .call(vm, dargs);
    }
    if vm.exact_str(v).is_some() {
        return Ok(v);
    }
    let s = vm.str(v)?;
    vm.new_str(s)
}

fn bytes_new(vm: &mut Vm, t: BuiltinType, mut args: Args) -> PyResult<Value> {
    use crate::exc::messages::bytes as bmsg;
    let name = t.name();
    let source = args.take_kw("source");
    let encoding = args.take_kw("encoding");
    let errors = args.take_kw("errors");
    args.no_kwargs(name)?;
    if args.pos.len() > 3 {
        return Err(exc::type_error(format!(
            "{name}() takes at most 3 arguments ({} given)",
            args.pos.len()
        )));
    }
    let is_array = t == BuiltinType::ByteArray;
    let wrap = |b: Vec<u8>| {
        if is_array {
            Object::ByteArray(b)
        } else {
            Object::Bytes(b)
        }
    };
    let encoding = encoding.or_else(|| args.get(1));
    let errors = errors.or_else(|| args.get(2));
    let Some(v) = source.or_else(|| args.get(0)) else {
        if encoding.is_some() {
            return Err(exc::type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(exc::type_error("errors without a string argument"));
        }
        return vm.alloc(wrap(Vec::new()));
    };
    if vm.str_of(v).is_some() {
        let Some(enc) = encoding else {
            return Err(exc::type_error("string argument without an encoding"));
        };
        let mut eargs = Args::positional(&[v, enc]);
        if let Some(e) = errors {
            eargs.pos.push(e);
        }
        let encoded = crate::builtins::Native::Str(crate::types::str_methods::StrMethod::Encode)
            .call(vm, eargs)?;
        if !is_array {
            return Ok(encoded);
        }
        let data = crate::types::bytes_methods::buffer(vm, encoded)
            .map(<[u8]>::to_vec)
            .unwrap_or_default();
        return vm.alloc(wrap(data));
    }
    if encoding.is_some() {
        return Err(exc::type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(exc::type_error("errors without a string argument"));
    }
    if let Some(b) = to_big(vm, v) {
        if b.sign() == num_bigint::Sign::Minus {
            return Err(exc::value_error("negative count"));
        }
        let Some(n) = b.to_usize().filter(|n| i64::try_from(*n).is_ok()) else {
            return Err(exc::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            ));
        };
        vm.heap.account.check_fits(n)?;
        return vm.alloc(wrap(vec![0; n]));
    }
    if let Some(b) = crate::types::bytes_methods::buffer(vm, v) {
        let data = b.to_vec();
        return vm.alloc(wrap(data));
    }
    if vm.get_iter(v).is_err() {
        return Err(exc::type_error(bmsg::cannot_convert(
            &vm.type_name(v),
            name,
        )));
    }
    let items = vm.collect_iterable(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if is_array {
            out.push(crate::types::bytes_methods::byte_value(vm, it)?);
            continue;
        }
        let Some(i) = to_big(vm, it) else {
            return Err(exc::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(it)
            )));
        };
        out.push(
            i.to_u8()
                .ok_or_else(|| exc::value_error(bmsg::bytes_range()))?,
        );
    }
    vm.alloc(wrap(out))
}
