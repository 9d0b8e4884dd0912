"""re: CPython 3.11's re API over pyward's matcher (_re).

Patterns run on a linear-time engine; those with backreferences, look-around, atomic
groups, possessive quantifiers or conditionals run on a backtracking engine with a step
budget (_re.MAX_BACKTRACK per search), past which the search raises re.error.
"""

import _re

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
           "compile", "purge", "escape", "error", "Pattern", "Match", "A", "I", "L", "M",
           "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
           "UNICODE", "NOFLAG"]

NOFLAG = 0
IGNORECASE = I = 2
LOCALE = L = 4
MULTILINE = M = 8
DOTALL = S = 16
UNICODE = U = 32
VERBOSE = X = 64
ASCII = A = 256
TEMPLATE = T = 1
DEBUG = 128

_FLAG_NAMES = [(2, 'IGNORECASE'), (4, 'LOCALE'), (8, 'MULTILINE'), (16, 'DOTALL'),
               (32, 'UNICODE'), (64, 'VERBOSE'), (128, 'DEBUG'), (256, 'ASCII')]


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            self.lineno, last = 1, -1
            for k in range(min(pos, len(pattern))):
                if pattern[k] == '\n':
                    self.lineno += 1
                    last = k
            self.colno = pos - last
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


PatternError = error


