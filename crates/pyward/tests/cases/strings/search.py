s = 'héllo wörld héllo'
for sub in ['l', 'héllo', 'ö', 'x', '', 'o w']:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 3), s.rfind(sub, 0, 10), s.find(sub, -5), s.count(sub, 2, -2), s.find(sub, 100), s.rfind(sub, -100, -3))
for args in [(), (0,), (1, 3), (-3,), (5, 2), (20,), (None, None), (None, 4), (17,), (18,)]:
    print(args, s.find('', *args), s.rfind('', *args), s.count('', *args), s.startswith('', *args), s.endswith('', *args),
          s.startswith('h', *args), s.endswith('o', *args), s.find('é', *args))
print('abc'.index('c'), 'abcabc'.rindex('a'), '日本語日本'.index('本', 2), '日本語日本'.rindex('日'))
for a in [('ab',), (('x', 'ab'),), ('b', 1), ('c', 1, 2), (('z',),), ((),), ('', 5)]:
    print(a, 'abc'.startswith(*a), 'abc'.endswith(*a))
print('aaaa'.count('aa'), 'aaaa'.replace('aa', 'b'), 'aaaa'.replace('a', 'b', 2), 'abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), 'abc'.replace('b', ''), 'aXbXc'.replace('X', 'éé', -1), 'abc'.replace('a', 'z', 0))
print('prefix_body'.removeprefix('prefix_'), 'body.py'.removesuffix('.py'), 'abc'.removeprefix(''), 'abc'.removesuffix('x'), 'ééx'.removeprefix('é'))
print('x' in 'abc', 'é' in 'café', '' in 'abc')
