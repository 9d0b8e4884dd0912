# base64 and binascii: encoders, decoders, padding and strict-mode errors, str arguments.
import base64
import binascii

print(binascii.crc32(b'hello world'), binascii.crc32(b'world', binascii.crc32(b'hello ')))
print(binascii.hexlify(b'\x01\xab'), binascii.unhexlify('01ab'), binascii.hexlify(b'\x01\x02\x03', '-'))
print(binascii.b2a_base64(b'hi'), binascii.b2a_base64(b'hi', newline=False), binascii.a2b_base64('aGk='))
print(issubclass(binascii.Error, ValueError), binascii.Error)

for bad in ['abc', 'abcde', 'a', '=', 'ab=c', 'ab==', 'ab=', 'abc=', 'YQ==YQ==', '!!!!YWJj',
            'YW Jj', 'YWJj=', '=YWJj', 'YW=Jj', 'YW==Jj', 'YWJ=j', 'YWJj\n', 'Y===', 'é']:
    for v in [False, True]:
        try:
            print(repr(bad), v, base64.b64decode(bad, validate=v))
        except Exception as e:
            print(repr(bad), v, type(e).__name__, e)

cases = [
    lambda: binascii.unhexlify('abc'),
    lambda: binascii.unhexlify('zz'),
    lambda: base64.b16decode('ab'),
    lambda: base64.b16decode('ab', casefold=True),
    lambda: base64.b32decode('abc'),
    lambda: base64.b32decode('MFRGG==='),
    lambda: base64.b32decode('MFRGG=1='),
    lambda: base64.b64encode('str'),
    lambda: base64.b64decode(12),
    lambda: base64.b85decode(b'|||||'),
    lambda: base64.a85decode(b'xyz'),
    lambda: binascii.b2a_base64('x'),
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

for d in [b'', b'a', b'ab', b'abc', b'abcd', b'abcde', b'abcdef', bytes(range(256))]:
    print(base64.b64encode(d)[:40], base64.b32encode(d)[:40], base64.b32hexencode(d)[:40])
    print(base64.b85encode(d)[:40], base64.a85encode(d)[:40], base64.b16encode(d)[:20])
    print(base64.a85encode(d, adobe=True, wrapcol=10)[:40])
    print(base64.b32decode(base64.b32encode(d)) == d, base64.b85decode(base64.b85encode(d)) == d,
          base64.a85decode(base64.a85encode(d)) == d, base64.b64decode(base64.b64encode(d)) == d)
    print(base64.encodebytes(d)[-20:], base64.urlsafe_b64decode(base64.urlsafe_b64encode(d)) == d,
          base64.b64encode(d, altchars=b'*-')[-8:])
print(base64.a85encode(b'\0\0\0\0    ', foldspaces=True), base64.b32decode('mfrgg===', casefold=True))
print(base64.b32decode('MFRGGZDFMZTWQ2LKNNWG23Q0', map01='L'))
print(base64.urlsafe_b64encode(b'\xfb\xff\xfe'), base64.urlsafe_b64decode('-_-_'))
print(base64.b64decode(b'-_-_', altchars=b'-_'), base64.standard_b64decode(bytearray(b'YWJj')))
print(base64.b64encode(bytearray(b'xyz')), base64.decodebytes(b'YWJj\nZGVm\n'))
