//! Python regular-expression syntax to the `regex` crate's syntax.
//!
//! The crate matches in linear time and has no backtracking, so backreferences, look-around,
//! atomic groups, possessive quantifiers and conditionals are refused with a `re.error`
//! that says so. Verbose mode, `\d \w \s \b` (Unicode or ASCII), Python's escapes and
//! literal braces are rewritten here; i/m/s flags go to the crate's builder.

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

/// A translated pattern.
pub struct Translated {
    /// The crate pattern.
    pub regex: String,
    /// The effective flags (inline global flags folded in, U added unless A).
    pub flags: u32,
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

fn needs_backtracking(what: &str, pos: usize) -> TransError {
    err(
        format!(
            "{what} are not supported: the pattern needs backtracking, which pyward's linear-time regex engine does not do"
        ),
        pos,
    )
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

struct T<'a> {
    p: &'a [char],
    i: usize,
    out: String,
    flags: u32,
    depth: usize,
}

/// Translate `pattern` compiled with `flags`.
pub fn translate(pattern: &str, flags: u32) -> Result<Translated, TransError> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut t = T {
        p: &chars,
        i: 0,
        out: String::with_capacity(pattern.len() + 16),
        flags,
        depth: 0,
    };
    t.global_flags()?;
    t.run()?;
    if t.depth > 0 {
        return Err(err("missing ), unterminated subpattern", 0));
    }
    let mut flags = t.flags;
    if flags & A == 0 {
        flags |= U;
    }
    Ok(Translated {
        regex: t.out,
        flags,
    })
}

