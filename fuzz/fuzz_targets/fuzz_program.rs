//! Structured programs: statements and expressions from a small grammar (built with
//! `arbitrary`), rendered to valid-looking Python and run under tight limits. This reaches
//! the compiler and VM far more often than raw bytes, which mostly stop in the parser.
#![no_main]

mod common;

use std::fmt::Write;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["a", "b", "c", "d", "x", "y", "f", "g", "C", "it"];
const FUNCS: &[&str] = &[
    "len", "str", "repr", "int", "float", "list", "tuple", "dict", "set", "frozenset", "sorted",
    "reversed", "min", "max", "sum", "abs", "any", "all", "enumerate", "zip", "map", "filter",
    "range", "isinstance", "hash", "bool", "chr", "ord", "divmod", "pow", "round", "format",
    "iter", "next", "getattr", "hasattr", "type", "print", "bytes", "bytearray", "slice",
    "vars", "dir", "callable", "ascii", "bin", "hex", "oct", "id", "eval", "exec", "super",
    "object", "Exception", "ValueError", "KeyError", "StopIteration", "issubclass", "setattr",
];
const METHODS: &[&str] = &[
    "append", "pop", "extend", "insert", "sort", "keys", "values", "items", "get", "update",
    "join", "split", "replace", "upper", "format", "find", "strip", "count", "index", "add",
    "discard", "copy", "setdefault", "encode", "decode", "startswith", "remove", "clear",
    "reverse", "__class__", "__dict__", "__len__", "__repr__", "__eq__", "__hash__", "ljust",
    "center", "zfill", "splitlines", "partition", "title", "bit_length", "to_bytes",
    "fromkeys", "popitem", "union", "intersection", "send", "throw", "close", "__next__",
];
const MODULES: &[&str] = &[
    "math", "json", "re", "collections", "functools", "itertools", "copy", "operator",
    "heapq", "bisect", "string", "random", "dataclasses", "enum", "typing", "sys", "os",
];
const BINOPS: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "and", "or", "==",
    "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not",
];
const EXC: &[&str] = &[
    "Exception", "ValueError", "TypeError", "KeyError", "IndexError", "ZeroDivisionError",
    "RecursionError", "StopIteration", "AttributeError", "MemoryError", "BaseException",
];

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list.get(usize::from(i) % list.len()).copied().unwrap_or("x")
}

