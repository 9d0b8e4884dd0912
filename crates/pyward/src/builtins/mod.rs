//! Builtin functions, and the `Native` id of every function implemented in Rust.
//!
//! A native is a small `Copy` id (serializable, no pointers) that dispatches to a Rust
//! function `fn(&mut Vm, Args) -> PyResult<Value>`. Each table comes from `natives!`: builtin
//! functions here, methods in their type's module (`types/*_methods.rs`). For methods,
//! `args.pos[0]` is the receiver.

mod construct;
mod dir_tables;
mod evalfn;
pub mod excgroup;
mod func;
mod iterfn;
mod numfn;
mod objfn;
pub(crate) mod opslots;
mod slots;
pub mod sort;

use crate::exc::PyResult;
use crate::types::BuiltinType;
use crate::value::Value;
use crate::vm::{Args, Vm};

pub use crate::types::float::float_to_big;
pub use construct::construct;
pub(crate) use evalfn::dir_names;
pub use slots::{PropMethod, SlotFn};

/// A builtin type's dunder `name` as a native (for user classes' MRO lookups).
pub fn slot_of(t: BuiltinType, name: &str) -> Option<Native> {
    slots::slot_of(t, name).map(Native::Slot)
}

/// A builtin dunder that `t` defines itself (is in CPython's `t.__dict__`), for lookups
/// along an MRO: `str` has its own `__repr__` but inherits `__init_subclass__` from
/// `object`, so in `class E(str, Enum)` Enum's `__init_subclass__` comes first.
pub fn own_slot_of(t: BuiltinType, name: &str) -> Option<Native> {
    let own = dir_tables::own_names(t.name());
    if t != BuiltinType::Object && !own.is_empty() && !own.iter().any(|(n, _)| *n == name) {
        return None;
    }
    slot_of(t, name)
}

/// `property.setter` and friends.
pub fn property_method(name: &str) -> Native {
    Native::Prop(PropMethod::lookup(name).unwrap_or(PropMethod::Getter))
}

/// Declare a table of natives: an enum with `name()`, `lookup(name)` and `call()`.
#[macro_export]
macro_rules! natives {
    ($(#[$meta:meta])* $enum:ident { $($variant:ident => $name:literal => $func:path),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $enum {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl $enum {
            /// The Python name.
            pub fn name(self) -> &'static str {
                match self { $($enum::$variant => $name),* }
            }

            /// The native with this Python name.
            pub fn lookup(name: &str) -> Option<$enum> {
                match name { $($name => Some($enum::$variant),)* _ => None }
            }

            /// Call it.
            pub fn call(self, vm: &mut $crate::vm::Vm, args: $crate::vm::Args) -> $crate::exc::PyResult<$crate::value::Value> {
                match self { $($enum::$variant => $func(vm, args)),* }
            }
        }

        // Snapshots store natives by name, so adding or reordering natives is not a format
        // change (snapshot/names.rs).
        impl serde::Serialize for $enum {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl<'de> serde::Deserialize<'de> for $enum {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$enum, D::Error> {
                $crate::snapshot::by_name(d, $enum::lookup, stringify!($enum))
            }
        }
    };
}

natives! {
    /// Builtin functions (the `builtins` module).
    BuiltinFn {
        Print => "print" => func::print,
        Len => "len" => func::len,
        Repr => "repr" => objfn::repr,
        Ascii => "ascii" => objfn::ascii,
        Isinstance => "isinstance" => objfn::isinstance,
        Issubclass => "issubclass" => objfn::issubclass,
        Hash => "hash" => objfn::hash,
        Id => "id" => objfn::id,
        Callable => "callable" => objfn::callable,
        Exit => "exit" => objfn::exit,
        Quit => "quit" => objfn::exit,
        Getattr => "getattr" => objfn::getattr,
        Setattr => "setattr" => objfn::setattr,
        Hasattr => "hasattr" => objfn::hasattr,
        Delattr => "delattr" => objfn::delattr,
        Format => "format" => objfn::format,
        Vars => "vars" => objfn::vars,
        Globals => "globals" => objfn::globals,
        Locals => "locals" => objfn::locals,
        Iter => "iter" => iterfn::iter,
        Next => "next" => iterfn::next,
        Sorted => "sorted" => iterfn::sorted,
        Sum => "sum" => iterfn::sum,
        Min => "min" => iterfn::min,
        Max => "max" => iterfn::max,
        Any => "any" => iterfn::any,
        All => "all" => iterfn::all,
        Abs => "abs" => numfn::abs,
        Round => "round" => numfn::round,
        Divmod => "divmod" => numfn::divmod,
        Pow => "pow" => numfn::pow,
        Hex => "hex" => numfn::hex,
        Oct => "oct" => numfn::oct,
        Bin => "bin" => numfn::bin,
        Chr => "chr" => numfn::chr,
        Ord => "ord" => numfn::ord,
        Eval => "eval" => evalfn::eval,
        Exec => "exec" => evalfn::exec,
        Dir => "dir" => evalfn::dir,
        Compile => "compile" => evalfn::compile,
        Import => "__import__" => evalfn::import,
    }
}

