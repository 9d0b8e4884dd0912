import difflib
a = "the quick brown fox jumps over the lazy dog".split()
b = "the quick red fox jumped over the very lazy dog".split()
s = difflib.SequenceMatcher(None, a, b)
print(round(s.ratio(), 4), round(s.quick_ratio(), 4), s.real_quick_ratio())
print(s.get_matching_blocks())
print(s.get_opcodes())
print(s.find_longest_match(0, len(a), 0, len(b)))
s2 = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(s2.ratio(), 3), s2.get_opcodes())
print(list(s2.get_grouped_opcodes(1)))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "whale", "wheat", "steel", "heel"], n=2, cutoff=0.5))
old = ["one\n", "two\n", "three\n", "four\n", "five\n", "six\n", "seven\n", "eight\n", "nine\n", "ten\n"]
new = ["zero\n", "one\n", "two\n", "tree\n", "four\n", "five\n", "six\n", "seven\n", "eight\n", "nine\n", "ten\n", "eleven\n"]
print("".join(difflib.unified_diff(old, new, fromfile="before.txt", tofile="after.txt")))
print("".join(difflib.unified_diff(old, new, n=1, fromfiledate="d1", tofiledate="d2")))
print("".join(difflib.context_diff(old, new, fromfile="a", tofile="b")))
print(list(difflib.unified_diff(["a", "b"], ["a", "c"], lineterm="")))
text1 = "  1. Beautiful is better than ugly.\n  2. Explicit is better than implicit.\n  3. Simple is better than complex.\n  4. Complex is better than complicated.\n".splitlines(keepends=True)
text2 = "  1. Beautiful is better than ugly.\n  3.   Simple is better than complex.\n  4. Complicated is better than complex.\n  5. Flat is better than nested.\n".splitlines(keepends=True)
d = difflib.Differ()
print("".join(d.compare(text1, text2)))
diff = list(difflib.ndiff(["one\n", "two\n", "three\n"], ["ore\n", "tree\n", "emu\n"]))
print("".join(diff), end="")
print("".join(difflib.restore(diff, 1)), end="")
print("".join(difflib.restore(diff, 2)), end="")
print(difflib.IS_LINE_JUNK("\n"), difflib.IS_LINE_JUNK("  #   \n"), difflib.IS_LINE_JUNK("hello\n"), difflib.IS_CHARACTER_JUNK(" "))
big_a = [str(i % 37) for i in range(600)]
big_b = [str(i % 41) for i in range(600)]
m = difflib.SequenceMatcher(None, big_a, big_b)
print(round(m.ratio(), 5), len(m.get_opcodes()), sorted(m.bpopular)[:5])
print(difflib.SequenceMatcher(None, "abcd", "bcde").get_matching_blocks())
print(difflib.SequenceMatcher(None, "", "").ratio(), difflib.Match(1, 2, 3))
try:
    difflib.get_close_matches("x", ["y"], n=0)
except ValueError as e:
    print(e)
try:
    list(difflib.unified_diff([b"a"], [b"b"]))
except TypeError as e:
    print(e)
print(list(difflib.diff_bytes(difflib.unified_diff, [b"a\n"], [b"b\n"])))
