//! "Did you mean" suggestions for an uncaught NameError or AttributeError, as CPython 3.11's
//! traceback printer offers them (Python/suggestions.c): the closest name by a Levenshtein
//! distance where a case flip costs half a change, among the innermost frame's locals, then
//! its globals, then the builtins (NameError), or among `dir(obj)` (AttributeError).

use crate::types::BuiltinType;
use crate::types::object::Object;
use crate::value::Value;

use super::Vm;

/// CPython gives up on a candidate list this long.
const MAX_CANDIDATE_ITEMS: usize = 750;
/// Longer strings (after trimming common affixes) never match.
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// CPython's builtins module in its dict order: ties between equally close names go to the
/// first, so the order of the builtins searched must be CPython's.
const BUILTINS_ORDER: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__build_class__",
    "__import__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "breakpoint",
    "callable",
    "chr",
    "compile",
    "delattr",
    "dir",
    "divmod",
    "eval",
    "exec",
    "format",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "isinstance",
    "issubclass",
    "iter",
    "aiter",
    "len",
    "locals",
    "max",
    "min",
    "next",
    "anext",
    "oct",
    "ord",
    "pow",
    "print",
    "repr",
    "round",
    "setattr",
    "sorted",
    "sum",
    "vars",
    "None",
    "Ellipsis",
    "NotImplemented",
    "False",
    "True",
    "bool",
    "memoryview",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "property",
    "int",
    "list",
    "map",
    "object",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
    "__debug__",
    "BaseException",
    "BaseExceptionGroup",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "OSError",
    "ReferenceError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
    "Warning",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "BytesWarning",
    "DeprecationWarning",
    "EncodingWarning",
    "FutureWarning",
    "ImportWarning",
    "PendingDeprecationWarning",
    "ResourceWarning",
    "RuntimeWarning",
    "SyntaxWarning",
    "UnicodeWarning",
    "UserWarning",
    "BlockingIOError",
    "ChildProcessError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "TimeoutError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "ModuleNotFoundError",
    "NotImplementedError",
    "RecursionError",
    "UnboundLocalError",
    "UnicodeError",
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "ExceptionGroup",
    "EnvironmentError",
    "IOError",
    "open",
    "quit",
    "exit",
    "copyright",
    "credits",
    "license",
    "help",
];

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        return CASE_COST;
    }
    MOVE_COST
}

/// The edit distance of `a` and `b` in UTF-8 bytes, or `max_cost + 1` once it must exceed
/// `max_cost`.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix, updated in place.
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (&ac, cell) in a.iter().zip(buffer.iter_mut()) {
            let substitute = distance + substitution_cost(code, ac);
            distance = *cell;
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            *cell = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name` (the first of equals), if any is close enough: no more
/// than a third of the characters involved may change.
fn closest<'a>(name: &str, candidates: &'a [String]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s)
}

impl Vm {
    /// The name CPython's traceback would suggest for exception `e` (`. Did you mean:
    /// 'x'?`): only for exactly NameError and AttributeError carrying their `name`.
    pub(crate) fn suggestion(&mut self, e: Value) -> Option<String> {
        let Some(Object::Exception(x)) = self.heap.get_obj(e) else {
            return None;
        };
        let (cls, name, obj, scope) = (x.cls, x.name, x.obj, x.scope);
        let name = self.str_of(name)?.to_string();
        match cls {
            Value::Type(BuiltinType::AttributeError) => {
                let names = crate::builtins::dir_names(self, obj).ok()?;
                closest(&name, &names).map(str::to_string)
            }
            Value::Type(BuiltinType::NameError) => {
                let (code, globals) = scope?;
                let locals = self.code_of(code).map(|c| c.varnames.clone())?;
                if let Some(s) = closest(&name, &locals) {
                    return Some(s.to_string());
                }
                let mut global_names = Vec::new();
                for (k, _) in self.dict_items(globals).ok()? {
                    global_names.push(self.str_of(k)?.to_string());
                }
                if let Some(s) = closest(&name, &global_names) {
                    return Some(s.to_string());
                }
                let mut builtin_names: Vec<String> = BUILTINS_ORDER
                    .iter()
                    .filter(|n| crate::builtins::lookup(n).is_some())
                    .map(|n| (*n).to_string())
                    .collect();
                let host = self.host.builtins;
                if !matches!(host, Value::None) {
                    for (k, _) in self.dict_items(host).ok()? {
                        builtin_names.push(self.str_of(k)?.to_string());
                    }
                }
                closest(&name, &builtin_names).map(str::to_string)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_string()).collect()
    }

    #[test]
    fn picks_the_closest_name() {
        assert_eq!(closest("apend", &s(&["append", "extend"])), Some("append"));
        assert_eq!(closest("totl", &s(&["total", "totl2"])), Some("total"));
        assert_eq!(closest("Counter", &s(&["counter"])), Some("counter"));
        assert_eq!(closest("xyz", &s(&["append"])), None);
        assert_eq!(closest("a", &s(&["a"])), None);
    }

    #[test]
    fn distance_counts_case_flips_as_half() {
        assert_eq!(levenshtein(b"abc", b"aBc", 10), CASE_COST);
        assert_eq!(levenshtein(b"abc", b"abd", 10), MOVE_COST);
        assert_eq!(levenshtein(b"abc", b"abcd", 10), MOVE_COST);
        assert_eq!(levenshtein(b"abcdef", b"uvwxyz", 3), 4);
    }
}
