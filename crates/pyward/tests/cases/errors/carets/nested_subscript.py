# A missing key in a chain of subscripts: `~` under the value, `^` under its brackets.
config = {"db": {"host": "x"}, "tags": [1, 2]}
print(config["tags"][ 1 ])
port = config["db"]["port"] + 1
