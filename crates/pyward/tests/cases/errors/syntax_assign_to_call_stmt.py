# Assigning to a call at statement level names the call and suggests `==`.
items = {}
items.get("a") = 1
