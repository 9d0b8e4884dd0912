# Group nesting deeper than 10 levels prints "... (max_group_depth is 10)".
g = ValueError("leaf")
for i in range(13):
    g = ExceptionGroup(f"level{i}", [g, TypeError(i)])
raise g
