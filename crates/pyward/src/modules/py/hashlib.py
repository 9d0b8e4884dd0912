"""hashlib: CPython 3.11's hash constructors over pyward's one-shot digests (_hashlib).

A hash object keeps the bytes it was fed and digests all of them on digest(); copy() copies
that buffer. MD5, SHA-1, SHA-2, SHA-3, SHAKE and BLAKE2 (with key, salt and person) are
supported; nothing here reads files or the host.
"""

import _hashlib

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'blake2s',
           'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
           'new', 'algorithms_guaranteed', 'algorithms_available', 'pbkdf2_hmac')

algorithms_guaranteed = set(('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
                             'blake2b', 'blake2s', 'sha3_224', 'sha3_256', 'sha3_384',
                             'sha3_512', 'shake_128', 'shake_256'))
algorithms_available = set(algorithms_guaranteed) | {'sha512_224', 'sha512_256'}

# name: (digest_size, block_size)
_SIZES = {
    'md5': (16, 64), 'sha1': (20, 64), 'sha224': (28, 64), 'sha256': (32, 64),
    'sha384': (48, 128), 'sha512': (64, 128), 'sha512_224': (28, 128),
    'sha512_256': (32, 128), 'sha3_224': (28, 144), 'sha3_256': (32, 136),
    'sha3_384': (48, 104), 'sha3_512': (64, 72), 'shake_128': (0, 168),
    'shake_256': (0, 136),
}

_EMPTY = b''


def _check_data(data):
    if isinstance(data, str):
        raise TypeError("Strings must be encoded before hashing")
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("object supporting the buffer API required")
    return data


class HASH:
    """A hash object: update() feeds bytes, digest()/hexdigest() read the result."""

    def __init__(self, name, data=_EMPTY):
        self._name = name
        self._buf = bytearray()
        self.digest_size, self.block_size = _SIZES[name]
        if data is not _EMPTY:
            self.update(data)

    @property
    def name(self):
        return self._name

    def update(self, data):
        self._buf.extend(_check_data(data))

    def _raw(self):
        return _hashlib.digest(self._name, bytes(self._buf), 0, _EMPTY, _EMPTY, _EMPTY)

    def digest(self):
        return self._raw()

    def hexdigest(self):
        return self._raw().hex()

    def copy(self):
        other = object.__new__(type(self))
        other.__dict__.update(self.__dict__)
        other._buf = bytearray(self._buf)
        return other

    def __repr__(self):
        return f"<{self._name} {type(self).__module__}.{type(self).__name__} object @ {hex(id(self))}>"


HASH.__module__ = '_hashlib'


class HASHXOF(HASH):
    """SHAKE: digest(length) and hexdigest(length) take the output length."""

    def _xof(self, length):
        if not isinstance(length, int):
            raise TypeError(f"'{type(length).__name__}' object cannot be interpreted as an integer")
        if length < 0:
            raise ValueError("length must be non-negative")
        return _hashlib.digest(self._name, bytes(self._buf), length, _EMPTY, _EMPTY, _EMPTY)

    def digest(self, length):
        return self._xof(length)

    def hexdigest(self, length):
        return self._xof(length).hex()


HASHXOF.__module__ = '_hashlib'


