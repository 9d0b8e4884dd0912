# A string left open on its line.
greeting = "hello
print(greeting)
