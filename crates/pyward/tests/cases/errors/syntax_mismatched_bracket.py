# A bracket closed by the wrong kind, opened on an earlier line.
data = {
    "a": [1, 2,
    "b": 3,
}
