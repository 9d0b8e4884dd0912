chars = ['é', 'ñ', 'Å', '中', '日本語', '😀', '👍🏽', '\x7f', '\x80', '\x9f', '\xa0', '\xad', '\u200b', '\u200d', '\u2028', '\u2029', '\ufeff', '\u0301', 'e\u0301', '\u0300', '\u3000', '\u1680',
         '\ue000', '\U000f0000', '\U000e0001', '\u0378', '\U0001fa7c', '\U0001faf8', '\u2066', '\x00', '\x1b', '\t\n\r', "'", '"', '\'"', '\\', '\u061c', '\u180e', '\ufff9', '\ufffd', '\U00010000', '\U0010ffff', 'ǅ', 'Ω']
for c in chars:
    print(repr(c), ascii(c), len(c), c.isprintable())
print(repr(''.join(chars)))
print([chr(i) for i in range(0x7e, 0xa2)])
print('%r %a %s' % ('é\n', 'é\n', 'é'))
print(f'{"é"!r} {"é"!a} {"😀"!r:>8}')
