//! The text of an uncaught exception, as CPython 3.11 prints it (Python/pythonrun.c
//! print_exception_recursive, print_exception_group; Python/traceback.c): the chain of
//! causes and contexts oldest first, and exception groups as nested boxes whose lines carry a
//! `| ` margin, with `+-+---------------- 1 ----------------` between members.
//!
//! Chains are walked iteratively; only group nesting recurses, and it stops at
//! `MAX_GROUP_DEPTH` as CPython's does, so the Rust stack depth is bounded whatever the input.

use std::collections::HashSet;

use crate::bytecode::Span;
use crate::exc::TbEntry;
use crate::types::object::Object;
use crate::value::{ObjId, Value};

use super::Vm;

/// Members of one group printed before "and N more exceptions" (pythonrun.c max_group_width).
const MAX_GROUP_WIDTH: usize = 15;
/// Group nesting printed before "... (max_group_depth is 10)" (pythonrun.c max_group_depth).
const MAX_GROUP_DEPTH: usize = 10;
/// Links of one cause/context chain followed (CPython stops at its recursion limit).
const MAX_CHAIN: usize = 100;
/// Identical traceback entries printed before the rest are summarised (traceback.c).
const TB_RECURSIVE_CUTOFF: usize = 3;

const TB_HEADER: &str = "Traceback (most recent call last):\n";
const GROUP_TB_HEADER: &str = "Exception Group Traceback (most recent call last):\n";
const CAUSE_MESSAGE: &str =
    "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str =
    "During handling of the above exception, another exception occurred:\n";

/// The state of one print (pythonrun.c `struct exception_print_context`).
struct Printer<'a> {
    out: String,
    /// Exceptions already printed, whose causes and contexts are not printed again.
    seen: HashSet<ObjId>,
    /// Nesting level of the current exception group (0 outside any group).
    depth: usize,
    /// Whether the current group's closing line is still to be written.
    need_close: bool,
    source_line: &'a dyn Fn(&str, u32) -> Option<String>,
    style: Style,
}

/// What `Vm::format_exception_as` prints, for the `traceback` module's parameters.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Whether causes and contexts are printed (`chain=`).
    pub chain: bool,
    /// Traceback entries kept per exception: the outermost N, or with a negative N the
    /// innermost -N (`limit=`); None for all.
    pub limit: Option<i64>,
    /// Only the `TypeName: message` part and notes (`format_exception_only`).
    pub only: bool,
}

impl Style {
    /// How an uncaught exception prints.
    pub const UNCAUGHT: Style = Style {
        chain: true,
        limit: None,
        only: false,
    };

    /// The entries of `tb` (innermost first) that `limit` keeps.
    fn kept<'t>(&self, tb: &'t [TbEntry]) -> &'t [TbEntry] {
        let n = tb.len();
        match self.limit {
            None => tb,
            // The outermost `k` entries are the last `k`.
            Some(k) if k >= 0 => &tb[n - usize::try_from(k).unwrap_or(n).min(n)..],
            Some(k) => &tb[..usize::try_from(k.unsigned_abs()).unwrap_or(n).min(n)],
        }
    }
}

impl Printer<'_> {
    fn indent(&mut self) {
        for _ in 0..2 * self.depth {
            self.out.push(' ');
        }
    }

    fn margin(&self) -> &'static str {
        if self.depth > 0 { "| " } else { "" }
    }

    /// _Py_WriteIndentedMargin: the indent, then the margin.
    fn indented_margin(&mut self) {
        self.indent();
        let m = self.margin();
        self.out.push_str(m);
    }

    fn line(&mut self, text: &str) {
        self.indented_margin();
        self.out.push_str(text);
    }
}

impl Vm {
    /// Traceback text for an uncaught exception, in CPython's format with chained causes and
    /// contexts and exception groups. `source_line` returns the text of a line of a file,
    /// when known.
    pub fn format_exception(
        &mut self,
        exc: ObjId,
        source_line: &dyn Fn(&str, u32) -> Option<String>,
    ) -> String {
        self.format_exception_as(exc, source_line, Style::UNCAUGHT)
    }

    /// `format_exception` in the given style (the `traceback` module's).
    pub fn format_exception_as(
        &mut self,
        exc: ObjId,
        source_line: &dyn Fn(&str, u32) -> Option<String>,
        style: Style,
    ) -> String {
        let mut p = Printer {
            out: String::new(),
            seen: HashSet::new(),
            depth: 0,
            need_close: false,
            source_line,
            style,
        };
        if style.only {
            self.print_exception(&mut p, exc);
        } else if style.chain {
            self.print_recursive(&mut p, exc);
        } else {
            self.print_one(&mut p, exc);
        }
        p.out
    }