/// Every native function and method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Native {
    /// A builtin function.
    Builtin(BuiltinFn),
    /// A `str` method.
    Str(crate::types::str_methods::StrMethod),
    /// A `list` method.
    List(crate::types::list_methods::ListMethod),
    /// A `tuple` method.
    Tuple(crate::types::list_methods::TupleMethod),
    /// A `dict` method.
    Dict(crate::types::dict_methods::DictMethod),
    /// A `set`/`frozenset` method.
    Set(crate::types::set_methods::SetMethod),
    /// An `int`/`float` method.
    Num(crate::types::num_methods::NumMethod),
    /// A `bytes`/`bytearray` method.
    Bytes(crate::types::bytes_methods::BytesMethod),
    /// A method of the `bytes`/`bytearray` type object (`bytes.fromhex`), with its type.
    BytesType(crate::types::bytes_methods::BytesTypeMethod, BuiltinType),
    /// A `range` method.
    Range(crate::types::range::RangeMethod),
    /// A method of a builtin type object itself (`dict.fromkeys`, `str.maketrans`).
    TypeMethod(crate::types::num_methods::TypeMethod),
    /// A builtin type's dunder method (`object.__init__`, `dict.__setitem__`).
    Slot(SlotFn),
    /// `property.setter` / `getter` / `deleter`.
    Prop(PropMethod),
    /// A generator (or coroutine) method.
    Gen(crate::types::gen_methods::GenMethod),
    /// A coroutine method.
    Coro(crate::types::coro_methods::CoroMethod),
    /// An async generator method.
    AsyncGen(crate::types::coro_methods::AsyncGenMethod),
    /// A method of an async generator's or coroutine's awaitable.
    AwaitOp(crate::types::coro_methods::AwaitOpMethod),
    /// A `math` function.
    Math(crate::modules::math::MathFn),
    /// A `_random` function.
    Random(crate::modules::random::RandomFn),
    /// A `_json` function.
    Json(crate::modules::json::JsonFn),
    /// A `_re` function.
    Re(crate::modules::re::ReFn),
    /// A `_sandbox` function.
    Sandbox(crate::modules::sandbox::SandboxFn),
    /// A `_hashlib` function.
    Hashlib(crate::modules::hashlib::HashlibFn),
    /// A `_binascii` function.
    Binascii(crate::modules::binascii::BinasciiFn),
    /// A `cmath` function.
    Cmath(crate::modules::cmath::CmathFn),
}

