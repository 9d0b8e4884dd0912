# 'await' outside a function is a compile-time SyntaxError.
print('never printed')
await something()
