# A typo of a builtin: the locals and globals have nothing close, the builtins do.
values = [3, 1, 2]
print(sorted(values))
prnt(lenght := len(values))
