//! JSON decoding (CPython's Modules/_json.c scanner): exact error messages and code-point
//! positions. Errors come back as `(False, msg, pos)` so `json.py` can raise JSONDecodeError.

use crate::exc::{self, PyResult, messages};
use crate::value::Value;
use crate::vm::{Args, Vm};

struct Scanner<'a> {
    s: &'a [char],
    strict: bool,
    object_hook: Value,
    pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    max_depth: usize,
}

/// A decode failure: message and position, or a Python exception from a hook.
enum Fail {
    At(&'static str, usize),
    Py(exc::RunError),
}

impl From<exc::RunError> for Fail {
    fn from(e: exc::RunError) -> Fail {
        Fail::Py(e)
    }
}

type Res<T> = Result<T, Fail>;

/// Run `f` with room on the Rust stack (nesting depth is bounded separately).
pub(super) fn grow<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(crate::vm::STACK_RED_ZONE, crate::vm::STACK_SEGMENT, f)
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// `scan(s, idx, strict, object_hook, object_pairs_hook, parse_float, parse_int,
/// parse_constant)` -> `(True, value, end)` or `(False, msg, pos)`.
pub(super) fn scan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.arity("scan", 8, 8)?;
    let text: Vec<char> = vm
        .str_of(args.pos[0])
        .ok_or_else(|| exc::type_error("scan() needs a str"))?
        .chars()
        .collect();
    let idx = usize::try_from(vm.index_arg(args.pos[1], "scan")?).unwrap_or(0);
    let mut sc = Scanner {
        s: &text,
        strict: matches!(args.pos[2], Value::Bool(true)),
        object_hook: args.pos[3],
        pairs_hook: args.pos[4],
        parse_float: args.pos[5],
        parse_int: args.pos[6],
        parse_constant: args.pos[7],
        max_depth: super::max_depth(vm),
    };
    match sc.value(vm, idx, 0) {
        Ok((v, end)) => vm.new_tuple(vec![Value::Bool(true), v, Value::Int(end as i64)]),
        Err(Fail::At(msg, pos)) => {
            let m = vm.new_str(msg)?;
            vm.new_tuple(vec![Value::Bool(false), m, Value::Int(pos as i64)])
        }
        Err(Fail::Py(e)) => Err(e),
    }
}

