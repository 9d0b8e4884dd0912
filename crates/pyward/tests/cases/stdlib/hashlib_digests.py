# hashlib: every algorithm on several inputs, BLAKE2 parameters, copy/update, hmac, errors.
import hashlib
import hmac

for n in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256',
          'sha3_384', 'sha3_512', 'blake2b', 'blake2s', 'sha512_224', 'sha512_256']:
    for d in [b'', b'abc', b'x' * 200, bytes(range(256)) * 3]:
        h = hashlib.new(n, d)
        print(n, len(d), h.hexdigest(), h.digest_size, h.block_size, h.name)
print(hashlib.shake_128(b'abc').hexdigest(10), hashlib.shake_256(b'x' * 500).hexdigest(300))
print(hashlib.shake_128().digest_size, hashlib.shake_128().name, len(hashlib.shake_256(b'').digest(7)))
for ds in [1, 20, 32, 64]:
    for key in [b'', b'k', b'k' * 64]:
        for d in [b'', b'a', b'x' * 128, b'x' * 129, b'y' * 300]:
            print(ds, len(key), len(d),
                  hashlib.blake2b(d, digest_size=ds, key=key, salt=b's', person=b'pp').hexdigest())
            if ds <= 32 and len(key) <= 32:
                print(hashlib.blake2s(d, digest_size=ds, key=key, salt=b's', person=b'p').hexdigest())
print(hashlib.blake2b(b'data', digest_size=16).name, hashlib.blake2s().digest_size,
      hashlib.blake2b().block_size, hashlib.blake2s().block_size)

h = hashlib.md5(b'a')
c = h.copy()
c.update(b'b')
print(h.hexdigest(), c.hexdigest(), hashlib.md5(b'ab').hexdigest())
h = hashlib.sha256()
for chunk in [b'The quick ', b'brown fox ', bytearray(b'jumps')]:
    h.update(chunk)
print(h.hexdigest() == hashlib.sha256(b'The quick brown fox jumps').hexdigest(), h.digest()[:4])
print(hashlib.sha256(string=b'x').hexdigest()[:12], hashlib.new('SHA256', b'a').name)
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.sha1("caf\u00e9".encode()).hexdigest())

print(hmac.new(b'key', b'msg', hashlib.sha256).hexdigest())
print(hmac.new(b'k' * 100, b'msg', 'md5').hexdigest(), hmac.new(b'k', digestmod='sha1').name)
m = hmac.new(b'secret', digestmod=hashlib.sha512)
m.update(b'part one ')
m2 = m.copy()
m.update(b'part two')
print(m.hexdigest()[:32], m2.hexdigest()[:32], m.digest_size, m.block_size)
print(hmac.digest(b'key', b'msg', 'sha384').hex()[:40], hmac.compare_digest('a', 'a'),
      hmac.compare_digest(b'a', b'b'))
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 100).hex())
print(hashlib.pbkdf2_hmac('sha1', b'pw', b'salt', 3, 50).hex())

cases = [
    lambda: hashlib.sha256('x'),
    lambda: hashlib.sha256(1),
    lambda: hashlib.new('foo'),
    lambda: hashlib.new(1),
    lambda: hashlib.blake2b(digest_size=0),
    lambda: hashlib.blake2b(digest_size=65),
    lambda: hashlib.blake2s(digest_size=33),
    lambda: hashlib.blake2b(key=b'x' * 65),
    lambda: hashlib.blake2b(salt=b'x' * 17),
    lambda: hashlib.blake2b(person=b'x' * 17),
    lambda: hashlib.sha256().update('s'),
    lambda: hashlib.blake2b('x'),
    lambda: hmac.new('k', b'x', 'md5'),
    lambda: hmac.new(b'k', b'x'),
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
