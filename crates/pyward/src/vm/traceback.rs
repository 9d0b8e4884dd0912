//! The text of an uncaught exception, as CPython 3.11 prints it (Python/pythonrun.c
//! print_exception_recursive, print_exception_group; Python/traceback.c): the chain of
//! causes and contexts oldest first, and exception groups as nested boxes whose lines carry a
//! `| ` margin, with `+-+---------------- 1 ----------------` between members.
//!
//! Chains are walked iteratively; only group nesting recurses, and it stops at
//! `MAX_GROUP_DEPTH` as CPython's does, so the Rust stack depth is bounded whatever the input.

use std::collections::HashSet;

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
    /// Whether causes and contexts are printed (traceback.py's `chain`).
    chain: bool,
    /// traceback.py's `limit`: the first `n` entries of each traceback, or the last `-n`.
    limit: Option<i64>,
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
        self.format_exception_with(exc, source_line, true, None)
    }

    /// `format_exception_with`, source lines from the run's own sources.
    pub(crate) fn format_exception_sourced(
        &mut self,
        exc: ObjId,
        chain: bool,
        limit: Option<i64>,
    ) -> String {
        let sources = std::mem::take(&mut self.host.sources);
        let lookup = |f: &str, line: u32| super::host_call::source_line_in(&sources, f, line);
        let text = self.format_exception_with(exc, &lookup, chain, limit);
        self.host.sources = sources;
        text
    }

    /// `format_exception` with the `chain` and `limit` options of the traceback module.
    pub(crate) fn format_exception_with(
        &mut self,
        exc: ObjId,
        source_line: &dyn Fn(&str, u32) -> Option<String>,
        chain: bool,
        limit: Option<i64>,
    ) -> String {
        let mut p = Printer {
            out: String::new(),
            seen: HashSet::new(),
            depth: 0,
            need_close: false,
            source_line,
            chain,
            limit,
        };
        self.print_recursive(&mut p, exc);
        p.out
    }

    /// print_exception_recursive: the chain behind `value` (oldest first, each followed by
    /// the sentence linking it to the next), then `value` itself.
    fn print_recursive(&mut self, p: &mut Printer<'_>, value: ObjId) {
        let mut chain: Vec<(ObjId, &'static str)> = vec![(value, "")];
        let mut cur = value;
        p.seen.insert(cur);
        while p.chain {
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
            p.seen.insert(cur);
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
        let (mut tb, is_group) = match self.heap.get(id) {
            Object::Exception(e) => (e.traceback.clone(), e.group.is_some()),
            _ => (Vec::new(), false),
        };
        // Entries are innermost first: a positive limit keeps the outermost ones.
        if let Some(n) = p.limit {
            let keep = usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX);
            if n >= 0 {
                tb.drain(..tb.len().saturating_sub(keep));
            } else {
                tb.truncate(keep);
            }
        }
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
        if last != Some(t) {
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
            // display_source_line drops the indentation only.
            let text = src
                .trim_end_matches(['\n', '\r'])
                .trim_start_matches([' ', '\t', '\x0c']);
            if !text.is_empty() {
                p.line(&format!("    {text}\n"));
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