#[derive(Arbitrary, Debug)]
enum Expr {
    Int(i16),
    Big(u8),
    Float(f32),
    Str(u8, u8),
    Bytes(u8),
    Const(u8),
    Name(u8),
    Func(u8),
    Bin(Box<Expr>, u8, Box<Expr>),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Call(Box<Expr>, Vec<Expr>),
    CallKw(Box<Expr>, u8, Box<Expr>),
    Method(Box<Expr>, u8, Vec<Expr>),
    Attr(Box<Expr>, u8),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    Set(Vec<Expr>),
    Index(Box<Expr>, Box<Expr>),
    Slice(Box<Expr>, Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Lambda(u8, Box<Expr>),
    ListComp(Box<Expr>, u8, Box<Expr>, Option<Box<Expr>>),
    DictComp(Box<Expr>, u8, Box<Expr>),
    GenExp(Box<Expr>, u8, Box<Expr>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    FString(Box<Expr>, u8),
    Star(Box<Expr>),
    Walrus(u8, Box<Expr>),
    Yield(Option<Box<Expr>>),
    Await(Box<Expr>),
    Percent(u8, Box<Expr>),
}

#[derive(Arbitrary, Debug)]
enum Stmt {
    Expr(Expr),
    Assign(u8, Expr),
    AugAssign(u8, u8, Expr),
    SetItem(Expr, Expr, Expr),
    SetAttr(Expr, u8, Expr),
    Unpack(u8, u8, Expr),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>),
    For(u8, Expr, Vec<Stmt>, Vec<Stmt>),
    Try(Vec<Stmt>, u8, Vec<Stmt>, Vec<Stmt>, Vec<Stmt>),
    Def(u8, u8, Vec<Stmt>),
    AsyncDef(u8, Vec<Stmt>),
    Class(u8, Option<u8>, Vec<Stmt>),
    Return(Option<Expr>),
    Raise(u8, Option<Expr>),
    Del(u8),
    Global(u8),
    Nonlocal(u8),
    Break,
    Continue,
    Pass,
    Assert(Expr),
    Import(u8),
    FromImport(u8, u8),
    With(Expr, u8, Vec<Stmt>),
    Match(Expr, Vec<(Expr, Vec<Stmt>)>),
    Print(Expr),
}

struct Out {
    text: String,
    budget: usize,
}

impl Out {
    fn expr(&mut self, e: &Expr, depth: usize) -> String {
        if depth > 12 || self.budget == 0 {
            return "1".into();
        }
        self.budget -= 1;
        let d = depth + 1;
        match e {
            Expr::Int(i) => i.to_string(),
            Expr::Big(b) => format!("{}", u128::from(*b).pow(3) << (b % 100)),
            Expr::Float(f) => {
                if f.is_finite() {
                    format!("{f:?}")
                } else {
                    "float('nan')".into()
                }
            }
            Expr::Str(c, n) => {
                let ch = char::from(b'a' + c % 26);
                format!("{:?}", ch.to_string().repeat(usize::from(n % 8)))
            }
            Expr::Bytes(n) => format!("b'{}'", "z".repeat(usize::from(n % 6))),
            Expr::Const(c) => ["None", "True", "False", "...", "[]", "{}", "()", "''"]
                [usize::from(c % 8)]
            .into(),
            Expr::Name(n) => pick(NAMES, *n).into(),
            Expr::Func(n) => pick(FUNCS, *n).into(),
            Expr::Bin(a, op, b) => {
                format!("({} {} {})", self.expr(a, d), pick(BINOPS, *op), self.expr(b, d))
            }
            Expr::Not(a) => format!("(not {})", self.expr(a, d)),
            Expr::Neg(a) => format!("(-{})", self.expr(a, d)),
            Expr::Call(f, args) => format!("{}({})", self.expr(f, d), self.list(args, d)),
            Expr::CallKw(f, k, v) => {
                format!("{}({}={})", self.expr(f, d), pick(&["key", "reverse", "default", "sep", "end", "start"], *k), self.expr(v, d))
            }
            Expr::Method(o, m, args) => {
                format!("{}.{}({})", self.expr(o, d), pick(METHODS, *m), self.list(args, d))
            }
            Expr::Attr(o, m) => format!("{}.{}", self.expr(o, d), pick(METHODS, *m)),
            Expr::List(v) => format!("[{}]", self.list(v, d)),
            Expr::Tuple(v) => format!("({},)", self.list(v, d)),
            Expr::Dict(v) => {
                let mut s = String::from("{");
                for (k, val) in v.iter().take(6) {
                    let _ = write!(s, "{}: {}, ", self.expr(k, d), self.expr(val, d));
                }
                s.push('}');
                s
            }
            Expr::Set(v) => format!("{{{}, 0}}", self.list(v, d)),
            Expr::Index(a, i) => format!("{}[{}]", self.expr(a, d), self.expr(i, d)),
            Expr::Slice(a, x, y, z) => {
                let mut part = |p: &Option<Box<Expr>>| match p {
                    Some(e) => self.expr(e, d),
                    None => String::new(),
                };
                let (x, y, z) = (part(x), part(y), part(z));
                format!("{}[{x}:{y}:{z}]", self.expr(a, d))
            }
            Expr::Lambda(n, b) => format!("(lambda {}=0: {})", pick(NAMES, *n), self.expr(b, d)),
            Expr::ListComp(e, n, it, cond) => {
                let c = match cond {
                    Some(c) => format!(" if {}", self.expr(c, d)),
                    None => String::new(),
                };
                format!("[{} for {} in {}{c}]", self.expr(e, d), pick(NAMES, *n), self.expr(it, d))
            }
            Expr::DictComp(e, n, it) => {
                let name = pick(NAMES, *n);
                format!("{{{name}: {} for {name} in {}}}", self.expr(e, d), self.expr(it, d))
            }
            Expr::GenExp(e, n, it) => {
                format!("({} for {} in {})", self.expr(e, d), pick(NAMES, *n), self.expr(it, d))
            }
            Expr::IfExp(a, b, c) => {
                format!("({} if {} else {})", self.expr(a, d), self.expr(b, d), self.expr(c, d))
            }
            Expr::FString(a, spec) => {
                let spec = pick(&["", "!r", ":>5", ":x", ":.3f", ":,", "=", ":^{a}", "!s:<3"], *spec);
                format!("f'{{{}{spec}}}'", self.expr(a, d))
            }
            Expr::Star(a) => format!("*{}", self.expr(a, d)),
            Expr::Walrus(n, a) => format!("({} := {})", pick(NAMES, *n), self.expr(a, d)),
            Expr::Yield(a) => match a {
                Some(a) => format!("(yield {})", self.expr(a, d)),
                None => "(yield)".into(),
            },
            Expr::Await(a) => format!("(await {})", self.expr(a, d)),
            Expr::Percent(f, a) => {
                let f = pick(&["%s", "%d", "%r", "%5.2f", "%x", "%(a)s", "%c", "%-3s%s"], *f);
                format!("({f:?} % {})", self.expr(a, d))
            }
        }
    }

