//! Python regular-expression syntax to the syntax of the two engines behind `_re`.
//!
//! Most patterns go to the linear-time engine (regex-automata), which has no backtracking:
//! no pattern and input can make it take more than time proportional to their product.
//! Patterns that need backtracking (backreferences, look-around, atomic groups, possessive
//! quantifiers, conditionals) are translated a second time for the bounded backtracking
//! engine (fancy-regex), whose step budget `mod.rs` sets. The translation is the same for
//! both except where their syntax differs (ASCII word boundaries, Python's `$`).
//!
//! Python's `$` outside MULTILINE matches at the end and before a final newline. The linear
//! engine has no such assertion, so it becomes `(?:\z|(?P<pw.nlK>\n)\z)`: the hidden group
//! records that the newline was consumed, and `mod.rs` moves the match end back over it.
//! Verbose mode, `\d \w \s \b` (Unicode or ASCII), Python's escapes and literal braces are
//! rewritten here; the i/s flags go to the engines' builders, `^`/`$` become explicit.

/// Flag bits, as in CPython's `re`.
pub const I: u32 = 2;
/// `re.M`
pub const M: u32 = 8;
/// `re.S`
pub const S: u32 = 16;
/// `re.U`
pub const U: u32 = 32;
/// `re.X`
pub const X: u32 = 64;
/// `re.A`
pub const A: u32 = 256;

/// Prefix of the hidden groups that record a `$` matched before a final newline. Python
/// group names are identifiers, so they can never contain the dot.
pub const HIDDEN_NL: &str = "pw.nl";

/// Python's limit on group nesting is the C stack; this one keeps the engines' recursive
/// parsers and compilers far from the Rust stack's end.
const MAX_NESTING: usize = 200;

/// A translated pattern.
pub struct Translated {
    /// The engine pattern.
    pub regex: String,
    /// The effective flags (inline global flags folded in, U added unless A).
    pub flags: u32,
    /// Whether the pattern needs the backtracking engine.
    pub backtrack: bool,
    /// Python's group count.
    pub groups: usize,
    /// Python's named groups, in order of definition.
    pub names: Vec<(String, usize)>,
    /// For the linear engine: the pattern with `$` as `\z`, for `fullmatch`.
    pub full: Option<String>,
}

/// A translation failure: message and position (code points).
pub struct TransError {
    /// CPython-style message.
    pub msg: String,
    /// Where, if known.
    pub pos: Option<usize>,
}

fn err(msg: impl Into<String>, pos: usize) -> TransError {
    TransError {
        msg: msg.into(),
        pos: Some(pos),
    }
}

fn flag_bit(c: char) -> Option<u32> {
    Some(match c {
        'i' => I,
        'm' => M,
        's' => S,
        'x' => X,
        'a' => A,
        'u' => U,
        'L' => 4,
        _ => return None,
    })
}

fn hex_lit(cp: u32) -> String {
    format!("\\x{{{cp:x}}}")
}

/// Python's `\w` in ASCII mode, used to build ASCII word boundaries for the backtracking
/// engine (which cannot switch Unicode off inside a pattern).
const ASCII_WORD: &str = "[0-9A-Za-z_]";

/// Translation stops with this when a linear-mode pass meets a backtracking feature.
enum Stop {
    Error(TransError),
    NeedsBacktracking,
}

impl From<TransError> for Stop {
    fn from(e: TransError) -> Stop {
        Stop::Error(e)
    }
}

struct T<'a> {
    p: &'a [char],
    i: usize,
    out: String,
    /// Flags in force at this point (global plus scoped).
    flags: u32,
    /// Flags to restore when each open group closes.
    scopes: Vec<u32>,
    /// Open look-behind groups: scope depth and output offset of the body.
    behind: Vec<(usize, usize)>,
    /// The Python group number of each open capturing group (0 for other groups).
    open: Vec<usize>,
    groups: usize,
    names: Vec<(String, usize)>,
    backtrack: bool,
    /// Translate Python's `$` as `\z` (the linear engine's fullmatch form).
    dollar_z: bool,
    hidden: usize,
    /// A `$` with a hidden newline group was emitted in this top-level alternative.
    dollar_seen: bool,
}

