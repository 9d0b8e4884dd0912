samples = ['hello world', 'HELLO', 'Hello World', "they're bill's friends", 'ß straße', 'ǆungla ǅ', 'ΣΑΣ ΣΑΣ.', 'ὈΔΥΣΣΕΎΣ', 'İstanbul', 'ﬁne ﬂow', 'a1b2 c3', '', '123', 'hello_world-foo bar', 'Σ', 'aΣ', 'aΣb', 'aΣ.', 'ǈ', 'ŉ', 'ΐ', 'Ꭰꭰ', 'ǰ', 'ı', 'ſ', 'µ']
for s in samples:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.casefold()), repr(s.swapcase()))
    print('  ', s.isupper(), s.islower(), s.istitle(), s.isalpha(), s.isalnum(), s.isascii(), s.isidentifier(), s.isprintable(), s.isspace())
chars = ['0', '٣', '²', '½', '一', 'Ⅷ', '⑦', '𝟙', 'a', 'é', 'ǅ', '_', ' ', '\t', '\x1c', '\xa0', '\u200b', '\x7f', '\u0301', '中', '😀', '\U000e0001', '\ue000', '\u2028', 'ª', 'ʰ', '৺', '𐌀', 'ⅰ', '\u0345']
for c in chars:
    print(ascii(c), c.isdigit(), c.isdecimal(), c.isnumeric(), c.isalpha(), c.isalnum(), c.isspace(), c.isprintable(), c.isupper(), c.islower(), c.istitle(), c.isidentifier(), ('a' + c).isidentifier())
print('abc'.isidentifier(), '1abc'.isidentifier(), '_x1'.isidentifier(), 'a-b'.isidentifier(), 'über'.isidentifier(), 'ＡＢ'.isidentifier(), 'class'.isidentifier())
print('Hello World'.istitle(), 'Hello world'.istitle(), 'HELLO'.istitle(), '1A'.istitle(), 'A1 B'.istitle(), "They'Re".istitle(), 'ǅa'.istitle())
print('ABC1'.isupper(), 'abc!'.islower(), '123'.isupper(), 'ǅ'.isupper(), 'ǅ'.islower())
