# A method that does not exist: the carets end at the attribute, not the call.
names = ["ada", "bob"]
joined = ", ".join(names)
print(joined)
title = joined.upper().capitalise(1)