/// Translate `pattern` compiled with `flags`.
pub fn translate(pattern: &str, flags: u32) -> Result<Translated, TransError> {
    let chars: Vec<char> = pattern.chars().collect();
    match pass(&chars, flags, false, false) {
        Ok(mut t) => {
            let full = pass(&chars, flags, false, true).map_err(|e| match e {
                Stop::Error(e) => e,
                Stop::NeedsBacktracking => err("internal translation error", 0),
            })?;
            t.full = Some(full.regex);
            Ok(t)
        }
        Err(Stop::Error(e)) => Err(e),
        Err(Stop::NeedsBacktracking) => match pass(&chars, flags, true, false) {
            Ok(t) => Ok(t),
            Err(Stop::Error(e)) => Err(e),
            Err(Stop::NeedsBacktracking) => Err(err("internal translation error", 0)),
        },
    }
}

fn pass(chars: &[char], flags: u32, backtrack: bool, dollar_z: bool) -> Result<Translated, Stop> {
    let mut t = T {
        p: chars,
        i: 0,
        out: String::with_capacity(chars.len() + 16),
        flags,
        scopes: Vec::new(),
        behind: Vec::new(),
        open: Vec::new(),
        groups: 0,
        names: Vec::new(),
        backtrack,
        dollar_z,
        hidden: 0,
        dollar_seen: false,
    };
    t.global_flags();
    t.run()?;
    if !t.scopes.is_empty() {
        return Err(err("missing ), unterminated subpattern", 0).into());
    }
    let mut flags = t.flags;
    if flags & A == 0 {
        flags |= U;
    }
    Ok(Translated {
        regex: t.out,
        flags,
        backtrack,
        groups: t.groups,
        names: t.names,
        full: None,
    })
}

