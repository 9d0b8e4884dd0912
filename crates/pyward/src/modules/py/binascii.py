"""binascii: base64 and hex conversions and CRC-32 over pyward's byte loops (_binascii).

binascii.Error is a ValueError subclass; the native functions raise ValueError with
CPython's message and the wrappers here re-raise it as Error.
"""

import _binascii


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = 'binascii'
Incomplete.__module__ = 'binascii'


def _ascii_data(data):
    """Arguments of the a2b_* functions: bytes-like or ASCII-only str."""
    if isinstance(data, str):
        if not data.isascii():
            raise ValueError("string argument should contain only ASCII characters")
        return data.encode('ascii')
    if isinstance(data, (bytes, bytearray)):
        return data
    raise TypeError(f"argument should be bytes, buffer or ASCII string, not "
                    f"'{type(data).__name__}'")


def _binary_data(data):
    if isinstance(data, (bytes, bytearray)):
        return data
    raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")


def a2b_base64(data, /, *, strict_mode=False):
    """Decode a line of base64 data."""
    data = _ascii_data(data)
    try:
        return _binascii.a2b_base64(data, strict_mode)
    except ValueError as e:
        raise Error(e.args[0]) from None


def b2a_base64(data, /, *, newline=True):
    """Base64-code line of data."""
    return _binascii.b2a_base64(_binary_data(data), newline)


def hexlify(data, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data."""
    data = bytes(_binary_data(data))
    if sep is None:
        return data.hex().encode('ascii')
    return data.hex(sep, bytes_per_sep).encode('ascii')


b2a_hex = hexlify


def unhexlify(hexstr, /):
    """Binary data of hexadecimal representation."""
    hexstr = _ascii_data(hexstr)
    try:
        return _binascii.unhexlify(hexstr)
    except ValueError as e:
        raise Error(e.args[0]) from None


a2b_hex = unhexlify


def crc32(data, crc=0, /):
    """Compute CRC-32 incrementally."""
    return _binascii.crc32(_binary_data(data), crc)
