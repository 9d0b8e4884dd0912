for s in ['', 'a', 'ab', 'abc', 'αβ']:
    for w in [-1, 0, 1, 4, 5, 6, 7]:
        print(repr(s), w, repr(s.center(w)), repr(s.center(w, '*')), repr(s.ljust(w, '-')), repr(s.rjust(w, 'é')), repr(s.zfill(w)))
for s in ['42', '-42', '+42', '--', '-', '+', 'abc', '', '3.14', '-0.5', 'é']:
    print(repr(s), s.zfill(5), s.zfill(1), s.zfill(0))
for s in ['a\tb', '\t', 'ab\tcd\tef', '12345678\tx', 'a\nb\tc', 'a\r\tb', 'αβ\tγ', '\t\t', 'no tabs']:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)), repr(s.expandtabs(0)), repr(s.expandtabs(tabsize=3)), repr(s.expandtabs(-2)))
t = str.maketrans('abc', 'xyz', 'd')
print(sorted(t.items()), 'abcdef'.translate(t))
print('hello'.translate({ord('l'): 'LL', ord('o'): None, ord('h'): 72}))
print('abc'.translate(str.maketrans({'a': 'A', 'b': None, 99: 'ç'})))
print('abc'.translate([]), 'abc'.translate(['x'] * 100), 'abc'.maketrans('a', 'b'))


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


for bad in [{97: -1}, {97: 0x110000}, {97: 1.5}, {97: b'x'}]:
    show(bad, lambda: 'abc'.translate(bad))
for s in ['abc', 'café', 'naïve €5', '日本', '😀', '']:
    for enc in ['utf-8', 'ascii', 'latin-1', 'utf-16', 'utf-16-be', 'utf-32-le']:
        for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
            show((s, enc, err), lambda: s.encode(enc, err))
print('x'.encode(), 'é'.encode(encoding='latin1'), 'é'.encode(errors='ignore'))
