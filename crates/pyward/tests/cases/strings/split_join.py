samples = ['', ' ', 'a', '  a  b  c  ', 'a,b,,c,', ',a,', 'a\tb\nc\x0bd\x0ce\x1cf\x1dg\x1eh\x1fi\x85j\xa0k\u2003l\u3000m\u200bn',
           'one  two three', 'αβγ δεζ', 'aaa', 'x--y--z--']
for s in samples:
    print(repr(s))
    print(' split()', s.split())
    print(' rsplit()', s.rsplit())
    for n in (-1, 0, 1, 2):
        print(' split(None,%d)' % n, s.split(None, n), s.rsplit(None, n))
    for sep in (',', '--', 'aa', ' ', 'β'):
        print(' sep', repr(sep), s.split(sep), s.rsplit(sep), s.split(sep, 1), s.rsplit(sep, 1), s.split(sep, 0))
print('a b c'.split(maxsplit=1), 'a b c'.rsplit(maxsplit=1), 'a,b,c'.split(sep=','), 'a,b'.rsplit(sep=',', maxsplit=0))
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join(('x',)), '|'.join('abc'), 'é'.join(['α', 'β']))
print('-'.join(x for x in 'xyz'), ''.join({'k': 1}))
for s in ['a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l', '\n', '', 'abc', 'a\n\nb\n', '\r\n\r\n', 'x\x1fy']:
    print(repr(s), s.splitlines(), s.splitlines(True), s.splitlines(keepends=False))
for s in ['  hi  ', '\t\n hi \x1c\x1f', 'xxhixx', '\xa0a\u3000', '', 'abc']:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip('x')), repr(s.strip('xa')), repr(s.lstrip(None)), repr(s.rstrip('cx')))
print('www.example.com'.strip('cmowz.'), 'ééaéé'.strip('é'))
for s, p in [('abc', 'b'), ('abcabc', 'bc'), ('abc', 'x'), ('αβγβ', 'β'), ('', 'a')]:
    print(s.partition(p), s.rpartition(p))
