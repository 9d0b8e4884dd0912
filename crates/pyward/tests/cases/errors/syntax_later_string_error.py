# A parser error before an unterminated string: CPython reports the string.
f() = 1
message = 'unfinished
