# An uncaught json.JSONDecodeError prints under CPython's module name, json.decoder.
import json
import csv
print(json.JSONDecodeError.__module__, json.JSONEncoder.__module__, json.JSONDecoder.__module__, csv.Error.__module__)
for text in ['{"a": 1}', "[1, 2]"]:
    print(json.loads(text))
try:
    json.loads("{'single': 'quotes'}")
except ValueError as e:
    print(type(e).__name__, e, repr(e)[:40])
config = json.loads('{"retries": 3, "hosts": ["a", "b"],}')
print(config)
