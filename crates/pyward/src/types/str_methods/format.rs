//! `str.format` and `str.format_map` (Objects/stringlib/unicode_format.h): literal text with
//! `{{`/`}}` escapes, replacement fields `{name.attr[key]!conv:spec}` with automatic or manual
//! numbering, and nested fields inside the spec (two levels, as CPython allows). Each field is
//! rendered with `Vm::format`. Error texts follow MarkupIterator_next, parse_field,
//! FieldNameIterator and get_field_object.

use super::recv;
use crate::exc::{self, PyResult, messages::string as msg};
use crate::value::Value;
use crate::vm::{Args, Vm};

/// Where field values come from.
enum Source<'a> {
    /// `str.format(*args, **kwargs)`.
    Args(&'a [Value], &'a [(String, Value)]),
    /// `str.format_map(mapping)`.
    Map(Value),
}

/// CPython's AutoNumber: fields may be all `{}` or all `{N}`, never both.
#[derive(Default)]
struct AutoNumber {
    manual: Option<bool>,
    next: usize,
}

/// Nesting allowed for fields inside format specs (unicode_format.h: recursion_depth 2).
const MAX_FORMAT_RECURSION: u32 = 2;

pub(super) fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fmt = recv(vm, &args, "format")?.s.clone();
    let pos = args.pos.get(1..).unwrap_or(&[]);
    let mut auto = AutoNumber::default();
    let out = build(
        vm,
        &fmt,
        &Source::Args(pos, &args.kw),
        &mut auto,
        MAX_FORMAT_RECURSION,
    )?;
    vm.new_str(out)
}

pub(super) fn format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fmt = recv(vm, &args, "format_map")?.s.clone();
    let mapping = super::one_arg(&args, "format_map")?;
    let mut auto = AutoNumber::default();
    let out = build(
        vm,
        &fmt,
        &Source::Map(mapping),
        &mut auto,
        MAX_FORMAT_RECURSION,
    )?;
    vm.new_str(out)
}

/// A parsed replacement field.
struct Field {
    name: String,
    conversion: Option<char>,
    spec: String,
    spec_needs_expanding: bool,
}

