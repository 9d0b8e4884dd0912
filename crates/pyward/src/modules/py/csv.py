"""csv: CPython 3.11's csv reader and writer (the state machine of Modules/_csv.c), dialects,
DictReader and DictWriter.

Readers take any iterable of str lines; writers any object with a `write` method. Messages
match CPython's, including the 3.11 rule that a field is quoted when it contains a character
of the lineterminator.
"""

__all__ = ['QUOTE_MINIMAL', 'QUOTE_ALL', 'QUOTE_NONNUMERIC', 'QUOTE_NONE', 'Error', 'Dialect',
           'excel', 'excel_tab', 'unix_dialect', 'reader', 'writer', 'register_dialect',
           'get_dialect', 'list_dialects', 'unregister_dialect', 'field_size_limit',
           'DictReader', 'DictWriter', 'Sniffer']

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)
_field_limit = 128 * 1024


class Error(Exception):
    # CPython's is _csv.Error: an uncaught one prints as _csv.Error.
    __module__ = '_csv'


class Dialect:
    """Describe a CSV dialect (the defaults are validated when a reader or writer is made)."""

    _name = ''
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = False

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        _Params(self, {})


class excel(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    delimiter = '\t'


class unix_dialect(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


_dialects = {'excel': excel, 'excel-tab': excel_tab, 'unix': unix_dialect}


def _char(name, v, allow_none):
    if v is None and allow_none:
        return None
    if not isinstance(v, str):
        if allow_none:
            raise TypeError(f'"{name}" must be string or None, not {type(v).__name__}')
        raise TypeError(f'"{name}" must be string, not {type(v).__name__}')
    if len(v) != 1:
        raise TypeError(f'"{name}" must be a 1-character string')
    return v


class _Params:
    """A validated dialect: the base dialect's attributes overridden by keyword arguments."""

    def __init__(self, dialect, kw):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        names = ('delimiter', 'quotechar', 'escapechar', 'doublequote', 'skipinitialspace',
                 'lineterminator', 'quoting', 'strict')
        for k in kw:
            if k not in names:
                raise TypeError(f"'{k}' is an invalid keyword argument for this function")
        get = lambda k, d: kw[k] if k in kw else (getattr(dialect, k, d)
                                                   if dialect is not None else d)
        delimiter = get('delimiter', ',')
        quotechar = get('quotechar', '"')
        escapechar = get('escapechar', None)
        doublequote = get('doublequote', True)
        skipinitialspace = get('skipinitialspace', False)
        lineterminator = get('lineterminator', '\r\n')
        quoting = get('quoting', QUOTE_MINIMAL)
        strict = get('strict', False)
        if quoting is None:
            quoting = QUOTE_MINIMAL
        if not isinstance(quoting, int) or quoting not in range(4):
            raise TypeError('bad "quoting" value')
        self.delimiter = _char('delimiter', delimiter, False)
        self.escapechar = _char('escapechar', escapechar, True)
        if quotechar is None and 'quotechar' in kw and quoting == QUOTE_MINIMAL:
            quoting = QUOTE_NONE
        self.quotechar = _char('quotechar', quotechar, True)
        if lineterminator is None or not isinstance(lineterminator, str):
            raise TypeError(f'"lineterminator" must be a string, not '
                            f'{type(lineterminator).__name__}')
        if quoting != QUOTE_NONE and self.quotechar is None:
            raise TypeError('quotechar must be set if quoting enabled')
        self.lineterminator = lineterminator
        self.quoting = quoting
        self.doublequote = bool(doublequote)
        self.skipinitialspace = bool(skipinitialspace)
        self.strict = bool(strict)


def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    p = _Params(dialect, fmtparams)
    d = Dialect.__new__(Dialect)
    for k in ('delimiter', 'quotechar', 'escapechar', 'doublequote', 'skipinitialspace',
              'lineterminator', 'quoting', 'strict'):
        setattr(d, k, getattr(p, k))
    _dialects[name] = d


def unregister_dialect(name):
    if name not in _dialects:
        raise Error('unknown dialect')
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect') from None


def list_dialects():
    return list(_dialects)


def field_size_limit(*args):
    global _field_limit
    if len(args) > 1:
        raise TypeError(f'field_size_limit expected at most 1 argument, got {len(args)}')
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError('limit must be an integer')
        _field_limit = args[0]
    return old


_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD = range(5)
_ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL = range(5, 9)
_EOL = None


class _Reader:
    def __init__(self, f, dialect, kw):
        self._it = iter(f)
        self.dialect = _Params(dialect, kw)
        self.line_num = 0
        self._state = _START_RECORD
        self._fields = []
        self._field = []
        self._numeric = False

    def __iter__(self):
        return self

    def _save(self):
        s = ''.join(self._field)
        self._field = []
        if self._numeric:
            self._numeric = False
            s = float(s)
        self._fields.append(s)

    def _add(self, c):
        if len(self._field) >= _field_limit:
            raise Error(f'field larger than field limit ({_field_limit})')
        self._field.append(c)

    def __next__(self):
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._numeric = False
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error('unexpected end of data')
                    self._save()
                    return self._fields
                raise
            if not isinstance(line, str):
                raise Error(f'iterator should return strings, not {type(line).__name__} '
                            f'(the file should be opened in text mode)')
            self.line_num += 1
            for c in line:
                self._char(c)
            self._char(_EOL)
            if self._state == _START_RECORD:
                return self._fields

    def _char(self, c):
        d = self.dialect
        st = self._state
        if st == _START_RECORD:
            if c is _EOL:
                return
            if c == '\n' or c == '\r':
                self._state = _EAT_CRNL
                return
            st = self._state = _START_FIELD
        if st == _START_FIELD:
            if c is _EOL or c == '\n' or c == '\r':
                self._save()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == ' ' and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save()
            else:
                if d.quoting == QUOTE_NONNUMERIC:
                    self._numeric = True
                self._add(c)
                self._state = _IN_FIELD
        elif st == _ESCAPED_CHAR:
            if c == '\n' or c == '\r':
                self._add(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            self._add('\n' if c is _EOL else c)
            self._state = _IN_FIELD
        elif st == _IN_FIELD or st == _AFTER_ESCAPED_CRNL:
            if st == _AFTER_ESCAPED_CRNL and c is _EOL:
                return
            if c is _EOL or c == '\n' or c == '\r':
                self._save()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d.delimiter:
                self._save()
                self._state = _START_FIELD
            else:
                self._add(c)
                self._state = _IN_FIELD
        elif st == _IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d.escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
            else:
                self._add(c)
        elif st == _ESCAPE_IN_QUOTED_FIELD:
            self._add('\n' if c is _EOL else c)
            self._state = _IN_QUOTED_FIELD
        elif st == _QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save()
                self._state = _START_FIELD
            elif c is _EOL or c == '\n' or c == '\r':
                self._save()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif not d.strict:
                self._add(c)
                self._state = _IN_FIELD
            else:
                raise Error(f"'{d.delimiter}' expected after '{d.quotechar}'")
        elif st == _EAT_CRNL:
            if c == '\n' or c == '\r':
                pass
            elif c is _EOL:
                self._state = _START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - do you need to open "
                            "the file with newline=''?")


def reader(csvfile, dialect='excel', **fmtparams):
    return _Reader(csvfile, dialect, fmtparams)


class _Writer:
    def __init__(self, f, dialect, kw):
        try:
            self._write = f.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method') from None
        self.dialect = _Params(dialect, kw)

    def _field(self, v, only):
        d = self.dialect
        if v is None:
            s = ''
            quoted = d.quoting in (QUOTE_ALL, QUOTE_NONNUMERIC)
        else:
            quoted = (d.quoting == QUOTE_ALL or
                      (d.quoting == QUOTE_NONNUMERIC and not isinstance(v, (int, float))))
            s = v if isinstance(v, str) else str(v)
        if only and s == '':
            if d.quoting == QUOTE_NONE:
                raise Error('single empty field record must be quoted')
            quoted = True
        out = []
        for c in s:
            want_escape = False
            if (c == d.delimiter or c == d.escapechar or c == d.quotechar
                    or c in d.lineterminator):
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(c)
                        else:
                            want_escape = True
                    elif c == d.escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    out.append(d.escapechar)
            out.append(c)
        s = ''.join(out)
        if quoted:
            s = d.quotechar + s + d.quotechar
        return s

    def writerow(self, row):
        try:
            items = list(row)
        except TypeError:
            raise Error(f'iterable expected, not {type(row).__name__}') from None
        only = len(items) == 1
        line = self.dialect.delimiter.join([self._field(v, only) for v in items])
        return self._write(line + self.dialect.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, dialect='excel', **fmtparams):
    return _Writer(csvfile, dialect, fmtparams)


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect='excel',
                 *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval='', extrasaction='raise', dialect='excel',
                 *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ('raise', 'ignore'):
            raise ValueError(f"extrasaction ({extrasaction}) must be 'raise' or 'ignore'")
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        return self.writerow(dict(zip(self.fieldnames, self.fieldnames)))

    def _dict_to_list(self, rowdict):
        if self.extrasaction == 'raise':
            wrong = [k for k in rowdict if k not in self.fieldnames]
            if wrong:
                raise ValueError('dict contains fields not in fieldnames: '
                                 + ', '.join([repr(x) for x in wrong]))
        return [rowdict.get(key, self.restval) for key in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))


class Sniffer:
    """Guess the dialect of a sample (delimiter by consistent frequency; has_header)."""

    def sniff(self, sample, delimiters=None):
        lines = [ln for ln in sample.split('\n') if ln.strip()]
        cands = delimiters or ',\t;|: '
        best = None
        for c in cands:
            counts = [ln.count(c) for ln in lines]
            if counts and counts[0] > 0 and all(n == counts[0] for n in counts):
                best = c
                break
        if best is None:
            raise Error('Could not determine delimiter')

        class sniffed(Dialect):
            delimiter = best
            quotechar = '"'
            doublequote = True
            skipinitialspace = False
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL
        return sniffed

    def has_header(self, sample):
        rows = list(reader(sample.splitlines()))
        if len(rows) < 2:
            return False
        header, rest = rows[0], rows[1:]

        def numeric(s):
            try:
                float(s)
                return True
            except ValueError:
                return False
        return any(not numeric(h) and all(numeric(r[i]) for r in rest if i < len(r))
                   for i, h in enumerate(header))
