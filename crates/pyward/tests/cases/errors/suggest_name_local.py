# An uncaught NameError's last line suggests the closest local, global or builtin name,
# as CPython 3.11's traceback does ("Did you mean"); str(e) itself has no suggestion.
def total_price(items):
    subtotal = 0
    for item in items:
        subtotal += item["price"] * item["qty"]
    try:
        undefined_helper
    except NameError as e:
        print("caught:", e, "| name:", e.name)
    return subtotl * 1.2
print(total_price([{"price": 2.5, "qty": 4}]))
