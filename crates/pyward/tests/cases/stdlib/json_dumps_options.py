import json
data = {"name": "Ann", "age": 30, "tags": ["a", "b"], "nested": {"x": 1.5, "y": None, "z": True}, "empty": [], "e2": {}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps(data, indent=0))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps([1, 2.0, -0.0, 1e20, 1.5e-7, 10**30, True, False, None, "s"]))
print(json.dumps("héllo ☃ 😀 \n\t\"\\ \x01 \x7f"), json.dumps("héllo ☃ 😀", ensure_ascii=False))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d", False: "e"}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps([float("nan"), float("inf"), float("-inf")]))
print(json.dumps((1, (2, 3))), json.dumps([]), json.dumps({}), json.dumps(""), json.dumps(3))
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
print(json.dumps({1, 2} if False else [1], default=str), json.dumps({"s": {3}}, default=sorted))
class P:
    def __init__(self, x):
        self.x = x
print(json.dumps([P(1), P(2)], default=lambda o: {"P": o.x}))
print(json.dumps({"a": [1, {"b": 2}]}, indent=4, separators=(",", " = ")))
for call in [lambda: json.dumps({1, 2}), lambda: json.dumps(float("nan"), allow_nan=False), lambda: json.dumps({(1, 2): 3}),
             lambda: json.dumps(P(1)), lambda: json.dumps(b"x"), lambda: json.dumps({"a": 1, 2: 3}, sort_keys=True)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError", e)
x = []
for i in range(100000):
    x = [x]
try:
    json.dumps(x)
except RecursionError as e:
    print("RecursionError", e)
shared = [1]
print(json.dumps([shared, shared]))
print(json.JSONEncoder(sort_keys=True).encode({"b": 1, "a": 2}))