class _Blake2:
    MAX_DIGEST = 64

    def __init__(self, data=_EMPTY, *, digest_size=None, key=b'', salt=b'', person=b'',
                 fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0,
                 last_node=False, usedforsecurity=True):
        m = self.MAX_DIGEST
        if digest_size is None:
            digest_size = m
        if not 1 <= digest_size <= m:
            raise ValueError(f"digest_size must be between 1 and {m} bytes")
        for what, v, limit in (('key', key, m), ('salt', salt, m // 4),
                               ('person', person, m // 4)):
            if isinstance(v, str):
                raise TypeError("Strings must be encoded before hashing")
            if not isinstance(v, (bytes, bytearray)):
                raise TypeError(f"a bytes-like object is required, not '{type(v).__name__}'")
            if len(v) > limit:
                raise ValueError(f"maximum {what} length is {limit} bytes")
        if fanout != 1 or depth != 1 or leaf_size or node_offset or node_depth or inner_size \
                or last_node:
            raise ValueError("pyward: BLAKE2 tree hashing is not supported")
        self.digest_size = digest_size
        self.block_size = 2 * m
        self._key = bytes(key)
        self._salt = bytes(salt)
        self._person = bytes(person)
        self._buf = bytearray()
        if data is not _EMPTY:
            self.update(data)

    update = HASH.update
    copy = HASH.copy
    hexdigest = HASH.hexdigest
    digest = HASH.digest

    @property
    def name(self):
        return type(self).__name__

    def _raw(self):
        return _hashlib.digest(self.name, bytes(self._buf), self.digest_size, self._key,
                               self._salt, self._person)

    def __repr__(self):
        return f"<{type(self).__module__}.{type(self).__name__} object at {hex(id(self))}>"


class blake2b(_Blake2):
    """BLAKE2b: up to 64-byte digests, keys up to 64 bytes."""
    MAX_DIGEST = 64
    SALT_SIZE = 16
    PERSON_SIZE = 16
    MAX_KEY_SIZE = 64


class blake2s(_Blake2):
    """BLAKE2s: up to 32-byte digests, keys up to 32 bytes."""
    MAX_DIGEST = 32
    SALT_SIZE = 8
    PERSON_SIZE = 8
    MAX_KEY_SIZE = 32


blake2b.__module__ = '_blake2'
blake2s.__module__ = '_blake2'


def _constructor(hname):
    cls = HASHXOF if hname.startswith('shake') else HASH

    def construct(data=_EMPTY, *, usedforsecurity=True, string=None):
        if string is not None:
            if data is not _EMPTY:
                raise TypeError("'data' and 'string' are mutually exclusive and support for "
                                "'string' keyword parameter is slated for removal in a future "
                                "version.")
            data = string
        return cls(hname, data)

    construct.__name__ = 'openssl_' + hname
    construct.__qualname__ = 'openssl_' + hname
    return construct


md5 = _constructor('md5')
sha1 = _constructor('sha1')
sha224 = _constructor('sha224')
sha256 = _constructor('sha256')
sha384 = _constructor('sha384')
sha512 = _constructor('sha512')
sha3_224 = _constructor('sha3_224')
sha3_256 = _constructor('sha3_256')
sha3_384 = _constructor('sha3_384')
sha3_512 = _constructor('sha3_512')
shake_128 = _constructor('shake_128')
shake_256 = _constructor('shake_256')


def new(name, data=_EMPTY, **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named algorithm."""
    if not isinstance(name, str):
        raise TypeError("name must be a string")
    key = name.lower()
    if key == 'blake2b':
        return blake2b(data, **kwargs)
    if key == 'blake2s':
        return blake2s(data, **kwargs)
    if key not in _SIZES:
        raise ValueError(f"unsupported hash type {name}")
    if data is not _EMPTY:
        _check_data(data)
    return _constructor(key)(data, **kwargs)


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password-based key derivation function 2 (PKCS #5 v2.0) with HMAC as the PRF."""
    import hmac as _hmac
    if not isinstance(hash_name, str):
        raise TypeError(f"pbkdf2_hmac() argument 'hash_name' must be str, not "
                        f"{type(hash_name).__name__}")
    password = bytes(_check_data(password))
    salt = bytes(_check_data(salt))
    if iterations < 1:
        raise ValueError("iteration value must be greater than 0.")
    inner = new(hash_name)
    if dklen is None:
        dklen = inner.digest_size
    if dklen < 1:
        raise ValueError("key length must be greater than 0.")
    mac = _hmac.new(password, None, lambda d=b'': new(hash_name, d))
    dkey = b''
    loop = 1
    while len(dkey) < dklen:
        m = mac.copy()
        m.update(salt + loop.to_bytes(4, 'big'))
        prev = m.digest()
        rkey = int.from_bytes(prev, 'big')
        for _ in range(iterations - 1):
            m = mac.copy()
            m.update(prev)
            prev = m.digest()
            rkey ^= int.from_bytes(prev, 'big')
        loop += 1
        dkey += rkey.to_bytes(inner.digest_size, 'big')
    return dkey[:dklen]
