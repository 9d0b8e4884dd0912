//! The one instruction table. Each variant documents its operands and stack effect.
//!
//! Operands are inline in the enum (one `u32` or small enums), so decoding is a `match` and an
//! impossible operand is caught by `verify` once, not on every dispatch.
//! `ORDER OPCODE`: the snapshot format stores code by serializing these variants.

/// Binary arithmetic operators (`BinaryOp` and `InplaceOp`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    TrueDiv,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `@`
    MatMul,
}

impl BinOp {
    /// The operator symbol, for messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::MatMul => "@",
        }
    }

    /// The dunder names (`__add__`, `__radd__`, `__iadd__`).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `not x`
    Not,
    /// `~x`
    Invert,
}

/// Rich comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// The operator symbol, for messages.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// The operator with operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }

    /// The dunder method name.
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
}

/// One instruction. Jump targets are instruction indices.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Op {
    /// No effect.
    Nop,
    /// `( a -- )`
    Pop,
    /// `( a -- a a )`
    Dup,
    /// `( a b -- a b a b )`
    Dup2,
    /// `( a b -- b a )`
    Swap,
    /// `( a b c -- c a b )`: top moves down two.
    Rot3,
    /// `( a b c d -- d a b c )`: top moves down three.
    Rot4,
    /// `( -- k )` constant `k` of the code.
    LoadConst(u32),
    /// `( -- small )` an inline int.
    LoadInt(i32),
    /// `( -- None )`
    LoadNone,
    /// `( -- v )` local slot; UnboundLocalError when empty.
    LoadFast(u32),
    /// `( v -- )` local slot.
    StoreFast(u32),
    /// `( -- )` empty a local slot; UnboundLocalError when already empty.
    DeleteFast(u32),
    /// `( -- v )` the value in cell `i` of the frame (cells follow the locals).
    LoadDeref(u32),
    /// `( v -- )`
    StoreDeref(u32),
    /// `( -- )`
    DeleteDeref(u32),
    /// `( -- cell )` the cell object itself, to build a closure.
    LoadClosure(u32),
    /// `( -- v )` module global by name index, falling back to builtins.
    LoadGlobal(u32),
    /// `( v -- )`
    StoreGlobal(u32),
    /// `( -- )`
    DeleteGlobal(u32),
    /// `( -- v )` class-body namespace, then globals, then builtins.
    LoadName(u32),
    /// `( v -- )` into the class-body namespace.
    StoreName(u32),
    /// `( -- )`
    DeleteName(u32),
    /// `( obj -- obj.name )`
    LoadAttr(u32),
    /// `( v obj -- )` `obj.name = v`
    StoreAttr(u32),
    /// `( obj -- )`
    DeleteAttr(u32),
    /// `( obj -- meth self_or_unbound )` for a following `CallMethod`.
    LoadMethod(u32),
    /// `( meth self_or_unbound args*n -- result )`
    CallMethod(u32),
    /// `( obj key -- obj[key] )`
    Subscr,
    /// `( v obj key -- )` `obj[key] = v`
    StoreSubscr,
    /// `( obj key -- )`
    DeleteSubscr,
    /// `( lo hi -- slice )` or with step when the operand is 3.
    BuildSlice(u32),
    /// `( a b -- a op b )`
    BinaryOp(BinOp),
    /// `( a b -- a op= b )`
    InplaceOp(BinOp),
    /// `( a -- op a )`
    Unary(UnaryOp),
    /// `( a b -- a cmp b )`
    Compare(CmpOp),
    /// `( a b -- a is b )`, negated when the operand is true.
    Is(bool),
    /// `( a b -- a in b )`, negated when the operand is true.
    In(bool),
    /// Jump to the target.
    Jump(u32),
    /// `( v -- )` jump when falsy.
    JumpIfFalse(u32),
    /// `( v -- )` jump when truthy.
    JumpIfTrue(u32),
    /// `( v -- v | )` jump keeping `v` when falsy, else pop it.
    JumpIfFalseOrPop(u32),
    /// `( v -- v | )` jump keeping `v` when truthy, else pop it.
    JumpIfTrueOrPop(u32),
    /// `( v -- )` jump when `v` is not None (for `match` and defaults).
    JumpIfNotNone(u32),
    /// `( v -- iter(v) )`
    GetIter,
    /// `( it -- it next )`, or pop `it` and jump to the target when exhausted.
    ForIter(u32),
    /// `( items*n -- tuple )`
    BuildTuple(u32),
    /// `( items*n -- list )`
    BuildList(u32),
    /// `( items*n -- set )`
    BuildSet(u32),
    /// `( k1 v1 .. kn vn -- dict )`
    BuildMap(u32),
    /// `( parts*n -- str )` concatenation of str parts (f-strings).
    BuildString(u32),
    /// `( list ...(n-1 more) v -- list ... )` append `v` to the list `n` below the top.
    ListAppend(u32),
    /// `( set ... v -- set ... )`
    SetAdd(u32),
    /// `( dict ... k v -- dict ... )`
    MapAdd(u32),
    /// `( list ... it -- list ... )` extend with an iterable.
    ListExtend(u32),
    /// `( set ... it -- set ... )`
    SetUpdate(u32),
    /// `( dict ... m -- dict ... )` `dict.update` semantics (`{**m}`).
    DictUpdate(u32),
    /// `( dict ... m -- dict ... )` merge for `f(**m)`: duplicate keys are a TypeError.
    DictMerge(u32),
    /// `( list -- tuple )`
    ListToTuple,
    /// `( v [spec] -- str )` f-string field: low two bits are the conversion (0 none, 1 `!s`,
    /// 2 `!r`, 3 `!a`); the value 4 is set when a format spec is on the stack above `v`.
    FormatValue(u32),
    /// `( seq -- items*n )` pushed so the first item ends on top.
    UnpackSequence(u32),
    /// `( seq -- items )` star unpacking: operand is `before | after << 16`.
    UnpackEx(u32),
    /// `( f args*n -- result )`
    Call(u32),
    /// `( f args*n kwnames -- result )` the last `len(kwnames)` args are keywords.
    CallKw(u32),
    /// `( f argtuple kwdict? -- result )` operand 1 when a kwargs dict is present.
    CallEx(u32),
    /// `( code [defaults] [kwdefaults] [annotations] [closure] -- function )` operand flags:
    /// 1 defaults tuple, 2 kwdefaults dict, 8 annotations dict, 4 closure tuple.
    MakeFunction(u32),
    /// `( v -- )` return from the frame.
    ReturnValue,
    /// Raise: operand 0 re-raises the handled exception, 1 `raise exc`, 2 `raise exc from c`.
    Raise(u32),
    /// `( exc -- exc )` re-raise the exception on top, keeping its traceback.
    Reraise,
    /// `( exc -- prev exc )` entering a handler: save the handled exception, set `exc`.
    PushExcInfo,
    /// `( prev -- )` leaving a handler: restore the handled exception.
    PopExcept,
    /// `( exc cls -- exc bool )` whether `exc` matches an except clause.
    CheckExcMatch,
    /// `( exc cls -- rest match )` the part of `exc` (an exception, or None once an earlier
    /// clause took everything) that an `except* cls` clause takes, which becomes the handled
    /// exception; or, when nothing matches, `( exc cls -- exc )` and jump to the target.
    CheckEgMatch(u32),
    /// `( orig list -- exc )` the end of a `try`/`except*`: what to raise, from the original
    /// exception and the list of what each clause raised plus the unmatched rest; or, when
    /// there is nothing to raise, `( orig list -- )` and jump to the target.
    PrepReraiseStar(u32),
    /// `( body name bases*n [kwargs] -- class )` run a class body and create the class; bit 31
    /// of the operand says a dict of class keywords (`metaclass=...`) is on top.
    BuildClass(u32),
    /// `( v -- sent )` suspend the generator, yielding `v`; resumes with the sent value.
    YieldValue,
    /// `( receiver v -- receiver yielded )` send `v` into the receiver (`yield from`), or,
    /// when it finishes, `( -- result )` and jump to the target.
    Send(u32),
    /// `( x -- iter )` `iter(x)`, keeping generators as they are.
    GetYieldFromIter,
    /// `( v -- sent )` `yield v` in an async generator: suspends like `YieldValue`, and marks
    /// the value as the generator's own (an inner `await` passes its yields through unmarked).
    YieldAsyncGen,
    /// `( x -- awaitable )` what `await x` delegates to: a coroutine as is, else the iterator
    /// `x.__await__()` returns. The operand picks the error text: 0 `await`, 1 the result of
    /// `__aenter__`, 2 the result of `__aexit__`.
    GetAwaitable(u32),
    /// `( x -- aiter )` `x.__aiter__()` for `async for`.
    GetAiter,
    /// `( aiter -- aiter awaitable )` the awaitable of `aiter.__anext__()`.
    GetAnext,
    /// `( aiter exc -- )` the end of an `async for`: StopAsyncIteration ends the loop,
    /// anything else is re-raised.
    EndAsyncFor,
    /// `( mgr -- aexit aenter_result )` start an `async with` block (the result is awaited next).
    BeforeAsyncWith,
    /// `( subj -- subj bool )` whether `subj` is a sequence for `match` with exactly `n` items,
    /// or at least `n` when the flag (a star pattern) is set.
    MatchSequence(u32, bool),
    /// `( subj -- subj bool )` whether `subj` is a mapping for `match`.
    MatchMapping,
    /// `( subj keys -- subj keys values_or_None )` look all keys up in a mapping subject.
    MatchKeys,
    /// `( subj keys -- rest )` a dict of the subject's items without `keys` (`**rest`).
    DictWithoutKeys,
    /// `( subj cls kwnames -- attrs_or_None )` a class pattern with `n` positional
    /// sub-patterns: isinstance check, then the attributes to match in order.
    MatchClass(u32),
    /// `( mgr -- exit enter_result )` start a `with` block.
    BeforeWith,
    /// `( exit prev exc -- exit prev exc result )` call `exit(type, exc, tb)` for a `with`
    /// block left by an exception.
    WithExceptStart,
    /// `( -- module )` import the (possibly dotted) module named by the name index.
    ImportName(u32),
    /// `( module -- module attr )`
    ImportFrom(u32),
    /// `( module -- )` `from m import *` into the globals.
    ImportStar,
    /// `( v -- )` store the value of a top-level expression statement as the run's result.
    SetResult,
    /// `( -- AssertionError )`
    LoadAssertionError,
    /// `( -- )` raise NotImplementedError naming a feature (name index).
    Unsupported(u32),
    /// `( -- )` the whole body of a host function's stub (never emitted by the compiler):
    /// hand the frame's bound parameters to the embedder and return its answer from the
    /// frame, or pause the run until the embedder resumes it (`vm/host_call.rs`). The
    /// `AsyncFunction` kind instead pushes a Future and the stub goes on to await it.
    HostCall(HostCallKind),
}

/// What a `HostCall` instruction asks the embedder for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum HostCallKind {
    /// Call the host function named by the stub's code.
    Function,
    /// The wall clock (`ClockPolicy::Host`).
    WallClock,
    /// The monotonic clock (`ClockPolicy::Host`).
    MonotonicClock,
    /// `( -- future )` the first instruction of an async host function's stub (a coroutine):
    /// record the call as pending without pausing, and push the event loop's Future for its
    /// answer, which the stub then awaits.
    AsyncFunction,
    /// `_pyward_host.wait()`, the event loop's idle step: hand every pending async call to
    /// the embedder, pause until it answers one or more, and return `[(id, ok, value)]`.
    WaitAsync,
}
