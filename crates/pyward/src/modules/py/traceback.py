"""traceback: print and format exceptions and their tracebacks as CPython 3.11 does.

The text comes from the interpreter's own traceback printer (`_sandbox.format_exception`,
the one that prints uncaught exceptions), so `format_exc()` matches what an uncaught
exception would print, carets and chained exceptions included. There are no frame objects:
`FrameSummary` entries are built from the exception's traceback entries, and the functions
that walk live frames (`extract_stack`, `walk_stack`, `walk_tb`) are not provided.
"""

import sys
import _sandbox

__all__ = ['extract_tb', 'format_exc', 'format_exception', 'format_exception_only',
           'format_list', 'format_tb', 'print_exc', 'print_exception', 'print_list',
           'print_tb', 'FrameSummary', 'StackSummary', 'TracebackException']

_sentinel = object()


def _exception(exc, value, tb):
    """The exception of the (exc) and legacy (type, value, tb) call forms."""
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is not _sentinel:
        return value
    return exc


def _chunks(text):
    """CPython's pieces of a formatted exception: a frame's `File ..., in name` line
    together with its source and caret lines, every other line on its own (a SyntaxError's
    location lines too)."""
    out = []
    frame = False
    for line in text.splitlines(keepends=True):
        if frame and line.startswith('    '):
            out[-1] += line
            continue
        head = line.lstrip(' |')
        frame = head.startswith('File "') and ', in ' in head
        if out and out[-1].strip(' |') == '\n' and head in _CHAIN_MESSAGES:
            # The sentence between chained exceptions is one piece with its blank lines.
            out[-1] += line
            continue
        if line.strip(' |') == '\n' and out and out[-1].endswith(_CHAIN_MESSAGES):
            out[-1] += line
            continue
        out.append(line)
    return out


_CHAIN_MESSAGES = (
    'The above exception was the direct cause of the following exception:\n',
    'During handling of the above exception, another exception occurred:\n',
)


def _text(value, chain, limit, only):
    if value is None:
        return 'NoneType: None\n'
    if not isinstance(value, BaseException):
        raise TypeError(f"Exception expected for value, {type(value).__name__} found")
    return _sandbox.format_exception(value, chain, limit, only)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines that print the exception, its traceback and its causes and contexts."""
    return _chunks(_text(_exception(exc, value, tb), chain, limit, False))


def format_exception_only(exc, /, value=_sentinel):
    """The lines that print the exception alone (`TypeName: message` and its notes)."""
    if value is _sentinel:
        value = exc
    if value is None:
        return ['NoneType: None\n']
    return _chunks(_text(value, False, None, True))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None,
                    chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    """The exception being handled, formatted as one string."""
    return ''.join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled."""
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


class FrameSummary:
    """One traceback entry: file, line number, function name and source line."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno', 'name',
                 '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None,
                 line=None, end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _sandbox.source_line(self.filename, self.lineno) or ''
        return self._line.strip()


_RECURSIVE_CUTOFF = 3


class StackSummary(list):
    """A list of `FrameSummary` entries, outermost first."""

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            original = frame_summary._original_line
            row.append('    {}\n'.format(original.lstrip(' \t\f').rstrip('\r\n')))
            if frame_summary.colno is not None and frame_summary.end_colno is not None:
                carets = _sandbox.carets(original.rstrip('\r\n'), frame_summary.lineno,
                                         frame_summary.end_lineno, frame_summary.colno,
                                         frame_summary.end_colno)
                if carets is not None:
                    row.append('    {}\n'.format(carets))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        result = []
        last = None
        count = 0
        for frame in self:
            if (last is None or last.filename != frame.filename
                    or last.lineno != frame.lineno or last.name != frame.name):
                if count > _RECURSIVE_CUTOFF:
                    result.append(_repeated(count - _RECURSIVE_CUTOFF))
                last = frame
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(frame))
        if count > _RECURSIVE_CUTOFF:
            result.append(_repeated(count - _RECURSIVE_CUTOFF))
        return result


def _repeated(n):
    return f'  [Previous line repeated {n} more time{"s" if n > 1 else ""}]\n'


def _limited(entries, limit):
    if limit is None:
        return entries
    if limit >= 0:
        return entries[:limit]
    return entries[limit:]


def extract_tb(tb, limit=None):
    """The entries of a traceback (or of an exception's traceback), outermost first."""
    if tb is None:
        return StackSummary()
    entries = _sandbox.tb_entries(tb)
    return StackSummary(
        FrameSummary(filename, lineno, name, end_lineno=end_lineno, colno=colno,
                     end_colno=end_colno)
        for filename, lineno, name, end_lineno, colno, end_colno in _limited(entries, limit))


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end='')


class TracebackException:
    """An exception captured for formatting later: its type, entries and chain."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        self._value = exc_value
        self._limit = limit
        self.exc_type = exc_type
        self._str = '' if exc_value is None else _safe_str(exc_value)
        self.__notes__ = getattr(exc_value, '__notes__', None)
        self.stack = extract_tb(exc_value if exc_traceback is not None else None,
                                limit=limit)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        seen = _seen if _seen is not None else set()
        seen.add(id(exc_value))
        self.__cause__ = self.__context__ = None
        self.__suppress_context__ = False
        if exc_value is not None:
            self.__suppress_context__ = exc_value.__suppress_context__
            for attr in ('__cause__', '__context__'):
                linked = getattr(exc_value, attr)
                if linked is not None and id(linked) not in seen:
                    setattr(self, attr, TracebackException(
                        type(linked), linked, linked.__traceback__, limit=limit,
                        _seen=seen))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self._value is None:
            yield 'NoneType: None\n'
            return
        yield from format_exception_only(self._value)

    def format(self, *, chain=True):
        if self._value is None:
            yield 'NoneType: None\n'
            return
        yield from format_exception(self._value, limit=self._limit, chain=chain)

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end='')


def _safe_str(value):
    try:
        return str(value)
    except Exception:
        return '<exception str() failed>'
