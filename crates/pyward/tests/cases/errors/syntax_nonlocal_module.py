# `nonlocal` outside any function.
counter = 0
nonlocal counter