    /// print_exception_recursive: the chain behind `value` (oldest first, each followed by
    /// the sentence linking it to the next), then `value` itself.
    fn print_recursive(&mut self, p: &mut Printer<'_>, value: ObjId) {
        let mut chain: Vec<(ObjId, &'static str)> = vec![(value, "")];
        let mut cur = value;
        loop {
            p.seen.insert(cur);
            let Object::Exception(e) = self.heap.get(cur) else {
                break;
            };
            // A set cause hides the context even when the cause was printed already.
            let (next, message) = if !matches!(e.cause, Value::None) {
                (e.cause, CAUSE_MESSAGE)
            } else if e.suppress_context {
                (Value::None, "")
            } else {
                (e.context, CONTEXT_MESSAGE)
            };
            let Some(next) = next.obj() else { break };
            if !matches!(self.heap.get(next), Object::Exception(_))
                || p.seen.contains(&next)
                || chain.len() > MAX_CHAIN
            {
                break;
            }
            chain.push((next, message));
            cur = next;
        }
        let need_close = p.need_close;
        for (i, (id, message)) in chain.iter().enumerate().rev() {
            self.print_one(p, *id);
            if i > 0 {
                // print_chained: a chained exception's box does not close the current one.
                p.need_close = need_close;
                p.line("\n");
                p.line(message);
                p.line("\n");
            }
        }
    }

    fn print_one(&mut self, p: &mut Printer<'_>, id: ObjId) {
        match crate::builtins::excgroup::group_parts(self, Value::Obj(id)) {
            Some((_, excs)) => self.print_group(p, id, &excs),
            None => self.print_exception(p, id),
        }
    }

    /// print_exception_group: the group's own traceback and message, then each member in
    /// its numbered box.
    fn print_group(&mut self, p: &mut Printer<'_>, id: ObjId, excs: &[Value]) {
        if p.depth > MAX_GROUP_DEPTH {
            p.line(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        if p.depth == 0 {
            p.depth = 1;
        }
        self.print_exception(p, id);
        let n = excs.len().min(MAX_GROUP_WIDTH + 1);
        p.need_close = false;
        for (i, member) in excs.iter().take(n).enumerate() {
            let last = i + 1 == n;
            if last {
                // The closing line may be written by a nested group instead.
                p.need_close = true;
            }
            p.indent();
            let lead = if i == 0 { "+-" } else { "  " };
            if i < MAX_GROUP_WIDTH {
                p.out.push_str(&format!(
                    "{lead}+---------------- {} ----------------\n",
                    i + 1
                ));
            } else {
                p.out
                    .push_str(&format!("{lead}+---------------- ... ----------------\n"));
            }
            p.depth += 1;
            if i < MAX_GROUP_WIDTH {
                if let Some(m) = member.obj() {
                    self.print_recursive(p, m);
                }
            } else {
                let more = excs.len() - MAX_GROUP_WIDTH;
                let s = if more > 1 { "s" } else { "" };
                p.line(&format!("and {more} more exception{s}\n"));
            }
            if last && p.need_close {
                p.indent();
                p.out.push_str("+------------------------------------\n");
                p.need_close = false;
            }
            p.depth -= 1;
        }
        if p.depth == 1 {
            p.depth = 0;
        }
    }

    /// print_exception: traceback, `TypeName: message` (with a suggestion) and notes.
    fn print_exception(&mut self, p: &mut Printer<'_>, id: ObjId) {
        let (tb, is_group) = match self.heap.get(id) {
            Object::Exception(e) if !p.style.only => {
                (p.style.kept(&e.traceback).to_vec(), e.group.is_some())
            }
            _ => (Vec::new(), false),
        };
        if !tb.is_empty() {
            p.indent();
            let (header_margin, header) = match (is_group, p.depth) {
                (true, 1) => ("+ ", GROUP_TB_HEADER),
                (true, _) => (p.margin(), GROUP_TB_HEADER),
                (false, _) => (p.margin(), TB_HEADER),
            };
            p.out.push_str(header_margin);
            p.out.push_str(header);
            print_tb(p, &tb);
        }
        // A SyntaxError shows where it is, and its msg alone (pythonrun.c
        // print_exception_file_and_line).
        let mut summary = match self.syntax_error_report(Value::Obj(id)) {
            Some((location, msg)) => {
                for l in location.split_inclusive('\n') {
                    p.line(l);
                }
                self.summary_line(Value::Obj(id), &msg)
            }
            None => self.exception_summary(Value::Obj(id)),
        };
        if let Some(s) = self.suggestion(Value::Obj(id)) {
            summary.push_str(&format!(". Did you mean: '{s}'?"));
        }
        summary.push('\n');
        p.line(&summary);
        self.print_notes(p, id);
    }

    /// print_exception_notes (3.11.7): each note's lines behind the margin; the items of any
    /// sequence count as notes (a str's characters too), and anything else prints as its
    /// repr with no newline after it.
    fn print_notes(&mut self, p: &mut Printer<'_>, id: ObjId) {
        let dict = match self.heap.get(id) {
            Object::Exception(e) => e.dict,
            _ => return,
        };
        if matches!(dict, Value::None) {
            return;
        }
        let Ok(key) = self.intern("__notes__") else {
            return;
        };
        let Ok(Some(notes)) = self.dict_get(dict, key) else {
            return;
        };
        let items = match crate::builtins::excgroup::is_sequence(self, notes) {
            Ok(true) => self.collect_iterable(notes).unwrap_or_default(),
            _ => {
                p.indented_margin();
                let r = self
                    .repr(notes)
                    .unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
                p.out.push_str(&r);
                return;
            }
        };
        for note in items {
            match self.str(note) {
                Ok(text) => {
                    for l in text.split_inclusive('\n') {
                        p.line(l);
                    }
                }
                Err(_) => p.out.push_str("<note str() failed>"),
            }
            p.out.push('\n');
        }
    }
}

/// tb_printinternal: the traceback entries, outermost first, each behind the margin; a run
/// of identical entries (recursion) prints three times, then "[Previous line repeated N more
/// times]" (without the margin, as 3.11 prints it).
fn print_tb(p: &mut Printer<'_>, tb: &[TbEntry]) {
    let mut last: Option<&TbEntry> = None;
    let mut count = 0usize;
    for t in tb.iter().rev() {
        if !last.is_some_and(|l| l.same_line(t)) {
            push_repeated(&mut p.out, count);
            last = Some(t);
            count = 0;
        }
        count += 1;
        if count > TB_RECURSIVE_CUTOFF {
            continue;
        }
        p.line(&format!(
            "  File \"{}\", line {}, in {}\n",
            t.filename, t.line, t.name
        ));
        if let Some(src) = (p.source_line)(&t.filename, t.line) {
            let src = src.trim_end_matches(['\n', '\r']);
            // display_source_line drops the indentation only.
            let text = src.trim_start_matches(INDENT);
            if !text.is_empty() {
                p.line(&format!("    {text}\n"));
                if let Some(carets) = t.span.and_then(|s| caret_line(src, t.line, s)) {
                    p.line(&format!("    {carets}\n"));
                }
            }
        }
    }
    push_repeated(&mut p.out, count);
}

/// `  [Previous line repeated N more times]` for a run of `count` identical entries.
fn push_repeated(out: &mut String, count: usize) {
    if count > TB_RECURSIVE_CUTOFF {
        let more = count - TB_RECURSIVE_CUTOFF;
        let s = if more > 1 { "s" } else { "" };
        out.push_str(&format!("  [Previous line repeated {more} more time{s}]\n"));
    }
}

/// The indentation a traceback's source line is printed without.
const INDENT: [char; 3] = [' ', '\t', '\x0c'];

/// The carets CPython 3.11 prints under a traceback's source line `src` (line number `line`)
/// for an instruction whose source range is `span` (traceback.c
/// display_source_line_with_margin), relative to the printed text; None when it prints
/// none: when the range spans the whole printed line, and it is not a binary operation or
/// a subscript (whose operator or brackets get `^` and the rest `~`). A range running onto
/// later lines is marked to the end of its first line's text, and gets no `~`.
pub(crate) fn caret_line(src: &str, line: u32, span: Span) -> Option<String> {
    let chars = |byte: u32| src.get(..byte as usize).map(|s| s.chars().count());
    let start = chars(span.col)?;
    let one_line = span.end_line == line;
    let end = if one_line {
        chars(span.end_col)?
    } else {
        src.trim_end().chars().count()
    };
    let indent = src.len() - src.trim_start_matches(INDENT).len();
    if end <= start || start < indent {
        return None;
    }
    // The `^` part, as character offsets from `start`.
    let anchors = if one_line {
        let segment = src.get(span.col as usize..span.end_col as usize)?;
        crate::syntax::caret_anchors(segment).and_then(|(l, r)| {
            let at = |b: usize| segment.get(..b).map(|s| s.chars().count());
            Some((at(l)?, at(r)?))
        })
    } else {
        None
    };
    let printed = src.chars().count() - indent;
    if end - start == printed && anchors.is_none() {
        return None;
    }
    let mut out = " ".repeat(start - indent);
    for i in 0..end - start {
        out.push(match anchors {
            Some((l, r)) if !(l..r).contains(&i) => '~',
            _ => '^',
        });
    }
    Some(out)
}
