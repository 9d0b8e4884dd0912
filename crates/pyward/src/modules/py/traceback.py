"""Print or format exceptions as CPython's traceback module does, from the tracebacks the
sandbox records (file, line and function of each entry; there are no frame objects, so the
stack functions and TracebackException are absent). Lines carry no `^^^` markers: pyward
records lines, not columns."""

import sys
import _sandbox

__all__ = ['extract_tb', 'format_exc', 'format_exception', 'format_exception_only',
           'format_list', 'format_tb', 'print_exc', 'print_exception', 'print_list',
           'print_tb', 'FrameSummary', 'StackSummary']

_sentinel = object()
_RECURSIVE_CUTOFF = 3
_CHAIN_MESSAGES = (
    'The above exception was the direct cause of the following exception:\n',
    'During handling of the above exception, another exception occurred:\n',
)


class FrameSummary:
    """One traceback entry: filename, lineno, name and the source line."""

    __slots__ = ('filename', 'lineno', 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

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
    def line(self):
        if self._line is None:
            return None
        return self._line.strip()


class StackSummary(list):
    """A list of FrameSummary objects, outermost first."""

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
            row.append('    {}\n'.format(frame_summary.line))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            if (last_file is None or last_file != frame_summary.filename
                    or last_line is None or last_line != frame_summary.lineno
                    or last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(
                        f'  [Previous line repeated {count} more '
                        f'time{"s" if count > 1 else ""}]\n')
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(frame_summary))
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(
                f'  [Previous line repeated {count} more '
                f'time{"s" if count > 1 else ""}]\n')
        return result


def _limited(items, limit):
    # The first `limit` entries, or the last `-limit` (StackSummary._extract_from_extended_frame_gen).
    if limit is None:
        return items
    if limit >= 0:
        return items[:limit]
    return items[max(len(items) + limit, 0):]


def extract_tb(tb, limit=None):
    """The entries of traceback `tb`, outermost first, as a StackSummary."""
    if tb is None:
        return StackSummary()
    return StackSummary.from_list(_limited(_sandbox.tb_entries(tb), limit))


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(
                f'Exception expected for value, {type(exc).__name__} found')
        return None, None
    return value, tb


def _entries(text):
    # As traceback.py yields them: one string per frame (its line and source), and the
    # sentence between chained exceptions with its blank lines.
    out = []
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip(' |').startswith('File "'):
            entry = line
            while i + 1 < len(lines) and lines[i + 1].startswith('    ') \
                    and not lines[i + 1].lstrip().startswith('File "'):
                i += 1
                entry += lines[i]
            out.append(entry)
        elif line == '\n' and i + 2 < len(lines) and lines[i + 1] in _CHAIN_MESSAGES \
                and lines[i + 2] == '\n':
            out.append(line + lines[i + 1] + lines[i + 2])
            i += 2
        else:
            out.append(line)
        i += 1
    return out


def format_exception_only(exc, /, value=_sentinel):
    """The last lines of a traceback: the exception's type and message (and notes)."""
    if value is _sentinel:
        value = exc
    if value is None:
        return ['NoneType: None\n']
    return _entries(_sandbox.format_exception(value, False, 0))


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines of the traceback printed for an uncaught `exc`, as a list of strings."""
    value, tb = _parse_value_tb(exc, value, tb)
    if value is None:
        return ['NoneType: None\n']
    return _entries(_sandbox.format_exception(value, chain, limit))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """The traceback of the exception being handled, as one string."""
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)
