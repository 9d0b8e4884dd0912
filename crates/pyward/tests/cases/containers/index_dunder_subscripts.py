# Objects with __index__ as sequence subscripts and radix arguments; other keys unchanged.
class Two:
    def __index__(self):
        return 2


class BadIndex:
    def __index__(self):
        return "x"


class Key(str):
    pass


class Small(int):
    pass


data = [10, 20, 30, 40]
print(data[Two()], "abcd"[Two()], (1, 2, 3)[Two()], b"xyz"[Two()], range(5)[Two()])
data[Two()] = 99
print(data)
del data[Two()]
print(data, data[Small(1)], bin(Two()), hex(Two()), oct(Two()))
print({Key("k"): 1}[Key("k")], {Two(): "o"}.get(Two(), "distinct objects"))
for bad in (lambda: data[BadIndex()], lambda: data[Key("k")], lambda: data[1.0]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
