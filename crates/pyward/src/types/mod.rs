//! Python types: the builtin type ids, the heap payload enum, and one module per type.
//!
//! `BuiltinType` names every builtin class (including the exception hierarchy) without
//! allocating; user classes are heap objects. `ORDER BUILTINTYPE`: the snapshot format stores
//! these by name, so reordering is safe but renaming is a format change.

pub mod bytes;
pub mod bytes_methods;
pub mod class;
pub mod complex;
pub mod coro_methods;
pub mod dict;
pub mod dict_methods;
pub mod float;
pub mod format;
pub mod function;
pub mod gen_methods;
pub mod generator;
pub mod int;
pub mod iter;
pub mod list;
pub mod list_methods;
pub mod num_methods;
pub mod numtext;
pub mod object;
pub mod range;
pub mod set;
pub mod set_methods;
pub mod str;
pub mod str_methods;
pub mod tuple;
pub mod unicode;

macro_rules! builtin_types {
    ($($variant:ident => $name:literal : $base:ident),* $(,)?) => {
        /// A builtin class.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum BuiltinType {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl BuiltinType {
            /// Every builtin type, in declaration order.
            pub const ALL: &'static [BuiltinType] = &[$(BuiltinType::$variant),*];

            /// The Python `__name__`.
            pub fn name(self) -> &'static str {
                match self { $(BuiltinType::$variant => $name),* }
            }

            /// The single base class (`object` has itself).
            pub fn base(self) -> BuiltinType {
                match self { $(BuiltinType::$variant => BuiltinType::$base),* }
            }

            /// The builtin type with this `__name__`, for name lookup of builtins.
            pub fn from_name(name: &str) -> Option<BuiltinType> {
                match name { $($name => Some(BuiltinType::$variant),)* _ => None }
            }
        }

        impl serde::Serialize for BuiltinType {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl<'de> serde::Deserialize<'de> for BuiltinType {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<BuiltinType, D::Error> {
                crate::snapshot::by_name(d, BuiltinType::from_name, "BuiltinType")
            }
        }
    };
}

builtin_types! {
    Object => "object": Object,
    Type => "type": Object,
    NoneType => "NoneType": Object,
    Bool => "bool": Int,
    Int => "int": Object,
    Float => "float": Object,
    Complex => "complex": Object,
    Str => "str": Object,
    Bytes => "bytes": Object,
    ByteArray => "bytearray": Object,
    List => "list": Object,
    Tuple => "tuple": Object,
    Dict => "dict": Object,
    Set => "set": Object,
    FrozenSet => "frozenset": Object,
    Range => "range": Object,
    Slice => "slice": Object,
    Function => "function": Object,
    Code => "code": Object,
    BuiltinFunction => "builtin_function_or_method": Object,
    Method => "method": Object,
    Cell => "cell": Object,
    Module => "module": Object,
    Iterator => "iterator": Object,
    ListIterator => "list_iterator": Object,
    ListReverseIterator => "list_reverseiterator": Object,
    TupleIterator => "tuple_iterator": Object,
    StrIterator => "str_iterator": Object,
    StrAsciiIterator => "str_ascii_iterator": Object,
    BytesIterator => "bytes_iterator": Object,
    ByteArrayIterator => "bytearray_iterator": Object,
    RangeIterator => "range_iterator": Object,
    LongRangeIterator => "longrange_iterator": Object,
    DictKeyIterator => "dict_keyiterator": Object,
    DictValueIterator => "dict_valueiterator": Object,
    DictItemIterator => "dict_itemiterator": Object,
    SetIterator => "set_iterator": Object,
    CallableIterator => "callable_iterator": Object,
    Enumerate => "enumerate": Object,
    Zip => "zip": Object,
    Map => "map": Object,
    Filter => "filter": Object,
    Reversed => "reversed": Object,
    Generator => "generator": Object,
    Coroutine => "coroutine": Object,
    AsyncGenerator => "async_generator": Object,
    AsyncGenASend => "async_generator_asend": Object,
    AsyncGenAThrow => "async_generator_athrow": Object,
    CoroutineWrapper => "coroutine_wrapper": Object,
    DictKeys => "dict_keys": Object,
    DictValues => "dict_values": Object,
    DictItems => "dict_items": Object,
    Ellipsis => "ellipsis": Object,
    NotImplementedType => "NotImplementedType": Object,
    Property => "property": Object,
    StaticMethod => "staticmethod": Object,
    ClassMethod => "classmethod": Object,
    Super => "super": Object,
    Traceback => "traceback": Object,
    BaseException => "BaseException": Object,
    BaseExceptionGroup => "BaseExceptionGroup": BaseException,
    // Also derives from Exception: see `second_base`.
    ExceptionGroup => "ExceptionGroup": BaseExceptionGroup,
    SystemExit => "SystemExit": BaseException,
    KeyboardInterrupt => "KeyboardInterrupt": BaseException,
    GeneratorExit => "GeneratorExit": BaseException,
    Exception => "Exception": BaseException,
    StopIteration => "StopIteration": Exception,
    StopAsyncIteration => "StopAsyncIteration": Exception,
    ArithmeticError => "ArithmeticError": Exception,
    FloatingPointError => "FloatingPointError": ArithmeticError,
    OverflowError => "OverflowError": ArithmeticError,
    ZeroDivisionError => "ZeroDivisionError": ArithmeticError,
    AssertionError => "AssertionError": Exception,
    AttributeError => "AttributeError": Exception,
    BufferError => "BufferError": Exception,
    EOFError => "EOFError": Exception,
    ImportError => "ImportError": Exception,
    ModuleNotFoundError => "ModuleNotFoundError": ImportError,
    LookupError => "LookupError": Exception,
    IndexError => "IndexError": LookupError,
    KeyError => "KeyError": LookupError,
    MemoryError => "MemoryError": Exception,
    NameError => "NameError": Exception,
    UnboundLocalError => "UnboundLocalError": NameError,
    OSError => "OSError": Exception,
    FileNotFoundError => "FileNotFoundError": OSError,
    PermissionError => "PermissionError": OSError,
    TimeoutError => "TimeoutError": OSError,
    ConnectionError => "ConnectionError": OSError,
    BrokenPipeError => "BrokenPipeError": ConnectionError,
    ConnectionAbortedError => "ConnectionAbortedError": ConnectionError,
    ConnectionRefusedError => "ConnectionRefusedError": ConnectionError,
    ConnectionResetError => "ConnectionResetError": ConnectionError,
    BlockingIOError => "BlockingIOError": OSError,
    ChildProcessError => "ChildProcessError": OSError,
    FileExistsError => "FileExistsError": OSError,
    InterruptedError => "InterruptedError": OSError,
    IsADirectoryError => "IsADirectoryError": OSError,
    NotADirectoryError => "NotADirectoryError": OSError,
    ProcessLookupError => "ProcessLookupError": OSError,
    ReferenceError => "ReferenceError": Exception,
    RuntimeError => "RuntimeError": Exception,
    NotImplementedError => "NotImplementedError": RuntimeError,
    RecursionError => "RecursionError": RuntimeError,
    SyntaxError => "SyntaxError": Exception,
    IndentationError => "IndentationError": SyntaxError,
    TabError => "TabError": IndentationError,
    SystemError => "SystemError": Exception,
    TypeError => "TypeError": Exception,
    ValueError => "ValueError": Exception,
    UnicodeError => "UnicodeError": ValueError,
    UnicodeDecodeError => "UnicodeDecodeError": UnicodeError,
    UnicodeEncodeError => "UnicodeEncodeError": UnicodeError,
    Warning => "Warning": Exception,
    UserWarning => "UserWarning": Warning,
    DeprecationWarning => "DeprecationWarning": Warning,
    RuntimeWarning => "RuntimeWarning": Warning,
}