    fn list(&mut self, v: &[Expr], depth: usize) -> String {
        let parts: Vec<String> = v.iter().take(5).map(|e| self.expr(e, depth)).collect();
        parts.join(", ")
    }

    fn line(&mut self, indent: usize, s: &str) {
        for _ in 0..indent {
            self.text.push_str("    ");
        }
        self.text.push_str(s);
        self.text.push('\n');
    }

    fn block(&mut self, body: &[Stmt], indent: usize) {
        let before = self.text.len();
        for s in body.iter().take(8) {
            self.stmt(s, indent);
        }
        if self.text.len() == before {
            self.line(indent, "pass");
        }
    }

    fn stmt(&mut self, s: &Stmt, ind: usize) {
        if ind > 8 || self.budget == 0 {
            return self.line(ind, "pass");
        }
        self.budget -= 1;
        let n = |i: &u8| pick(NAMES, *i);
        match s {
            Stmt::Expr(e) => {
                let e = self.expr(e, 0);
                self.line(ind, &e);
            }
            Stmt::Assign(t, e) => {
                let e = self.expr(e, 0);
                self.line(ind, &format!("{} = {e}", n(t)));
            }
            Stmt::AugAssign(t, op, e) => {
                let op = pick(&["+", "-", "*", "//", "%", "**", "|", "&", "^", "<<"], *op);
                let e = self.expr(e, 0);
                self.line(ind, &format!("{} {op}= {e}", n(t)));
            }
            Stmt::SetItem(o, k, v) => {
                let (o, k, v) = (self.expr(o, 0), self.expr(k, 0), self.expr(v, 0));
                self.line(ind, &format!("{o}[{k}] = {v}"));
            }
            Stmt::SetAttr(o, a, v) => {
                let (o, v) = (self.expr(o, 0), self.expr(v, 0));
                self.line(ind, &format!("{o}.{} = {v}", pick(METHODS, *a)));
            }
            Stmt::Unpack(a, b, e) => {
                let e = self.expr(e, 0);
                self.line(ind, &format!("{}, *{} = {e}", n(a), n(b)));
            }
            Stmt::If(c, t, f) => {
                let c = self.expr(c, 0);
                self.line(ind, &format!("if {c}:"));
                self.block(t, ind + 1);
                if !f.is_empty() {
                    self.line(ind, "else:");
                    self.block(f, ind + 1);
                }
            }
            Stmt::While(c, body) => {
                let c = self.expr(c, 0);
                self.line(ind, &format!("while {c}:"));
                self.block(body, ind + 1);
            }
            Stmt::For(t, it, body, orelse) => {
                let it = self.expr(it, 0);
                self.line(ind, &format!("for {} in {it}:", n(t)));
                self.block(body, ind + 1);
                if !orelse.is_empty() {
                    self.line(ind, "else:");
                    self.block(orelse, ind + 1);
                }
            }
            Stmt::Try(body, exc, handler, orelse, fin) => {
                self.line(ind, "try:");
                self.block(body, ind + 1);
                self.line(ind, &format!("except {} as err:", pick(EXC, *exc)));
                self.block(handler, ind + 1);
                if !orelse.is_empty() {
                    self.line(ind, "else:");
                    self.block(orelse, ind + 1);
                }
                if !fin.is_empty() {
                    self.line(ind, "finally:");
                    self.block(fin, ind + 1);
                }
            }
            Stmt::Def(name, params, body) => {
                let params = pick(&["", "x", "x, y=1", "*args", "x, **kw", "x, /, y", "*, k=2", "self"], *params);
                self.line(ind, &format!("def {}({params}):", n(name)));
                self.block(body, ind + 1);
            }
            Stmt::AsyncDef(name, body) => {
                self.line(ind, &format!("async def {}():", n(name)));
                self.block(body, ind + 1);
            }
            Stmt::Class(name, base, body) => {
                let base = match base {
                    Some(b) => format!("({})", pick(&["object", "Exception", "dict", "list", "int", "str", "type", "C"], *b)),
                    None => String::new(),
                };
                self.line(ind, &format!("class {}{base}:", n(name)));
                self.block(body, ind + 1);
            }
            Stmt::Return(e) => {
                let e = e.as_ref().map(|e| self.expr(e, 0)).unwrap_or_default();
                self.line(ind, &format!("return {e}"));
            }
            Stmt::Raise(exc, e) => {
                let arg = e.as_ref().map(|e| self.expr(e, 0)).unwrap_or_default();
                self.line(ind, &format!("raise {}({arg})", pick(EXC, *exc)));
            }
            Stmt::Del(t) => self.line(ind, &format!("del {}", n(t))),
            Stmt::Global(t) => self.line(ind, &format!("global {}", n(t))),
            Stmt::Nonlocal(t) => self.line(ind, &format!("nonlocal {}", n(t))),
            Stmt::Break => self.line(ind, "break"),
            Stmt::Continue => self.line(ind, "continue"),
            Stmt::Pass => self.line(ind, "pass"),
            Stmt::Assert(e) => {
                let e = self.expr(e, 0);
                self.line(ind, &format!("assert {e}"));
            }
            Stmt::Import(m) => self.line(ind, &format!("import {}", pick(MODULES, *m))),
            Stmt::FromImport(m, f) => {
                self.line(ind, &format!("from {} import {}", pick(MODULES, *m), pick(FUNCS, *f)))
            }
            Stmt::With(e, t, body) => {
                let e = self.expr(e, 0);
                self.line(ind, &format!("with {e} as {}:", n(t)));
                self.block(body, ind + 1);
            }
            Stmt::Match(e, arms) => {
                let e = self.expr(e, 0);
                self.line(ind, &format!("match {e}:"));
                let mut any = false;
                for (i, (p, body)) in arms.iter().take(4).enumerate() {
                    let pat = match i % 4 {
                        0 => self.expr(p, 10),
                        1 => "[x, *y]".into(),
                        2 => "{'a': x}".into(),
                        _ => "_".into(),
                    };
                    self.line(ind + 1, &format!("case {pat}:"));
                    self.block(body, ind + 2);
                    any = true;
                }
                if !any {
                    self.line(ind + 1, "case _:");
                    self.line(ind + 2, "pass");
                }
            }
            Stmt::Print(e) => {
                let e = self.expr(e, 0);
                self.line(ind, &format!("print({e})"));
            }
        }
    }
}

fuzz_target!(|prog: Vec<Stmt>| {
    let mut out = Out {
        text: String::new(),
        budget: 400,
    };
    for s in prog.iter().take(40) {
        out.stmt(s, 0);
    }
    common::check(&out.text);
});
