# %-formatting of ints: small ints take a fast path, big ints and bools the general one;
# every flag, width and precision applies the same to both.
for v in [0, 7, -7, 255, -255, 2**63 - 1, -2**63, 2**70, -2**70, True, False]:
    print("%d|%i|%u|%o|%x|%X|%#o|%#x|%#X|%5d|%-5d|%05d|%+d|% d|%.3d|%+08.4d" % ((v,) * 16))
print("%d %i %u" % (3.9, -3.9, 2.5))
print("acct%d" % 42, "%s-%d" % ("x", -1))
try:
    print("%x" % 3.5)
except TypeError as e:
    print("TypeError:", e)