impl BuiltinType {
    /// The second base of the one builtin type with two: `ExceptionGroup(BaseExceptionGroup,
    /// Exception)`. Everything else has only `base()`.
    pub fn second_base(self) -> Option<BuiltinType> {
        (self == BuiltinType::ExceptionGroup).then_some(BuiltinType::Exception)
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subtype(self, other: BuiltinType) -> bool {
        self.is_subtype_single(other)
            || self
                .second_base()
                .is_some_and(|b| b.is_subtype_single(other))
    }

    /// `is_subtype` along `base()` only.
    fn is_subtype_single(self, other: BuiltinType) -> bool {
        let mut t = self;
        loop {
            if t == other {
                return true;
            }
            if t == BuiltinType::Object {
                return false;
            }
            t = t.base();
        }
    }

    /// Whether this type is an exception class.
    pub fn is_exception(self) -> bool {
        self.is_subtype(BuiltinType::BaseException)
    }

    /// Whether this type is an exception group class (its instances carry `message` and
    /// `exceptions`).
    pub fn is_exception_group(self) -> bool {
        self.is_subtype(BuiltinType::BaseExceptionGroup)
    }

    /// The builtin MRO of this type, most derived first.
    pub fn mro(self) -> Vec<BuiltinType> {
        if self == BuiltinType::ExceptionGroup {
            return vec![
                self,
                BuiltinType::BaseExceptionGroup,
                BuiltinType::Exception,
                BuiltinType::BaseException,
                BuiltinType::Object,
            ];
        }
        let mut out = vec![self];
        let mut t = self;
        while t != BuiltinType::Object {
            t = t.base();
            out.push(t);
        }
        out
    }
}

impl BuiltinType {
    /// Whether instances are builtin iterators (their `__iter__` returns themselves).
    pub fn is_iterator(self) -> bool {
        matches!(
            self,
            BuiltinType::Iterator
                | BuiltinType::ListIterator
                | BuiltinType::ListReverseIterator
                | BuiltinType::TupleIterator
                | BuiltinType::StrIterator
                | BuiltinType::StrAsciiIterator
                | BuiltinType::BytesIterator
                | BuiltinType::ByteArrayIterator
                | BuiltinType::RangeIterator
                | BuiltinType::LongRangeIterator
                | BuiltinType::DictKeyIterator
                | BuiltinType::DictValueIterator
                | BuiltinType::DictItemIterator
                | BuiltinType::SetIterator
                | BuiltinType::CallableIterator
                | BuiltinType::Enumerate
                | BuiltinType::Zip
                | BuiltinType::Map
                | BuiltinType::Filter
                | BuiltinType::Reversed
        )
    }

    /// The iterator types Python code can call and subclass (`map`, `zip`, ...).
    pub fn is_iterator_adaptor(self) -> bool {
        matches!(
            self,
            BuiltinType::Enumerate
                | BuiltinType::Zip
                | BuiltinType::Map
                | BuiltinType::Filter
                | BuiltinType::Reversed
        )
    }
}
