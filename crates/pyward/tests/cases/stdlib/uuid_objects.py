# uuid: UUID from hex/bytes/bytes_le/fields/int, attributes, uuid3/uuid5 (hashlib), uuid4 shape, comparisons, hashing, errors.
import uuid
u = uuid.UUID('12345678-1234-5678-1234-567812345678')
print(u, repr(u), u.hex, u.int, u.bytes, u.bytes_le, u.fields, u.version, u.variant, u.urn, u.time_low, u.node, u.clock_seq, u.time)
for s in ['{12345678-1234-5678-1234-567812345678}', 'urn:uuid:12345678123456781234567812345678', '12345678123456781234567812345678']:
    print(uuid.UUID(s) == u)
print(uuid.UUID(bytes=b'\x12' * 16), uuid.UUID(int=0), uuid.UUID(int=2**128 - 1), uuid.UUID(fields=(1, 2, 3, 4, 5, 6)), uuid.UUID(bytes_le=bytes(range(16))))
print(uuid.UUID(int=5, version=4), uuid.UUID(int=5, version=4).version, uuid.UUID(int=5).version, uuid.UUID(int=5).variant)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_URL, 'http://x'), uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
a, b = uuid.UUID(int=1), uuid.UUID(int=2)
print(a < b, a == uuid.UUID(int=1), a != b, sorted([b, a]), hash(a) == hash(1), {a: 1}[uuid.UUID(int=1)], int(b), str(a) == '00000000-0000-0000-0000-000000000001', a == 1)
r = uuid.uuid4()
print(type(r).__name__, r.version, r.variant, len(str(r)), r.hex[12], uuid.uuid4() != r)
cases = [lambda: uuid.UUID('xyz'), lambda: uuid.UUID('1234'), lambda: uuid.UUID(), lambda: uuid.UUID(int=-1), lambda: uuid.UUID(int=2**128), lambda: uuid.UUID(bytes=b'x'),
         lambda: uuid.UUID(int=1, version=9), lambda: setattr(a, 'int', 5), lambda: uuid.UUID(fields=(1, 2)), lambda: uuid.UUID('12345678-1234-5678-1234-56781234567g'), lambda: a < 1]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(uuid.RFC_4122, uuid.SafeUUID.unknown, u.is_safe)
