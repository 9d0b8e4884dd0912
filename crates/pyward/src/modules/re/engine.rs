//! The two matching engines behind `_re` and the one interface the scanners use.
//!
//! A pattern without backtracking features runs on regex-automata's meta engine: linear in
//! pattern size times input size, whatever the input (so `(a+)+$` cannot blow up). A pattern
//! with backreferences, look-around, atomic groups, possessive quantifiers or conditionals
//! runs on fancy-regex, a backtracking engine, under a hard budget of `MAX_BACKTRACK`
//! backtracking steps per search call: past it the search stops and `re.error` is raised
//! (see `mod.rs`), so no search can run long, and the callers check the run's clock between
//! searches.

use regex_automata::meta;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};

use super::translate::{self, HIDDEN_NL, Translated};

/// Compiled programs are capped so a pattern cannot take unbounded memory.
const MAX_REGEX_SIZE: usize = 16 << 20;

/// Backtracking steps one search may take. fancy-regex does roughly 10 to 50 million per
/// second, so a search that hits the budget gives up within a fraction of a second, while
/// backreference and look-around patterns on ordinary text use a tiny part of it.
pub const MAX_BACKTRACK: usize = 2_000_000;

/// How a search is anchored.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Anywhere from the start position on (`search`).
    Search,
    /// Only at the start position (`match`).
    Match,
    /// At the start position and ending at the end of the haystack (`fullmatch`).
    Full,
}

/// Byte spans of Python's groups 0..=groups (None for a group that did not take part).
pub type Spans = Vec<Option<(usize, usize)>>;

/// Why a search could not finish.
pub enum MatchError {
    /// The backtracking engine used up its step budget.
    Backtrack,
    /// Any other failure inside the backtracking engine.
    Other(String),
}

enum Engine {
    Linear {
        /// The pattern, with Python's `$` as `(?:\z|(\n)\z)` (see translate.rs).
        search: meta::Regex,
        /// The pattern wrapped in `(?:...)\z`, with `$` as `\z`.
        full: meta::Regex,
        /// For each engine group: its Python group, or None for a hidden newline group.
        slots: Vec<Option<usize>>,
    },
    Backtrack {
        search: fancy_regex::Regex,
        full: fancy_regex::Regex,
    },
}

/// A compiled pattern.
pub struct Compiled {
    engine: Engine,
    /// Effective flags.
    pub flags: u32,
    /// Python's group count.
    pub groups: usize,
    /// Python's named groups.
    pub names: Vec<(String, usize)>,
}

/// A compile failure: message and position.
pub type CompileError = (String, Option<usize>);

fn linear(src: &str, flags: u32) -> Result<meta::Regex, CompileError> {
    let syn = syntax::Config::new()
        .case_insensitive(flags & translate::I != 0)
        .dot_matches_new_line(flags & translate::S != 0)
        .unicode(true)
        .utf8(true);
    let cfg = meta::Config::new()
        .nfa_size_limit(Some(MAX_REGEX_SIZE))
        .onepass_size_limit(Some(MAX_REGEX_SIZE))
        .dfa_size_limit(Some(MAX_REGEX_SIZE))
        .hybrid_cache_capacity(MAX_REGEX_SIZE);
    meta::Regex::builder()
        .syntax(syn)
        .configure(cfg)
        .build(src)
        .map_err(|e| {
            if e.size_limit().is_some() {
                return ("pattern too large to compile".to_string(), None);
            }
            let text = match e.syntax_error() {
                Some(s) => s.to_string(),
                None => e.to_string(),
            };
            let last = text.lines().rev().find(|l| l.starts_with("error:"));
            let msg = last.map_or(text.clone(), |l| {
                l.trim_start_matches("error: ").to_string()
            });
            (msg, None)
        })
}

fn backtracking(src: &str, flags: u32) -> Result<fancy_regex::Regex, CompileError> {
    fancy_regex::RegexBuilder::new(src)
        .case_insensitive(flags & translate::I != 0)
        .dot_matches_new_line(flags & translate::S != 0)
        .backtrack_limit(MAX_BACKTRACK)
        .delegate_size_limit(MAX_REGEX_SIZE)
        .delegate_dfa_size_limit(MAX_REGEX_SIZE)
        .build()
        .map_err(|e| {
            let msg = match &e {
                fancy_regex::Error::CompileError(c) => match **c {
                    fancy_regex::CompileError::LookBehindNotConst
                    | fancy_regex::CompileError::VariableLookBehindRequiresFeature => {
                        "look-behind requires fixed-width pattern".to_string()
                    }
                    _ => e.to_string(),
                },
                _ => e.to_string(),
            };
            (msg, None)
        })
}

impl Compiled {
    /// Compile a translated pattern (`full_regex` is the linear engine's fullmatch form).
    pub fn new(t: &Translated, full_regex: Option<&str>) -> Result<Compiled, CompileError> {
        let engine = if t.backtrack {
            Engine::Backtrack {
                search: backtracking(&t.regex, t.flags)?,
                full: backtracking(&format!("(?:{})\\z", t.regex), t.flags)?,
            }
        } else {
            let search = linear(&t.regex, t.flags)?;
            let full = linear(
                &format!("(?:{})\\z", full_regex.unwrap_or(&t.regex)),
                t.flags,
            )?;
            let mut slots = Vec::new();
            let mut python = 0;
            for name in search
                .group_info()
                .pattern_names(regex_automata::PatternID::ZERO)
            {
                if name.is_some_and(|n| n.starts_with(HIDDEN_NL)) {
                    slots.push(None);
                } else {
                    slots.push(Some(python));
                    python += 1;
                }
            }
            Engine::Linear {
                search,
                full,
                slots,
            }
        };
        Ok(Compiled {
            engine,
            flags: t.flags,
            groups: t.groups,
            names: t.names.clone(),
        })
    }

