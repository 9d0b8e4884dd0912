# An uncaught AttributeError from a lookup on an instance suggests the closest name in
# dir(obj): instance attributes, methods along the MRO and the object's dunders.
class Inventory:
    def __init__(self):
        self.items = {}
    def add_item(self, name, qty):
        self.items[name] = self.items.get(name, 0) + qty
class Store(Inventory):
    pass
s = Store()
s.add_item("pen", 2)
try:
    s.itemz
except AttributeError as e:
    print("caught:", e, "| name:", e.name, "| obj is s:", e.obj is s)
try:
    "text".uper()
except AttributeError as e:
    print("caught:", e, e.name, e.obj)
print([n for n in dir(s) if not n.startswith("_")], len(dir("")), len(dir(1)), len(dir([])))
print([n for n in dir({}) if not n.startswith("_")], [n for n in dir(set()) if not n.startswith("_")])
s.additem("cup", 1)