impl Native {
    /// The Python name.
    pub fn name(self) -> &'static str {
        match self {
            Native::Builtin(f) => f.name(),
            Native::Str(m) => m.name(),
            Native::List(m) => m.name(),
            Native::Tuple(m) => m.name(),
            Native::Dict(m) => m.name(),
            Native::Set(m) => m.name(),
            Native::Num(m) => m.name(),
            Native::Bytes(m) => m.name(),
            Native::BytesType(m, _) => m.name(),
            Native::Range(m) => m.name(),
            Native::TypeMethod(m) => m.name(),
            Native::Slot(m) => m.name(),
            Native::Prop(m) => m.name(),
            Native::Gen(m) => m.name(),
            Native::Coro(m) => m.name(),
            Native::AsyncGen(m) => m.name(),
            Native::AwaitOp(m) => m.name(),
            Native::Math(m) => m.name(),
            Native::Random(m) => m.name(),
            Native::Json(m) => m.name(),
            Native::Re(m) => m.name(),
            Native::Sandbox(m) => m.name(),
            Native::Hashlib(m) => m.name(),
            Native::Binascii(m) => m.name(),
            Native::Cmath(m) => m.name(),
        }
    }

    /// Whether it accepts keyword arguments at all (METH_FASTCALL|METH_KEYWORDS in
    /// CPython). Only the natives whose functions do not check this themselves are listed:
    /// builtin functions and the list, tuple, dict and number methods.
    fn refuses_keywords(self) -> bool {
        use crate::types::dict_methods::DictMethod;
        use crate::types::list_methods::ListMethod;
        use crate::types::num_methods::NumMethod;
        match self {
            Native::Builtin(f) => !matches!(
                f,
                BuiltinFn::Print
                    | BuiltinFn::Sorted
                    | BuiltinFn::Min
                    | BuiltinFn::Max
                    | BuiltinFn::Sum
                    | BuiltinFn::Round
                    | BuiltinFn::Pow
                    | BuiltinFn::Exec
                    | BuiltinFn::Compile
                    | BuiltinFn::Import
            ),
            Native::List(m) => m != ListMethod::Sort,
            Native::Dict(m) => m != DictMethod::Update,
            Native::Tuple(_) => true,
            Native::Num(m) => m != NumMethod::ToBytes,
            _ => false,
        }
    }

    /// Call it.
    pub fn call(self, vm: &mut Vm, args: Args) -> PyResult<Value> {
        if !args.kw.is_empty() && self.refuses_keywords() {
            return Err(self.no_keywords_error(vm, &args));
        }
        // `index` and `count` serve lists and tuples alike: the method descriptor checks its
        // receiver (descrobject.c `descr_check`).
        let owner = match self {
            Native::Tuple(_) => Some(BuiltinType::Tuple),
            Native::List(
                crate::types::list_methods::ListMethod::Index
                | crate::types::list_methods::ListMethod::Count,
            ) => Some(BuiltinType::List),
            _ => None,
        };
        if let (Some(owner), Some(recv)) = (owner, args.get(0)) {
            let t = vm.builtin_type_of(vm.builtin_view(recv));
            if t != owner {
                return Err(crate::exc::type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    self.name(),
                    owner.name(),
                    vm.type_name(recv)
                )));
            }
        }
        match self {
            Native::Builtin(f) => f.call(vm, args),
            Native::Str(m) => m.call(vm, args),
            Native::List(m) => m.call(vm, args),
            Native::Tuple(m) => m.call(vm, args),
            Native::Dict(m) => m.call(vm, args),
            Native::Set(m) => m.call(vm, args),
            Native::Num(m) => m.call(vm, args),
            Native::Bytes(m) => m.call(vm, args),
            Native::BytesType(m, t) => {
                crate::types::bytes_methods::call_type_method(vm, m, t, args)
            }
            Native::Range(m) => m.call(vm, args),
            Native::TypeMethod(m) => m.call(vm, args),
            Native::Slot(m) => m.call(vm, args),
            Native::Prop(m) => m.call(vm, args),
            Native::Gen(m) => m.call(vm, args),
            Native::Coro(m) => m.call(vm, args),
            Native::AsyncGen(m) => m.call(vm, args),
            Native::AwaitOp(m) => m.call(vm, args),
            Native::Math(m) => m.call(vm, args),
            Native::Random(m) => m.call(vm, args),
            Native::Json(m) => m.call(vm, args),
            Native::Re(m) => m.call(vm, args),
            Native::Sandbox(m) => m.call(vm, args),
            Native::Hashlib(m) => m.call(vm, args),
            Native::Binascii(m) => m.call(vm, args),
            Native::Cmath(m) => m.call(vm, args),
        }
    }
}

impl Native {
    /// `f() takes no keyword arguments`, a method named with its type (`dict.get()`).
    #[cold]
    fn no_keywords_error(self, vm: &Vm, args: &Args) -> crate::exc::RunError {
        let name = match self {
            Native::Builtin(_) => self.name().to_string(),
            _ => {
                let recv = args.get(0).map_or(Value::None, |r| vm.builtin_view(r));
                format!("{}.{}", vm.builtin_type_of(recv).name(), self.name())
            }
        };
        crate::exc::type_error(format!("{name}() takes no keyword arguments"))
    }
}