    /// Whether searches run on the backtracking engine.
    pub fn backtracks(&self) -> bool {
        matches!(self.engine, Engine::Backtrack { .. })
    }

    /// The first match in `hay` at or after byte `at` (anchored there for Match and Full).
    pub fn find(&self, hay: &str, at: usize, mode: Mode) -> Result<Option<Spans>, MatchError> {
        if at > hay.len() {
            return Ok(None);
        }
        match &self.engine {
            Engine::Linear {
                search,
                full,
                slots,
            } => {
                let re = if mode == Mode::Full { full } else { search };
                let anchored = if mode == Mode::Search {
                    Anchored::No
                } else {
                    Anchored::Yes
                };
                let input = Input::new(hay).range(at..).anchored(anchored);
                let mut caps = re.create_captures();
                re.search_captures(&input, &mut caps);
                if !caps.is_match() {
                    return Ok(None);
                }
                let mut spans: Spans = vec![None; self.groups + 1];
                // Where a hidden group consumed the final newline, if one did.
                let mut cut = None;
                for (i, slot) in slots.iter().enumerate() {
                    let g = caps.get_group(i).map(|s| (s.start, s.end));
                    match slot {
                        Some(p) => {
                            if let Some(s) = spans.get_mut(*p) {
                                *s = g;
                            }
                        }
                        None => {
                            if let Some((s, _)) = g {
                                cut = Some(s);
                            }
                        }
                    }
                }
                if let Some(c) = cut {
                    // `$` matched before the final newline: nothing after it consumed input,
                    // so every span that reaches past the newline's start ends there.
                    for (s, e) in spans.iter_mut().flatten() {
                        *s = (*s).min(c);
                        *e = (*e).min(c);
                    }
                }
                Ok(Some(spans))
            }
            Engine::Backtrack { search, full } => {
                let re = if mode == Mode::Full { full } else { search };
                let input = fancy_regex::RegexInput::new(hay)
                    .from_pos(at)
                    .anchored(mode != Mode::Search);
                let caps = match re.captures_input(input) {
                    Ok(Some(c)) => c,
                    Ok(None) => return Ok(None),
                    Err(fancy_regex::Error::RuntimeError(
                        fancy_regex::RuntimeError::BacktrackLimitExceeded,
                    )) => return Err(MatchError::Backtrack),
                    Err(e) => return Err(MatchError::Other(e.to_string())),
                };
                let spans = (0..=self.groups)
                    .map(|i| caps.get(i).map(|m| (m.start(), m.end())))
                    .collect();
                Ok(Some(spans))
            }
        }
    }
}

/// Successive matches with CPython's rule that an empty match may not start where the
/// previous empty match was found.
pub struct Scanner<'a> {
    c: &'a Compiled,
    hay: &'a str,
    at: usize,
    empty_at: Option<usize>,
}

impl<'a> Scanner<'a> {
    /// Scan `hay` (already cut at endpos) from byte `at`; `empty_at` carries the position
    /// of an empty match just returned by a previous scanner.
    pub fn new(c: &'a Compiled, hay: &'a str, at: usize, empty_at: Option<usize>) -> Self {
        Scanner {
            c,
            hay,
            at,
            empty_at,
        }
    }

    /// The next match and its start and end, or None at the end.
    pub fn next_match(&mut self) -> Result<Option<(Spans, usize, usize)>, MatchError> {
        while self.at <= self.hay.len() {
            let Some(spans) = self.c.find(self.hay, self.at, Mode::Search)? else {
                self.at = self.hay.len() + 1;
                return Ok(None);
            };
            let Some(Some((s, e))) = spans.first().copied() else {
                return Ok(None);
            };
            if s == e && self.empty_at == Some(s) {
                // An empty match where the previous empty one was: move on one char.
                self.at = next_char(self.hay, self.at);
                continue;
            }
            self.empty_at = (s == e).then_some(e);
            self.at = e;
            return Ok(Some((spans, s, e)));
        }
        Ok(None)
    }
}

/// The byte after the char at `b` (past the end when `b` is the end).
pub fn next_char(s: &str, b: usize) -> usize {
    let len = s
        .get(b..)
        .and_then(|r| r.chars().next())
        .map_or(1, char::len_utf8);
    b.saturating_add(len)
}

/// Byte offsets to code-point indices over one string, for offsets visited mostly in
/// increasing order (cost proportional to the distance moved).
pub struct CharPos<'a> {
    s: &'a str,
    ascii: bool,
    byte: usize,
    ch: usize,
}

impl<'a> CharPos<'a> {
    /// A converter over `s`.
    pub fn new(s: &'a str) -> Self {
        CharPos {
            s,
            ascii: s.is_ascii(),
            byte: 0,
            ch: 0,
        }
    }

    /// The code-point index of byte offset `b` (a char boundary).
    pub fn of(&mut self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        let count = |t: Option<&str>| t.map_or(0, |t| t.chars().count());
        if b >= self.byte {
            self.ch += count(self.s.get(self.byte..b));
        } else {
            self.ch = self.ch.saturating_sub(count(self.s.get(b..self.byte)));
        }
        self.byte = b;
        self.ch
    }
}

/// The byte offset of code-point index `ci` in `s` (the end when past it).
pub fn byte_of(s: &str, ci: usize) -> usize {
    if s.is_ascii() {
        return ci.min(s.len());
    }
    s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
}