impl T<'_> {
    fn at(&self, k: usize) -> Option<char> {
        self.p.get(k).copied()
    }

    /// Leading `(?aiLmsux)` groups set global flags.
    fn global_flags(&mut self) -> Result<(), TransError> {
        loop {
            if self.at(self.i) != Some('(') || self.at(self.i + 1) != Some('?') {
                return Ok(());
            }
            let mut k = self.i + 2;
            let mut bits = 0;
            while let Some(b) = self.at(k).and_then(flag_bit) {
                bits |= b;
                k += 1;
            }
            if k == self.i + 2 || self.at(k) != Some(')') {
                return Ok(());
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

    /// The crate text for `\d \D \w \W \s \S`, inside or outside a class.
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
            // A negated set inside a class: nest it (the crate allows nested classes).
            return format!("[^{body}]");
        }
        format!("[{}{body}]", if neg { "^" } else { "" })
    }

    /// A literal-producing escape at `self.i` (just after the backslash): returns the crate
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
            '0' => {
                let mut v = 0u32;
                let mut k = 0;
                while k < 2
                    && self
                        .at(self.i + 1)
                        .is_some_and(|d| ('0'..='7').contains(&d))
                {
                    v = v * 8 + self.at(self.i + 1).and_then(|d| d.to_digit(8)).unwrap_or(0);
                    self.i += 1;
                    k += 1;
                }
                lit(v)
            }
            c if c.is_ascii_alphanumeric() => None,
            c => Some(regex::escape(&c.to_string())),
        })
    }

    fn run(&mut self) -> Result<(), TransError> {
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
                        return Err(err("bad escape (end of pattern)", start));
                    };
                    match e {
                        'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                            let s = self.class_escape(e, false);
                            self.out.push_str(&s);
                        }
                        'b' | 'B' => {
                            if self.ascii() {
                                self.out
                                    .push_str(if e == 'b' { "(?-u:\\b)" } else { "(?-u:\\B)" });
                            } else {
                                self.out.push('\\');
                                self.out.push(e);
                            }
                            self.i += 1;
                            can_repeat = false;
                            after_quant = false;
                            continue;
                        }
                        'A' => self.out.push_str("\\A"),
                        'Z' => self.out.push_str("\\z"),
                        '1'..='9' => return Err(needs_backtracking("backreferences", start)),
                        _ => match self.literal_escape(e, start)? {
                            Some(s) => self.out.push_str(&s),
                            None => return Err(err(format!("bad escape \\{e}"), start)),
                        },
                    }
                    self.i += 1;
                    can_repeat = true;
                    after_quant = false;
                }
                '[' => {
                    self.class()?;
                    can_repeat = true;
                    after_quant = false;
                }
                '(' => {
                    self.group_open()?;
                    can_repeat = false;
                    after_quant = false;
                }
                ')' => {
                    if self.depth == 0 {
                        return Err(err("unbalanced parenthesis", start));
                    }
                    self.depth -= 1;
                    self.out.push(')');
                    self.i += 1;
                    can_repeat = true;
                    after_quant = false;
                }
                '*' | '+' | '?' | '{' => {
                    let quant = if c == '{' {
                        self.brace_quant()
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
                        return Err(err("multiple repeat", start));
                    }
                    if !can_repeat {
                        return Err(err("nothing to repeat", start));
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
                            return Err(needs_backtracking("possessive quantifiers", self.i));
                        }
                        _ => {}
                    }
                    after_quant = true;
                }
                '|' => {
                    self.out.push('|');
                    self.i += 1;
                    can_repeat = false;
                    after_quant = false;
                }
                '^' | '$' => {
                    self.out.push(c);
                    self.i += 1;
                    can_repeat = false;
                    after_quant = false;
                }
                '.' => {
                    self.out.push('.');
                    self.i += 1;
                    can_repeat = true;
                    after_quant = false;
                }
                c => {
                    self.out.push_str(&regex::escape(&c.to_string()));
                    self.i += 1;
                    can_repeat = true;
                    after_quant = false;
                }
            }
        }
        Ok(())
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` at `self.i`: the crate text (consumed), or None when
    /// the brace is a literal.
    fn brace_quant(&mut self) -> Option<String> {
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
        if self.at(k) != Some('}')
            || (lo.is_empty() && hi.as_deref().is_none_or(str::is_empty) && hi.is_none())
        {
            return None;
        }
        if lo.is_empty() && hi.is_none() {
            return None;
        }
        self.i = k + 1;
        let lo = if lo.is_empty() { "0".to_string() } else { lo };
        Some(match hi {
            None => format!("{{{lo}}}"),
            Some(h) => format!("{{{lo},{h}}}"),
        })
    }

    fn group_open(&mut self) -> Result<(), TransError> {
        let start = self.i;
        if self.at(self.i + 1) != Some('?') {
            self.out.push('(');
            self.i += 1;
            self.depth += 1;
            return Ok(());
        }
        let k = self.i + 2;
        match self.at(k) {
            Some('P') => match self.at(k + 1) {
                Some('<') => {
                    let mut j = k + 2;
                    let mut name = String::new();
                    while let Some(c) = self.at(j).filter(|&c| c != '>') {
                        name.push(c);
                        j += 1;
                    }
                    if self.at(j) != Some('>') {
                        return Err(err("missing >, unterminated name", k + 2));
                    }
                    let valid = name
                        .chars()
                        .next()
                        .is_some_and(|c| c == '_' || c.is_alphabetic())
                        && name.chars().all(|c| c == '_' || c.is_alphanumeric());
                    if !valid {
                        return Err(err(format!("bad character in group name '{name}'"), k + 2));
                    }
                    self.out.push_str(&format!("(?P<{name}>"));
                    self.i = j + 1;
                    self.depth += 1;
                    Ok(())
                }
                Some('=') => Err(needs_backtracking("named backreferences (?P=name)", start)),
                _ => Err(err("unknown extension ?P", start + 1)),
            },
            Some(':') => {
                self.out.push_str("(?:");
                self.i = k + 1;
                self.depth += 1;
                Ok(())
            }
            Some('=') | Some('!') => Err(needs_backtracking("look-ahead assertions", start)),
            Some('<') if matches!(self.at(k + 1), Some('=') | Some('!')) => {
                Err(needs_backtracking("look-behind assertions", start))
            }
            Some('<') => {
                // (?<name>...) is not Python syntax before 3.12... but CPython 3.11 rejects it.
                Err(err("unknown extension ?<", start + 1))
            }
            Some('>') => Err(needs_backtracking("atomic groups", start)),
            Some('(') => Err(needs_backtracking("conditional groups", start)),
            Some('#') => {
                let mut j = k;
                while self.at(j).is_some_and(|c| c != ')') {
                    j += 1;
                }
                if self.at(j).is_none() {
                    return Err(err("missing ), unterminated comment", start));
                }
                self.i = j + 1;
                Ok(())
            }
            _ => {
                // Scoped flags (?imsx-imsx:...).
                let mut j = k;
                let mut on = String::new();
                let mut off = String::new();
                let mut neg = false;
                while let Some(c) = self.at(j) {
                    match c {
                        '-' if !neg => neg = true,
                        'i' | 'm' | 's' => {
                            if neg {
                                off.push(c)
                            } else {
                                on.push(c)
                            }
                        }
                        'a' | 'u' | 'L' | 'x' => {}
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
                        self.depth += 1;
                        Ok(())
                    }
                    Some(')') if j > k => Err(err(
                        "global flags not at the start of the expression",
                        start,
                    )),
                    Some(c) => Err(err(format!("unknown extension ?{c}"), start + 1)),
                    None => Err(err("unexpected end of pattern", j)),
                }
            }
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
                        '1'..='9' => {
                            // Octal escapes only; treat \1.. as bad like CPython mostly does.
                            return Err(err(format!("bad escape \\{e}"), esc_start));
                        }
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
