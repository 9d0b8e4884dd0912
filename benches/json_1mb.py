# json round trip of a ~1 MB document: prints "dumps_seconds loads_seconds bytes".
import json
import time

doc = {
    "users": [
        {"id": i, "name": "user%d" % i, "email": "user%d@example.com" % i,
         "score": i * 1.5, "active": i % 3 == 0, "tags": ["t%d" % (i % 7), "x"],
         "address": {"city": "City %d" % (i % 50), "zip": "%05d" % i}}
        for i in range(6000)
    ]
}
start = time.perf_counter()
for _ in range(5):
    text = json.dumps(doc)
dumps = (time.perf_counter() - start) / 5
start = time.perf_counter()
for _ in range(5):
    back = json.loads(text)
loads = (time.perf_counter() - start) / 5
assert back == doc
print("%.6f %.6f %d" % (dumps, loads, len(text)))