/// Render a whole format string.
fn build(
    vm: &mut Vm,
    fmt: &str,
    src: &Source<'_>,
    auto: &mut AutoNumber,
    depth: u32,
) -> PyResult<String> {
    if depth == 0 {
        return Err(exc::value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(fmt.len());
    let mut it = fmt.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '}' => {
                if it.next_if_eq(&'}').is_none() {
                    return Err(exc::value_error("Single '}' encountered in format string"));
                }
                out.push('}');
            }
            '{' => {
                if it.peek().is_none() {
                    return Err(exc::value_error("Single '{' encountered in format string"));
                }
                if it.next_if_eq(&'{').is_some() {
                    out.push('{');
                    continue;
                }
                let field = parse_field(&mut it)?;
                let piece = render_field(vm, &field, src, auto, depth)?;
                vm.heap
                    .account
                    .check_fits(out.len().saturating_add(piece.len()))?;
                out.push_str(&piece);
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// parse_field: the field name (brackets may hold any char), `!conversion`, then the spec up
/// to the matching `}`.
fn parse_field(it: &mut std::iter::Peekable<std::str::Chars<'_>>) -> PyResult<Field> {
    let mut name = String::new();
    let mut last = None;
    while let Some(c) = it.next() {
        last = Some(c);
        match c {
            '{' => return Err(exc::value_error("unexpected '{' in field name")),
            '[' => {
                name.push(c);
                while let Some(d) = it.next_if(|&d| d != ']') {
                    name.push(d);
                }
            }
            '}' | ':' | '!' => break,
            c => name.push(c),
        }
    }
    let mut field = Field {
        name,
        conversion: None,
        spec: String::new(),
        spec_needs_expanding: false,
    };
    let mut c = last;
    if c == Some('!') {
        let Some(conv) = it.next() else {
            return Err(exc::value_error(
                "end of string while looking for conversion specifier",
            ));
        };
        field.conversion = Some(conv);
        match it.next() {
            Some('}') => return Ok(field),
            Some(':') => c = Some(':'),
            Some(_) => {
                return Err(exc::value_error("expected ':' after conversion specifier"));
            }
            None => c = Some(':'),
        }
    }
    match c {
        Some('}') if last == Some('}') => Ok(field),
        Some(':') => {
            let mut depth = 1u32;
            for d in it.by_ref() {
                match d {
                    '{' => {
                        field.spec_needs_expanding = true;
                        depth = depth.saturating_add(1);
                    }
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Ok(field);
                        }
                    }
                    _ => {}
                }
                field.spec.push(d);
            }
            Err(exc::value_error("unmatched '{' in format spec"))
        }
        _ => Err(exc::value_error("expected '}' before end of string")),
    }
}

/// get_integer: a non-negative decimal, `None` if any char is not a digit.
fn get_integer(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    s.parse::<usize>()
        .ok()
        .filter(|&n| i64::try_from(n).is_ok())
        .map(Some)
        .ok_or_else(|| exc::value_error("Too many decimal digits in format string"))
}

/// get_field_object: the first name part, then `.attr` and `[key]` accessors.
fn field_object(
    vm: &mut Vm,
    name: &str,
    src: &Source<'_>,
    auto: &mut AutoNumber,
) -> PyResult<Value> {
    let split = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(split);
    let index = if first.is_empty() {
        if auto.manual == Some(true) {
            return Err(exc::value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        auto.manual = Some(false);
        let i = auto.next;
        auto.next = auto.next.saturating_add(1);
        Some(i)
    } else {
        let i = get_integer(first)?;
        if i.is_some() {
            if auto.manual == Some(false) {
                return Err(exc::value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            auto.manual = Some(true);
        }
        i
    };
    let mut obj = match (index, src) {
        (Some(i), Source::Args(pos, _)) => match pos.get(i) {
            Some(v) => *v,
            None => return Err(exc::index_error(msg::replacement_index(i))),
        },
        (Some(_), Source::Map(_)) => {
            return Err(exc::value_error("Format string contains positional fields"));
        }
        (None, Source::Args(_, kw)) => match kw.iter().find(|(k, _)| k == first) {
            Some((_, v)) => *v,
            None => {
                let key = vm.new_str(first)?;
                return Err(exc::key_error(key));
            }
        },
        (None, Source::Map(m)) => {
            let key = vm.new_str(first)?;
            vm.getitem(*m, key)?
        }
    };
    while let Some(c) = rest.chars().next() {
        let after = rest.get(1..).unwrap_or("");
        if c == '.' {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let (attr, tail) = after.split_at(end);
            if attr.is_empty() {
                return Err(exc::value_error("Empty attribute in format string"));
            }
            let a = vm.intern(attr)?;
            obj = vm.getattr(obj, a)?;
            rest = tail;
        } else if c == '[' {
            let Some(end) = after.find(']') else {
                return Err(exc::value_error("Missing ']' in format string"));
            };
            let (key, tail) = after.split_at(end);
            if key.is_empty() {
                return Err(exc::value_error("Empty attribute in format string"));
            }
            let k = match get_integer(key)? {
                Some(i) => Value::Int(i64::try_from(i).unwrap_or(i64::MAX)),
                None => vm.new_str(key)?,
            };
            obj = vm.getitem(obj, k)?;
            rest = tail.get(1..).unwrap_or("");
            if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                return Err(exc::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        } else {
            return Err(exc::value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    Ok(obj)
}

/// output_markup: resolve the object, convert it, expand the spec, format.
fn render_field(
    vm: &mut Vm,
    field: &Field,
    src: &Source<'_>,
    auto: &mut AutoNumber,
    depth: u32,
) -> PyResult<String> {
    let obj = field_object(vm, &field.name, src, auto)?;
    let obj = match field.conversion {
        None => obj,
        Some(conv) => {
            let text = match conv {
                'r' => vm.repr(obj)?,
                's' => vm.str(obj)?,
                'a' => vm.ascii(obj)?,
                c => {
                    return Err(exc::value_error(format!(
                        "Unknown conversion specifier {c}"
                    )));
                }
            };
            vm.new_str(text)?
        }
    };
    let spec = if field.spec_needs_expanding {
        build(vm, &field.spec, src, auto, depth - 1)?
    } else {
        field.spec.clone()
    };
    if spec.is_empty() {
        if let Some(s) = vm.exact_str(obj) {
            return Ok(s.to_string());
        }
    }
    vm.format(obj, &spec)
}
