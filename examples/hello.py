# A small agent-style program: reshape data, aggregate, format a report.
orders = [
    {"id": 1, "customer": "ada", "total": 42.5},
    {"id": 2, "customer": "bob", "total": 17.25},
    {"id": 3, "customer": "ada", "total": 8.0},
]
by_customer = {}
for o in orders:
    by_customer[o["customer"]] = by_customer.get(o["customer"], 0) + o["total"]
for name, total in sorted(by_customer.items(), key=lambda kv: -kv[1]):
    print(f"{name:<6}{total:>8.2f}")
print("orders:", len(orders), "customers:", len(by_customer))
