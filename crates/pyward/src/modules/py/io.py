"""io: in-memory streams (StringIO, BytesIO) with CPython 3.11's behaviour.

The sandbox has no files, so only the in-memory classes and the names agents import
(SEEK_*, UnsupportedOperation, the base classes for isinstance checks) exist. Appends at the
end are kept as chunks and joined on demand, so building a large text is linear.
"""

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError):
    pass


class IOBase:
    pass


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


class _MemIO:
    """Shared machinery: a buffer (str or bytes), a position, chunks appended at the end."""

    def _init(self, empty):
        self._empty = empty
        self._buf = empty
        self._chunks = []
        self._len = 0
        self._pos = 0
        self._closed = False

    _closed_msg = 'I/O operation on closed file.'

    def _check(self):
        if self._closed:
            raise ValueError(self._closed_msg)

    def _value(self):
        if self._chunks:
            self._buf = self._empty.join([self._buf] + self._chunks)
            self._chunks = []
        return self._buf

    def _put(self, s):
        n = len(s)
        if self._pos == self._len:
            if n:
                self._chunks.append(s)
        else:
            buf = self._value()
            if self._pos > self._len:
                pad = '\0' if isinstance(buf, str) else b'\0'
                buf = buf + pad * (self._pos - self._len)
            self._buf = buf[:self._pos] + s + buf[self._pos + n:]
        self._pos += n
        self._len = max(self._len, self._pos)

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True
        self._buf = self._empty
        self._chunks = []

    def getvalue(self):
        self._check()
        return self._value()

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError(f'Negative seek position {pos}')
            self._pos = pos
        elif whence == 1:
            self._seek_rel(pos, self._pos)
        elif whence == 2:
            self._seek_rel(pos, self._len)
        else:
            raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def _seek_rel(self, pos, base):
        if pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        self._pos = base

    def read(self, size=-1):
        self._check()
        if size is None:
            size = -1
        buf = self._value()
        end = self._len if size < 0 else min(self._len, self._pos + size)
        start = min(self._pos, self._len)
        r = buf[start:end]
        self._pos = max(self._pos, end)
        return r

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f'Negative size value {size}')
        if size < self._len:
            self._buf = self._value()[:size]
            self._len = size
        return size

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def isatty(self):
        self._check()
        return False

    def fileno(self):
        raise UnsupportedOperation('fileno')


class StringIO(_MemIO, TextIOBase):
    """An in-memory text stream."""

    _closed_msg = 'I/O operation on closed file'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f'newline must be str or None, not {type(newline).__name__}')
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f'illegal newline value: {newline!r}')
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f'initial_value must be str or None, not '
                            f'{type(initial_value).__name__}')
        self._newline = newline
        self._init('')
        self._seen = set()
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    @property
    def newlines(self):
        if self._newline is not None:
            return None
        seen = [k for k in ('\r', '\n', '\r\n') if k in self._seen]
        if not seen:
            return None
        return seen[0] if len(seen) == 1 else tuple(seen)

    line_buffering = False
    encoding = None
    errors = None

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError(f'string argument expected, got {type(s).__name__!r}')
        n = len(s)
        nl = self._newline
        if nl is None:
            if '\r' in s:
                if '\r\n' in s:
                    self._seen.add('\r\n')
                if '\r' in s.replace('\r\n', ''):
                    self._seen.add('\r')
                s = s.replace('\r\n', '\n').replace('\r', '\n')
            if '\n' in s.replace('\r\n', ''):
                self._seen.add('\n')
        elif nl in ('\r', '\r\n'):
            s = s.replace('\n', nl)
        self._put(s)
        return n

    def readline(self, size=-1):
        self._check()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError(f"'{type(size).__name__}' object cannot be interpreted as an "
                            f"integer")
        buf = self._value()
        start = self._pos
        if start >= self._len:
            return ''
        nl = self._newline
        if nl == '':
            i = start
            n = self._len
            end = n
            while i < n:
                c = buf[i]
                if c == '\n':
                    end = i + 1
                    break
                if c == '\r':
                    end = i + 2 if i + 1 < n and buf[i + 1] == '\n' else i + 1
                    break
                i += 1
        else:
            sep = '\n' if nl is None else nl
            j = buf.find(sep, start)
            end = self._len if j < 0 else j + len(sep)
        if 0 <= size < end - start:
            end = start + size
        self._pos = end
        return buf[start:end]

    def detach(self):
        raise UnsupportedOperation('detach')

    def __repr__(self):
        return f'<_io.StringIO object at {hex(id(self))}>'


class BytesIO(_MemIO, BufferedIOBase):
    """An in-memory binary stream."""

    def __init__(self, initial_bytes=b''):
        self._init(b'')
        if initial_bytes:
            self.write(initial_bytes)
            self._pos = 0

    def write(self, b):
        self._check()
        if isinstance(b, str) or not isinstance(b, (bytes, bytearray)):
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")
        b = bytes(b)
        self._put(b)
        return len(b)

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        self._check()
        if size is None:
            size = -1
        buf = self._value()
        start = self._pos
        if start >= self._len:
            return b''
        j = buf.find(b'\n', start)
        end = self._len if j < 0 else j + 1
        if 0 <= size < end - start:
            end = start + size
        self._pos = end
        return buf[start:end]

    def getbuffer(self):
        self._check()
        return bytearray(self._value())

    def __repr__(self):
        return f'<_io.BytesIO object at {hex(id(self))}>'


def open(*args, **kwargs):
    raise OSError('file system access is not available in the sandbox')