/// A builtin name: functions, types and constants.
pub fn lookup(name: &str) -> Option<Value> {
    if let Some(f) = BuiltinFn::lookup(name) {
        return Some(Value::Native(Native::Builtin(f)));
    }
    match name {
        "None" => return Some(Value::None),
        "True" => return Some(Value::Bool(true)),
        "False" => return Some(Value::Bool(false)),
        "Ellipsis" => return Some(Value::Ellipsis),
        "NotImplemented" => return Some(Value::NotImplemented),
        // Aliases CPython keeps for compatibility (Objects/exceptions.c).
        "EnvironmentError" | "IOError" => return Some(Value::Type(BuiltinType::OSError)),
        "__name__" => return None,
        _ => {}
    }
    let t = BuiltinType::from_name(name)?;
    let public = (!t.is_iterator() || t.is_iterator_adaptor())
        && !matches!(
            t,
            BuiltinType::NoneType
                | BuiltinType::Function
                | BuiltinType::BuiltinFunction
                | BuiltinType::Method
                | BuiltinType::Cell
                | BuiltinType::Module
                | BuiltinType::Iterator
                | BuiltinType::Generator
                | BuiltinType::Coroutine
                | BuiltinType::AsyncGenerator
                | BuiltinType::AsyncGenASend
                | BuiltinType::AsyncGenAThrow
                | BuiltinType::CoroutineWrapper
                | BuiltinType::DictKeys
                | BuiltinType::DictValues
                | BuiltinType::DictItems
                | BuiltinType::Ellipsis
                | BuiltinType::NotImplementedType
        );
    public.then_some(Value::Type(t))
}

/// The method `name` of instances of builtin type `ty`.
pub fn method_of(ty: BuiltinType, name: &str) -> Option<Native> {
    use crate::types::{
        bytes_methods, dict_methods, list_methods, num_methods, set_methods, str_methods,
    };
    match ty {
        BuiltinType::Str => str_methods::StrMethod::lookup(name).map(Native::Str),
        BuiltinType::List => list_methods::ListMethod::lookup(name).map(Native::List),
        BuiltinType::Tuple => list_methods::TupleMethod::lookup(name).map(Native::Tuple),
        BuiltinType::Dict => dict_methods::DictMethod::lookup(name).map(Native::Dict),
        BuiltinType::Set => set_methods::SetMethod::lookup(name).map(Native::Set),
        BuiltinType::FrozenSet => set_methods::SetMethod::lookup(name)
            .filter(|m| set_methods::is_frozen_method(*m))
            .map(Native::Set),
        BuiltinType::Int | BuiltinType::Bool | BuiltinType::Float | BuiltinType::Complex => {
            num_methods::NumMethod::lookup(name)
                .filter(|m| num_methods::applies(*m, ty))
                .map(Native::Num)
        }
        BuiltinType::Generator => {
            crate::types::gen_methods::GenMethod::lookup(name).map(Native::Gen)
        }
        BuiltinType::Coroutine => crate::types::gen_methods::GenMethod::lookup(name)
            .map(Native::Gen)
            .or_else(|| crate::types::coro_methods::CoroMethod::lookup(name).map(Native::Coro)),
        BuiltinType::AsyncGenerator => {
            crate::types::coro_methods::AsyncGenMethod::lookup(name).map(Native::AsyncGen)
        }
        BuiltinType::AsyncGenASend
        | BuiltinType::AsyncGenAThrow
        | BuiltinType::CoroutineWrapper => {
            crate::types::coro_methods::AwaitOpMethod::lookup(name).map(Native::AwaitOp)
        }
        BuiltinType::Bytes | BuiltinType::ByteArray => bytes_methods::BytesMethod::lookup(name)
            .filter(|m| bytes_methods::applies(*m, ty))
            .map(Native::Bytes),
        BuiltinType::Range => crate::types::range::RangeMethod::lookup(name).map(Native::Range),
        t if t.is_exception() && !name.starts_with("__") => slot_of(t, name),
        _ => None,
    }
}

/// Attributes of builtin type objects that are not instance methods (`dict.fromkeys`).
pub fn type_attr(t: BuiltinType, name: &str) -> Option<Value> {
    if matches!(t, BuiltinType::Bytes | BuiltinType::ByteArray) {
        return crate::types::bytes_methods::BytesTypeMethod::lookup(name)
            .map(|m| Value::Native(Native::BytesType(m, t)));
    }
    crate::types::num_methods::type_method(t, name).map(|m| Value::Native(Native::TypeMethod(m)))
}

/// The attribute names a builtin type defines itself (for `dir`): CPython's, less the
/// methods pyward lacks.
pub fn method_names(t: BuiltinType) -> Vec<&'static str> {
    dir_tables::own_names(t.name())
        .iter()
        .filter(|(n, method)| {
            !*method
                || n.starts_with("__")
                || method_of(t, n).is_some()
                || slot_of(t, n).is_some()
                || type_attr(t, n).is_some()
        })
        .map(|(n, _)| *n)
        .collect()
}