impl Scanner<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(is_ws) {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, c)| self.at(i + k) == Some(c))
    }

    fn constant(&self, vm: &mut Vm, name: &str, f: f64) -> PyResult<Value> {
        if matches!(self.parse_constant, Value::None) {
            return Ok(Value::Float(f));
        }
        let s = vm.new_str(name)?;
        vm.call(self.parse_constant, &[s])
    }

    fn value(&mut self, vm: &mut Vm, i: usize, depth: usize) -> Res<(Value, usize)> {
        let Some(c) = self.at(i) else {
            return Err(Fail::At("Expecting value", i));
        };
        match c {
            '"' => {
                let (s, end) = self.string(i + 1)?;
                Ok((vm.new_str(s)?, end))
            }
            '{' => grow(|| self.object(vm, i + 1, depth + 1)),
            '[' => grow(|| self.array(vm, i + 1, depth + 1)),
            'n' if self.starts(i, "null") => Ok((Value::None, i + 4)),
            't' if self.starts(i, "true") => Ok((Value::Bool(true), i + 4)),
            'f' if self.starts(i, "false") => Ok((Value::Bool(false), i + 5)),
            'N' if self.starts(i, "NaN") => Ok((self.constant(vm, "NaN", f64::NAN)?, i + 3)),
            'I' if self.starts(i, "Infinity") => {
                Ok((self.constant(vm, "Infinity", f64::INFINITY)?, i + 8))
            }
            '-' if self.starts(i, "-Infinity") => {
                Ok((self.constant(vm, "-Infinity", f64::NEG_INFINITY)?, i + 9))
            }
            '-' | '0'..='9' => self.number(vm, i),
            _ => Err(Fail::At("Expecting value", i)),
        }
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> Res<(Value, usize)> {
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
        }
        match self.at(i) {
            Some('0') => i += 1,
            Some('1'..='9') => {
                while self.at(i).is_some_and(|c| c.is_ascii_digit()) {
                    i += 1;
                }
            }
            _ => return Err(Fail::At("Expecting value", start)),
        }
        let mut is_float = false;
        if self.at(i) == Some('.') && self.at(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            is_float = true;
            i += 2;
            while self.at(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some('e' | 'E')) {
            let mut j = i + 1;
            if matches!(self.at(j), Some('+' | '-')) {
                j += 1;
            }
            if self.at(j).is_some_and(|c| c.is_ascii_digit()) {
                while self.at(j).is_some_and(|c| c.is_ascii_digit()) {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        let text: String = self.s.get(start..i).unwrap_or(&[]).iter().collect();
        let hook = if is_float {
            self.parse_float
        } else {
            self.parse_int
        };
        if !matches!(hook, Value::None) {
            let s = vm.new_str(text)?;
            return Ok((vm.call(hook, &[s])?, i));
        }
        let v = if is_float {
            Value::Float(text.parse::<f64>().unwrap_or(f64::NAN))
        } else {
            let b: num_bigint::BigInt = text
                .parse()
                .map_err(|_| Fail::At("Expecting value", start))?;
            crate::vm::ops::int::from_big(vm, b)?
        };
        Ok((v, i))
    }

    /// A string body starting after the opening quote: (text, index after closing quote).
    fn string(&self, start: usize) -> Res<(String, usize)> {
        let mut out = String::new();
        let mut i = start;
        loop {
            let Some(c) = self.at(i) else {
                return Err(Fail::At("Unterminated string starting at", start - 1));
            };
            match c {
                '"' => return Ok((out, i + 1)),
                '\\' => {
                    let Some(e) = self.at(i + 1) else {
                        return Err(Fail::At("Unterminated string starting at", start - 1));
                    };
                    i += 2;
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let u = self
                                .hex4(i)
                                .ok_or(Fail::At("Invalid \\uXXXX escape", i - 1))?;
                            i += 4;
                            let mut cp = u;
                            if (0xd800..0xdc00).contains(&u)
                                && self.at(i) == Some('\\')
                                && self.at(i + 1) == Some('u')
                            {
                                let lo = self
                                    .hex4(i + 2)
                                    .ok_or(Fail::At("Invalid \\uXXXX escape", i + 1))?;
                                if (0xdc00..0xe000).contains(&lo) {
                                    cp = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                                    i += 6;
                                }
                            }
                            // Lone surrogates cannot live in a pyward str.
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(Fail::At("Invalid \\escape", i - 2)),
                    }
                }
                c if self.strict && (c as u32) < 0x20 => {
                    return Err(Fail::At("Invalid control character at", i));
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let mut v = 0u32;
        for k in 0..4 {
            v = v * 16 + self.at(i + k)?.to_digit(16)?;
        }
        Some(v)
    }

    fn deeper(&self, depth: usize, what: &str) -> Res<()> {
        if depth >= self.max_depth {
            return Err(Fail::Py(exc::recursion_error(messages::recursion_depth(
                &format!(" while decoding a JSON {what} from a unicode string"),
            ))));
        }
        Ok(())
    }

    fn array(&mut self, vm: &mut Vm, start: usize, depth: usize) -> Res<(Value, usize)> {
        self.deeper(depth, "array")?;
        let mut items = Vec::new();
        let mut i = self.skip_ws(start);
        if self.at(i) == Some(']') {
            return Ok((vm.new_list(items)?, i + 1));
        }
        loop {
            let (v, end) = self.value(vm, i, depth)?;
            items.push(v);
            i = self.skip_ws(end);
            match self.at(i) {
                Some(']') => return Ok((vm.new_list(items)?, i + 1)),
                Some(',') => i = self.skip_ws(i + 1),
                _ => return Err(Fail::At("Expecting ',' delimiter", i)),
            }
        }
    }

    fn object(&mut self, vm: &mut Vm, start: usize, depth: usize) -> Res<(Value, usize)> {
        self.deeper(depth, "object")?;
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut i = self.skip_ws(start);
        if self.at(i) == Some('}') {
            return Ok((self.finish_object(vm, pairs)?, i + 1));
        }
        loop {
            if self.at(i) != Some('"') {
                return Err(Fail::At(
                    "Expecting property name enclosed in double quotes",
                    i,
                ));
            }
            let (k, end) = self.string(i + 1)?;
            let key = vm.intern(&k)?;
            i = self.skip_ws(end);
            if self.at(i) != Some(':') {
                return Err(Fail::At("Expecting ':' delimiter", i));
            }
            i = self.skip_ws(i + 1);
            let (v, end) = self.value(vm, i, depth)?;
            pairs.push((key, v));
            i = self.skip_ws(end);
            match self.at(i) {
                Some('}') => return Ok((self.finish_object(vm, pairs)?, i + 1)),
                Some(',') => i = self.skip_ws(i + 1),
                _ => return Err(Fail::At("Expecting ',' delimiter", i)),
            }
        }
    }

    fn finish_object(&self, vm: &mut Vm, pairs: Vec<(Value, Value)>) -> PyResult<Value> {
        if !matches!(self.pairs_hook, Value::None) {
            let mut ts = Vec::with_capacity(pairs.len());
            for (k, v) in pairs {
                ts.push(vm.new_tuple(vec![k, v])?);
            }
            let l = vm.new_list(ts)?;
            return vm.call(self.pairs_hook, &[l]);
        }
        let d = vm.new_dict()?;
        for (k, v) in pairs {
            vm.dict_set(d, k, v)?;
        }
        if !matches!(self.object_hook, Value::None) {
            return vm.call(self.object_hook, &[d]);
        }
        Ok(d)
    }
}
