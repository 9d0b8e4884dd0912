# A group prints at most 15 members, then "and N more exceptions"; exactly 16 members
# print "and 1 more exception".
try:
    raise ExceptionGroup("sixteen", [KeyError(i) for i in range(16)])
except ExceptionGroup as e:
    sixteen = e
raise ExceptionGroup("wide", [ValueError(i) for i in range(20)] + [sixteen])