class Pattern:
    def __init__(self, pattern, flags):
        if isinstance(flags, bool) or not isinstance(flags, int):
            flags = int(flags)
        r = _re.compile(pattern, flags)
        if not r[0]:
            raise error(r[1], pattern, r[2])
        self.pattern = pattern
        self._flags_in = flags
        self.groups = r[1]
        self.flags = r[2]
        self.groupindex = dict(r[3])

    def __repr__(self):
        flags = self.flags & ~32
        s = 're.compile(%r' % (self.pattern,)
        if flags:
            names = [('re.' + n) for bit, n in _FLAG_NAMES if flags & bit]
            s += ', ' + '|'.join(names)
        return s + ')'

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _search(self, string, pos, endpos, mode):
        spans = _re.search(self.pattern, self._flags_in, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def search(self, string, pos=0, endpos=None):
        return self._search(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._search(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._search(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        return self._iter(string, pos, endpos)

    def _iter(self, string, pos, endpos):
        # Matches come from _re in chunks of growing size, so a loop that stops early
        # costs little and a long one costs few round trips.
        at, empty, limit = pos, -1, 16
        while True:
            chunk = _re.finditer(self.pattern, self._flags_in, string, pos, endpos, at, empty, limit)
            for sp in chunk:
                yield Match(self, string, sp, pos, endpos)
            if len(chunk) < limit:
                return
            last = chunk[-1]
            at = last[1]
            empty = last[1] if last[0] == last[1] else -1
            if limit < 4096:
                limit *= 2

    def findall(self, string, pos=0, endpos=None):
        return _re.findall(self.pattern, self._flags_in, string, pos, endpos)

    def split(self, string, maxsplit=0):
        return _re.split(self.pattern, self._flags_in, string, maxsplit)

    def subn(self, repl, string, count=0):
        if callable(repl):
            # A Python loop, so garbage from each call is collected as it goes; the pieces
            # are joined as CPython does (a non-str result fails the join, naming its index).
            if not isinstance(string, str):
                raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
            out = []
            last = n = 0
            for m in self._iter(string, 0, None):
                if count and n >= count:
                    break
                s, e = m._spans[0], m._spans[1]
                if last < s:
                    out.append(string[last:s])
                r = repl(m)
                if r is not None:
                    out.append(r)
                last = e
                n += 1
            out.append(string[last:])
            return ''.join(out), n
        template = _parse_template(repl, self)
        return _re.sub(self.pattern, self._flags_in, template, string, count)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError("Pattern.scanner is not supported")


def _isdigit(c):
    return '0' <= c <= '9'


def _isname(name):
    for k, ch in enumerate(name):
        ok = ch == '_' or 'a' <= ch <= 'z' or 'A' <= ch <= 'Z' or ord(ch) > 127
        if not ok and not (k > 0 and _isdigit(ch)):
            return False
    return bool(name)


def _parse_template(repl, pattern):
    """A list of str literals and int group indices."""
    if not isinstance(repl, str):
        raise TypeError('expected str instance, %s found' % type(repl).__name__)
    parts = []
    lit = []
    i = 0
    n = len(repl)
    escapes = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', 'b': '\b', '\\': '\\'}
    while i < n:
        c = repl[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error('bad escape (end of pattern)', repl, i)
        d = repl[i + 1]
        if d == 'g':
            j = i + 2
            while j < n and repl[j] != '>':
                j += 1
            if j >= n:
                j = -1
            if i + 2 >= n or repl[i + 2] != '<':
                raise error('missing <', repl, i + 2)
            if j < 0:
                raise error('missing >, unterminated name', repl, i + 3)
            name = repl[i + 3:j]
            if not name:
                raise error('missing group name', repl, i + 3)
            if all(_isdigit(ch) for ch in name):
                idx = int(name)
                if idx > pattern.groups:
                    raise error('invalid group reference %d' % idx, repl, i + 3)
            else:
                if not _isname(name):
                    raise error("bad character in group name '%s'" % name, repl, i + 3)
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                idx = pattern.groupindex[name]
            parts.append(''.join(lit))
            lit = []
            parts.append(idx)
            i = j + 1
        elif d == '0':
            j = i + 2
            v = 0
            while j < n and j < i + 4 and repl[j] in '01234567':
                v = v * 8 + int(repl[j])
                j += 1
            lit.append(chr(v))
            i = j
        elif _isdigit(d):
            j = i + 2
            if j < n and _isdigit(repl[j]):
                j += 1
            idx = int(repl[i + 1:j])
            if idx > pattern.groups:
                raise error('invalid group reference %d' % idx, repl, i + 1)
            parts.append(''.join(lit))
            lit = []
            parts.append(idx)
            i = j
        elif d in escapes:
            lit.append(escapes[d])
            i += 2
        elif 'a' <= d <= 'z' or 'A' <= d <= 'Z':
            raise error('bad escape \\%s' % d, repl, i)
        else:
            lit.append('\\' + d)
            i += 2
    parts.append(''.join(lit))
    return parts


def _expand(template, m):
    out = []
    for p in template:
        if isinstance(p, int):
            g = m.group(p)
            if g is not None:
                out.append(g)
        else:
            out.append(p)
    return ''.join(out)


class Match:
    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = len(string) if endpos is None else endpos

    @property
    def lastindex(self):
        spans = self._spans
        last = None
        lastend = -1
        for g in range(1, self.re.groups + 1):
            s, e = spans[2 * g], spans[2 * g + 1]
            if s >= 0 and e > lastend:
                last = g
                lastend = e
        return last

    @property
    def lastgroup(self):
        last = self.lastindex
        if last is not None:
            for name, idx in self.re.groupindex.items():
                if idx == last:
                    return name
        return None

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool) or type(g) is bool:
            if 0 <= g <= self.re.groups:
                return int(g)
            raise IndexError('no such group')
        if isinstance(g, str):
            if g in self.re.groupindex:
                return self.re.groupindex[g]
            raise IndexError('no such group')
        try:
            i = g.__index__()
        except AttributeError:
            raise IndexError('no such group') from None
        return self._index(i)

    def _get(self, i, default=None):
        s, e = self._spans[2 * i], self._spans[2 * i + 1]
        if s < 0:
            return default
        return self.string[s:e]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(idx, default) for name, idx in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * i], self._spans[2 * i + 1]) for i in range(self.re.groups + 1))

    def expand(self, template):
        return _expand(_parse_template(template, self.re), self)

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%r>' % (self._spans[0], self._spans[1], self._get(0))

    def __bool__(self):
        return True


_cache = {}


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, str):
        raise TypeError('first argument must be string or compiled pattern')
    key = (pattern, int(flags))
    p = _cache.get(key)
    if p is None:
        if len(_cache) >= 512:
            _cache.clear()
        p = Pattern(pattern, flags)
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def purge():
    _cache.clear()


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


_special_chars = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join(_special_chars.get(ord(c), c) for c in pattern)
    raise TypeError('escape() argument must be str')
