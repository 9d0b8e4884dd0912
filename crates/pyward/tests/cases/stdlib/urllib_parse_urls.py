# urllib.parse: quoting, urlencode, urlparse/urlsplit results and attributes, urljoin (RFC 3986 examples), query strings, errors.
import urllib.parse
from urllib.parse import (quote, quote_plus, unquote, unquote_plus, urlencode, urlparse, urlsplit,
                          urlunparse, urlunsplit, urljoin, parse_qs, parse_qsl, urldefrag)
print(quote('a b/c?d=é&x'), quote('a b/c', safe=''), quote(b'\xff ab'), quote_plus('a b+c/d'), quote_plus('x', safe='/'))
print(unquote('a%20b%2Fc%C3%A9%zz%'), unquote_plus('a+b%2B'), unquote(b'a%20b'), urllib.parse.unquote_to_bytes('%e9a'))
print(urlencode({'a': 1, 'b': 'x y', 'c': ['1', '2']}), urlencode({'c': ['1', '2'], 'd': (3,)}, doseq=True), urlencode([('q', 'é'), ('z', b'\xff')]))
for u in ['http://user:pw@www.Example.com:8080/p/a/t/h;params?query=1&b=2#frag', 'https://example.com', '//host/path', 'mailto:me@x.org',
          'file:///etc/passwd', 'http://[::1]:80/x', 'http://[::1', 'relative/path?x', 'HTTP://EX.com/', 'http://h:abc/', 'http://h:99999/',
          'git+ssh://git@github.com/o/r.git', 'http://a/b;c/d;e?f', 'urn:isbn:0451450523', '', 'http://host:/x', 'http://h:0/', 'http://[1.2.3.4]/',
          'http://[v1.x]/', 'http://[zz]/', 'localhost:8000/path']:
    try:
        p = urlparse(u)
        print(p)
        print(p.scheme, p.netloc, p.hostname, p.username, p.password, p.path, p.params, p.query, p.fragment)
        print(p.port)
        s = urlsplit(u)
        print(s, s.geturl(), urlunparse(p), urlunsplit(s))
    except Exception as e:
        print(u, type(e).__name__, e)
base = 'http://a/b/c/d;p?q'
for r in ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g', '../../../g', '/./g', 'g.', '.g', 'g..', '..g', './../g', 'g/./h', 'g/../h', 'https://x/y']:
    print(repr(r), urljoin(base, r))
print(urljoin('http://example.com/a/b.html', 'c.html'), urljoin('http://example.com/a/', '/x'), urljoin('https://ex.com', 'path'))
print(parse_qs('a=1&b=2&a=3&c=&d'), parse_qs('a=1&c=', keep_blank_values=True), parse_qsl('x=%20y+z&w=1;v=2'), parse_qsl('a=1;b=2', separator=';'))
try:
    parse_qsl('a&b', strict_parsing=True)
except Exception as e:
    print(type(e).__name__, e)
print(urldefrag('http://x/y#frag'), urlparse(b'http://x/y?q#f'), urlparse('http://x/y')._replace(scheme='https').geturl())
p = urlparse('http://x.com/path')
print(p._fields, tuple(p), p[1], len(p), p == ('http', 'x.com', '/path', '', '', ''), p._asdict())
try:
    urlparse('http://x.com', b'http')
except Exception as e:
    print(type(e).__name__, e)
try:
    urlencode('abc')
except Exception as e:
    print(type(e).__name__, e)
print(quote('~-._'), quote(''), quote('%'), urllib.parse.quote_from_bytes(b'/a b'))