impl T<'_> {
    fn at(&self, k: usize) -> Option<char> {
        self.p.get(k).copied()
    }

    /// Leading `(?aiLmsux)` groups set global flags.
    fn global_flags(&mut self) {
        loop {
            if self.at(self.i) != Some('(') || self.at(self.i + 1) != Some('?') {
                return;
            }
            let mut k = self.i + 2;
            let mut bits = 0;
            while let Some(b) = self.at(k).and_then(flag_bit) {
                bits |= b;
                k += 1;
            }
            if k == self.i + 2 || self.at(k) != Some(')') {
                return;
            }
            self.flags |= bits;
            self.i = k + 1;
        }
    }

    fn ascii(&self) -> bool {
        self.flags & A != 0
    }

    fn verbose(&self) -> bool {
        self.flags & X != 0
    }

    /// A feature the linear engine lacks: restart in backtracking mode.
    fn need_backtracking(&self) -> Result<(), Stop> {
        if self.backtrack {
            Ok(())
        } else {
            Err(Stop::NeedsBacktracking)
        }
    }

    /// The engine text for `\d \D \w \W \s \S`, inside or outside a class.
    fn class_escape(&self, c: char, in_class: bool) -> String {
        let (body, neg) = match (c, self.ascii()) {
            ('d', true) | ('D', true) => ("0-9", c == 'D'),
            ('w', true) | ('W', true) => ("0-9A-Za-z_", c == 'W'),
            ('s', true) | ('S', true) => ("\\t\\n\\x0b\\x0c\\r ", c == 'S'),
            ('d', false) | ('D', false) => ("\\d", c == 'D'),
            ('w', false) | ('W', false) => ("\\w", c == 'W'),
            _ => ("\\s\\x1c-\\x1f", c == 'S'),
        };
        if in_class && !neg {
            return body.to_string();
        }
        if in_class {
            // A negated set inside a class: nest it (both engines allow nested classes).
            return format!("[^{body}]");
        }
        format!("[{}{body}]", if neg { "^" } else { "" })
    }

    /// `\b` or `\B`.
    fn word_boundary(&mut self, e: char) {
        if !self.ascii() {
            self.out.push('\\');
            self.out.push(e);
        } else if !self.backtrack {
            self.out
                .push_str(if e == 'b' { "(?-u:\\b)" } else { "(?-u:\\B)" });
        } else {
            let w = ASCII_WORD;
            let s = if e == 'b' {
                format!("(?:(?<={w})(?!{w})|(?<!{w})(?={w}))")
            } else {
                format!("(?:(?<={w})(?={w})|(?<!{w})(?!{w}))")
            };
            self.out.push_str(&s);
        }
    }

    /// A literal-producing escape at `self.i` (just after the backslash): returns the engine
    /// text, or None when the escape is not a literal.
    fn literal_escape(&mut self, c: char, start: usize) -> Result<Option<String>, TransError> {
        let lit = |cp: u32| Some(hex_lit(cp));
        Ok(match c {
            'n' => lit(10),
            't' => lit(9),
            'r' => lit(13),
            'f' => lit(12),
            'v' => lit(11),
            'a' => lit(7),
            'x' | 'u' | 'U' => {
                let n = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v = 0u32;
                for k in 0..n {
                    let d = self.at(self.i + 1 + k).and_then(|h| h.to_digit(16));
                    match d {
                        Some(d) => v = v.wrapping_mul(16).wrapping_add(d),
                        None => {
                            let got: String = self
                                .p
                                .get(start..(self.i + 1 + k).min(self.p.len()))
                                .unwrap_or(&[])
                                .iter()
                                .collect();
                            return Err(err(format!("incomplete escape {got}"), start));
                        }
                    }
                }
                self.i += n;
                if char::from_u32(v).is_none() {
                    return Err(err(format!("bad escape \\{c}"), start));
                }
                lit(v)
            }
            c if c.is_ascii_alphanumeric() => None,
            c => Some(regex::escape(&c.to_string())),
        })
    }

    /// Up to `max` more octal digits after the one at `self.i`: the value (consumed).
    fn octal(&mut self, first: char, max: usize, start: usize) -> Result<String, TransError> {
        let mut v = first.to_digit(8).unwrap_or(0);
        let mut k = 0;
        while k < max {
            match self.at(self.i + 1).and_then(|d| d.to_digit(8)) {
                Some(d) => {
                    v = v * 8 + d;
                    self.i += 1;
                    k += 1;
                }
                None => break,
            }
        }
        if v > 0o377 {
            let text: String = self.p.get(start..=self.i).unwrap_or(&[]).iter().collect();
            return Err(err(
                format!("octal escape value {text} outside of range 0-0o377"),
                start,
            ));
        }
        Ok(hex_lit(v))
    }

    /// `\1`..`\99` (a group reference) or a three-digit octal escape, at `self.i`.
    fn digit_escape(&mut self, d: char, start: usize) -> Result<(), Stop> {
        let next = self.at(self.i + 1).filter(char::is_ascii_digit);
        if let Some(n) = next {
            let third = self.at(self.i + 2).filter(|c| c.is_digit(8));
            if d.is_digit(8) && n.is_digit(8) && third.is_some() {
                let s = self.octal(d, 2, start)?;
                self.out.push_str(&s);
                return Ok(());
            }
        }
        let mut g = d.to_digit(10).unwrap_or(0) as usize;
        if let Some(n) = next {
            g = g * 10 + n.to_digit(10).unwrap_or(0) as usize;
            self.i += 1;
        }
        if g > self.groups {
            return Err(err(format!("invalid group reference {g}"), start + 1).into());
        }
        if self.open.contains(&g) {
            return Err(err("cannot refer to an open group", start).into());
        }
        self.need_backtracking()?;
        self.out.push_str(&format!("\\k<{g}>"));
        Ok(())
    }

    fn run(&mut self) -> Result<(), Stop> {
        // Whether the last item can take a quantifier, and whether it was one.
        let mut can_repeat = false;
        let mut after_quant = false;
        while let Some(c) = self.at(self.i) {
            let start = self.i;
            if self.verbose() && c.is_whitespace() {
                self.i += 1;
                continue;
            }
            if self.verbose() && c == '#' {
                while self.at(self.i).is_some_and(|c| c != '\n') {
                    self.i += 1;
                }
                continue;
            }
            match c {
                '\\' => {
                    self.i += 1;
                    let Some(e) = self.at(self.i) else {
                        return Err(err("bad escape (end of pattern)", start).into());
                    };
                    can_repeat = true;
                    match e {
                        'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                            self.consume()?;
                            let s = self.class_escape(e, false);
                            self.out.push_str(&s);
                        }
                        'b' | 'B' => {
                            self.word_boundary(e);
                            can_repeat = false;
                        }
                        'A' => {
                            self.out.push_str("\\A");
                            can_repeat = false;
                        }
                        'Z' => {
                            self.out.push_str("\\z");
                            can_repeat = false;
                        }
                        '0' => {
                            self.consume()?;
                            let s = self.octal('0', 2, start)?;
                            self.out.push_str(&s);
                        }
                        '1'..='9' => self.digit_escape(e, start)?,
                        _ => {
                            self.consume()?;
                            match self.literal_escape(e, start)? {
                                Some(s) => self.out.push_str(&s),
                                None => {
                                    return Err(err(format!("bad escape \\{e}"), start).into());
                                }
                            }
                        }
                    }
                    self.i += 1;
                    after_quant = false;
                }
                '[' => {
                    self.consume()?;
                    self.class()?;
                    can_repeat = true;
                    after_quant = false;
                }
                '(' => {
                    // An opening group is repeatable only once `)` closes it; a named
                    // backreference is complete at once.
                    can_repeat = self.group_open()?;
                    after_quant = false;
                }
                ')' => {
                    if let Some(&(depth, body)) = self.behind.last() {
                        if depth == self.scopes.len() {
                            self.behind.pop();
                            let text = self.out.get(body..).unwrap_or("");
                            if fixed_width(text, self.flags) == Some(false) {
                                // CPython's compiler raises this one without a position.
                                return Err(Stop::Error(TransError {
                                    msg: "look-behind requires fixed-width pattern".into(),
                                    pos: None,
                                }));
                            }
                        }
                    }
                    let Some(restore) = self.scopes.pop() else {
                        return Err(err("unbalanced parenthesis", start).into());
                    };
                    self.flags = restore;
                    self.open.pop();
                    self.out.push(')');
                    self.i += 1;
                    can_repeat = true;
                    after_quant = false;
                }
                '*' | '+' | '?' | '{' => {
                    let quant = if c == '{' {
                        self.brace_quant()?
                    } else {
                        Some(c.to_string())
                    };
                    let Some(q) = quant else {
                        self.out.push_str("\\{");
                        self.i += 1;
                        can_repeat = true;
                        after_quant = false;
                        continue;
                    };
                    if after_quant {
                        return Err(err("multiple repeat", start).into());
                    }
                    if !can_repeat {
                        return Err(err("nothing to repeat", start).into());
                    }
                    self.out.push_str(&q);
                    if c != '{' {
                        self.i += 1;
                    }
                    match self.at(self.i) {
                        Some('?') => {
                            self.out.push('?');
                            self.i += 1;
                        }
                        Some('+') => {
                            self.need_backtracking()?;
                            self.out.push('+');
                            self.i += 1;
                        }
                        _ => {}
                    }
                    after_quant = true;
                }
                '|' => {
                    if self.scopes.is_empty() {
                        self.dollar_seen = false;
                    }
                    self.out.push('|');
                    self.i += 1;
                    can_repeat = false;
                    after_quant = false;
                }
                '^' => {
                    self.out
                        .push_str(if self.flags & M != 0 { "(?m:^)" } else { "\\A" });
                    self.i += 1;
                    can_repeat = false;
                    after_quant = false;
                }
                '$' => {
                    self.dollar();
                    self.i += 1;
                    can_repeat = false;
                    after_quant = false;
                }
                '.' => {
                    self.consume()?;
                    self.out.push('.');
                    self.i += 1;
                    can_repeat = true;
                    after_quant = false;
                }
                c => {
                    self.consume()?;
                    self.out.push_str(&regex::escape(&c.to_string()));
                    self.i += 1;
                    can_repeat = true;
                    after_quant = false;
                }
            }
        }
        Ok(())
    }

    /// Something that consumes input is emitted. After a `$` translated with a hidden
    /// newline group, that would meet the newline the group consumed, so such patterns
    /// (`a$\n`) go to the backtracking engine, where `$` is a true look-ahead.
    fn consume(&self) -> Result<(), Stop> {
        if self.dollar_seen && !self.backtrack && !self.dollar_z {
            return Err(Stop::NeedsBacktracking);
        }
        Ok(())
    }

    /// Python's `$`: before every newline and at the end under MULTILINE, else at the end
    /// or before a final newline.
    fn dollar(&mut self) {
        if self.flags & M != 0 {
            self.out.push_str("(?m:$)");
        } else if self.dollar_z {
            self.out.push_str("\\z");
        } else if self.backtrack {
            self.out.push_str("(?=\\n?\\z)");
        } else {
            let k = self.hidden;
            self.hidden += 1;
            self.dollar_seen = true;
            self.out
                .push_str(&format!("(?:\\z|(?P<{HIDDEN_NL}{k}>\\n)\\z)"));
        }
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` at `self.i`: the engine text (consumed), or None when
    /// the brace is a literal.
    fn brace_quant(&mut self) -> Result<Option<String>, TransError> {
        let start = self.i;
        let mut k = self.i + 1;
        let mut lo = String::new();
        while let Some(d) = self.at(k).filter(char::is_ascii_digit) {
            lo.push(d);
            k += 1;
        }
        let mut hi = None;
        if self.at(k) == Some(',') {
            k += 1;
            let mut h = String::new();
            while let Some(d) = self.at(k).filter(char::is_ascii_digit) {
                h.push(d);
                k += 1;
            }
            hi = Some(h);
        }
        if self.at(k) != Some('}') || (lo.is_empty() && hi.is_none()) {
            return Ok(None);
        }
        // CPython's MAXREPEAT is 2**32 - 1; the engines' size limits refuse far less.
        let parse = |s: &str| -> Result<u64, TransError> {
            match s.parse::<u64>() {
                Ok(v) if v < u64::from(u32::MAX) => Ok(v),
                _ => Err(err("the repetition number is too large", start + 1)),
            }
        };
        let lo_v = if lo.is_empty() { 0 } else { parse(&lo)? };
        self.i = k + 1;
        Ok(Some(match hi {
            None => format!("{{{lo_v}}}"),
            Some(h) if h.is_empty() => format!("{{{lo_v},}}"),
            Some(h) => {
                let hi_v = parse(&h)?;
                if hi_v < lo_v {
                    return Err(err("min repeat greater than max repeat", start + 1));
                }
                format!("{{{lo_v},{hi_v}}}")
            }
        }))
    }

    /// Enter a group whose engine text (already pushed) ends with `(`-something.
    fn enter(&mut self, group: usize) -> Result<(), TransError> {
        if self.scopes.len() >= MAX_NESTING {
            return Err(err("too many nested groups", self.i));
        }
        self.scopes.push(self.flags);
        self.open.push(group);
        Ok(())
    }

    /// A group name at `j` up to `close`: the name and the index after the close char.
    fn name_at(&self, j: usize, close: char) -> Option<(String, usize)> {
        let mut name = String::new();
        let mut j = j;
        while let Some(c) = self.at(j) {
            if c == close {
                return Some((name, j + 1));
            }
            name.push(c);
            j += 1;
        }
        None
    }

    /// A group at `self.i`: Ok(true) when it is a complete item (a named backreference).
    fn group_open(&mut self) -> Result<bool, Stop> {
        let start = self.i;
        if self.at(self.i + 1) != Some('?') {
            self.groups += 1;
            self.out.push('(');
            self.i += 1;
            self.enter(self.groups)?;
            return Ok(false);
        }
        let k = self.i + 2;
        match self.at(k) {
            Some('P') => match self.at(k + 1) {
                Some('<') => {
                    let Some((name, next)) = self.name_at(k + 2, '>') else {
                        return Err(err("missing >, unterminated name", k + 2).into());
                    };
                    if name.is_empty() {
                        return Err(err("missing group name", k + 2).into());
                    }
                    if !is_identifier(&name) {
                        return Err(
                            err(format!("bad character in group name '{name}'"), k + 2).into()
                        );
                    }
                    self.groups += 1;
                    if let Some((_, was)) = self.names.iter().find(|(n, _)| *n == name) {
                        return Err(err(
                            format!(
                                "redefinition of group name '{name}' as group {}; was group {was}",
                                self.groups
                            ),
                            k + 2,
                        )
                        .into());
                    }
                    self.names.push((name.clone(), self.groups));
                    self.out.push_str(&format!("(?P<{name}>"));
                    self.i = next;
                    self.enter(self.groups)?;
                    Ok(false)
                }
                Some('=') => {
                    let Some((name, next)) = self.name_at(k + 2, ')') else {
                        return Err(err("missing ), unterminated name", k + 2).into());
                    };
                    if name.is_empty() {
                        return Err(err("missing group name", k + 2).into());
                    }
                    if !is_identifier(&name) {
                        return Err(
                            err(format!("bad character in group name '{name}'"), k + 2).into()
                        );
                    }
                    let Some(&(_, g)) = self.names.iter().find(|(n, _)| *n == name) else {
                        return Err(err(format!("unknown group name '{name}'"), k + 2).into());
                    };
                    if self.open.contains(&g) {
                        return Err(err("cannot refer to an open group", k + 2).into());
                    }
                    self.need_backtracking()?;
                    self.out.push_str(&format!("\\k<{g}>"));
                    self.i = next;
                    Ok(true)
                }
                Some(c) => Err(err(format!("unknown extension ?P{c}"), start + 1).into()),
                None => Err(err("unexpected end of pattern", k + 1).into()),
            },
            Some(':') => {
                self.out.push_str("(?:");
                self.i = k + 1;
                self.enter(0)?;
                Ok(false)
            }
            Some('=') | Some('!') => {
                self.need_backtracking()?;
                self.out.push_str(if self.at(k) == Some('=') {
                    "(?="
                } else {
                    "(?!"
                });
                self.i = k + 1;
                self.enter(0)?;
                Ok(false)
            }
            Some('<') if matches!(self.at(k + 1), Some('=') | Some('!')) => {
                self.need_backtracking()?;
                self.out.push_str(if self.at(k + 1) == Some('=') {
                    "(?<="
                } else {
                    "(?<!"
                });
                self.i = k + 2;
                self.enter(0)?;
                self.behind.push((self.scopes.len(), self.out.len()));
                Ok(false)
            }
            Some('<') => Err(err("unknown extension ?<", start + 1).into()),
            Some('>') => {
                self.need_backtracking()?;
                self.out.push_str("(?>");
                self.i = k + 1;
                self.enter(0)?;
                Ok(false)
            }
            Some('(') => self.conditional(start),
            Some('#') => {
                let mut j = k;
                while self.at(j).is_some_and(|c| c != ')') {
                    j += 1;
                }
                if self.at(j).is_none() {
                    return Err(err("missing ), unterminated comment", start).into());
                }
                self.i = j + 1;
                Ok(false)
            }
            _ => self.scoped_flags(start),
        }
    }

    /// `(?(id/name)yes|no)`.
    fn conditional(&mut self, start: usize) -> Result<bool, Stop> {
        let Some((name, next)) = self.name_at(start + 3, ')') else {
            return Err(err("missing ), unterminated name", start + 3).into());
        };
        let g = if !name.is_empty() && name.chars().all(|c| c.is_ascii_digit()) {
            match name.parse::<usize>() {
                Ok(g) if g > 0 && g <= self.groups => g,
                Ok(0) => return Err(err("bad group number", start + 3).into()),
                _ => return Err(err(format!("invalid group reference {name}"), start + 3).into()),
            }
        } else {
            if !is_identifier(&name) {
                return Err(err(format!("bad character in group name '{name}'"), start + 3).into());
            }
            match self.names.iter().find(|(n, _)| *n == name) {
                Some(&(_, g)) => g,
                None => {
                    return Err(err(format!("unknown group name '{name}'"), start + 3).into());
                }
            }
        };
        self.need_backtracking()?;
        self.out.push_str(&format!("(?({g})"));
        self.i = next;
        self.enter(0)?;
        Ok(false)
    }

    /// Scoped flags `(?imsx-imsx:...)`, or an error for anything else after `(?`.
    fn scoped_flags(&mut self, start: usize) -> Result<bool, Stop> {
        let k = start + 2;
        let mut j = k;
        let mut on = String::new();
        let mut off = String::new();
        let mut neg = false;
        let mut flags = self.flags;
        while let Some(c) = self.at(j) {
            match c {
                '-' if !neg => neg = true,
                'i' | 'm' | 's' | 'x' | 'a' | 'u' | 'L' => {
                    let bit = flag_bit(c).unwrap_or(0);
                    if neg {
                        flags &= !bit;
                    } else {
                        flags |= bit;
                    }
                    if matches!(c, 'i' | 's') {
                        if neg { off.push(c) } else { on.push(c) }
                    }
                }
                _ => break,
            }
            j += 1;
        }
        match self.at(j) {
            Some(':') if j > k => {
                self.out.push_str("(?");
                self.out.push_str(&on);
                if !off.is_empty() {
                    self.out.push('-');
                    self.out.push_str(&off);
                }
                self.out.push(':');
                self.i = j + 1;
                self.enter(0)?;
                self.flags = flags;
                Ok(false)
            }
            Some(')') if j > k => {
                Err(err("global flags not at the start of the expression", start).into())
            }
            Some(c) => Err(err(format!("unknown extension ?{c}"), start + 1).into()),
            None => Err(err("unexpected end of pattern", j).into()),
        }
    }

    fn class(&mut self) -> Result<(), TransError> {
        let start = self.i;
        self.i += 1;
        self.out.push('[');
        if self.at(self.i) == Some('^') {
            self.out.push('^');
            self.i += 1;
        }
        let mut first = true;
        let mut prev_dash = false;
        loop {
            let Some(c) = self.at(self.i) else {
                return Err(err("unterminated character set", start));
            };
            if c == ']' && !first {
                self.out.push(']');
                self.i += 1;
                return Ok(());
            }
            first = false;
            let mut is_dash = false;
            match c {
                '\\' => {
                    self.i += 1;
                    let Some(e) = self.at(self.i) else {
                        return Err(err("unterminated character set", start));
                    };
                    let esc_start = self.i - 1;
                    match e {
                        'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                            let s = self.class_escape(e, true);
                            self.out.push_str(&s);
                        }
                        'b' => self.out.push_str(&hex_lit(8)),
                        '0'..='7' => {
                            let s = self.octal(e, 2, esc_start)?;
                            self.out.push_str(&s);
                        }
                        '8' | '9' => return Err(err(format!("bad escape \\{e}"), esc_start)),
                        _ => match self.literal_escape(e, esc_start)? {
                            Some(s) => self.out.push_str(&s),
                            None => return Err(err(format!("bad escape \\{e}"), esc_start)),
                        },
                    }
                    self.i += 1;
                }
                '-' => {
                    if prev_dash {
                        self.out.push_str("\\-");
                    } else {
                        self.out.push('-');
                        is_dash = true;
                    }
                    self.i += 1;
                }
                '[' | '&' | '~' | ']' | '^' => {
                    self.out.push('\\');
                    self.out.push(c);
                    self.i += 1;
                }
                c => {
                    self.out.push(c);
                    self.i += 1;
                }
            }
            prev_dash = is_dash;
        }
    }
}

/// Whether an engine pattern matches a fixed number of characters (Python's rule for
/// look-behind bodies); None when the text uses backtracking syntax the parser lacks (then
/// fancy-regex makes its own check).
fn fixed_width(body: &str, flags: u32) -> Option<bool> {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(flags & I != 0)
        .dot_matches_new_line(flags & S != 0)
        .build()
        .parse(body)
        .ok()?;
    Some(width(&hir).is_some())
}

/// The width in characters of what `h` matches, or None when it varies. Depth is bounded by
/// the parser's nesting limit.
fn width(h: &regex_syntax::hir::Hir) -> Option<usize> {
    use regex_syntax::hir::HirKind;
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(l) => {
            Some(std::str::from_utf8(&l.0).map_or(l.0.len(), |s| s.chars().count()))
        }
        HirKind::Class(_) => Some(1),
        HirKind::Repetition(r) => {
            let w = width(&r.sub)?;
            if w == 0 {
                Some(0)
            } else if r.max == Some(r.min) {
                w.checked_mul(usize::try_from(r.min).ok()?)
            } else {
                None
            }
        }
        HirKind::Capture(c) => width(&c.sub),
        HirKind::Concat(v) => v
            .iter()
            .try_fold(0usize, |acc, h| acc.checked_add(width(h)?)),
        HirKind::Alternation(v) => {
            let first = width(v.first()?)?;
            v.iter().all(|h| width(h) == Some(first)).then_some(first)
        }
    }
}

/// Python's `str.isidentifier` for group names (letters, digits after the first, `_`).
fn is_identifier(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c == '_' || c.is_alphabetic())
        && name.chars().all(|c| c == '_' || c.is_alphanumeric())
}
