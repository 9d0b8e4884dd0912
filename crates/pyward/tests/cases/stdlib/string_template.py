from string import Template
t = Template('$who likes ${what}, costs $$5')
print(t.substitute(who='tim', what='pie'))
print(t.substitute({'who': 'a'}, what='b'))
print(t.safe_substitute(who='x'))
for bad in ['$', 'ab $1', 'x\ny $']:
    try: Template(bad).substitute()
    except Exception as e: print(type(e).__name__, e)
try: t.substitute(who='x')
except Exception as e: print(type(e).__name__, e)
print(Template('$a $b ${a}').get_identifiers(), Template('$1').is_valid())
t = Template('${x}y $x_1 ${ bad}')
print(t.safe_substitute(x=1))
try:
    t.substitute(x=1, x_1=2)
except ValueError as e:
    print('ValueError', e)
print(Template('$x').substitute(x=[1, 2]), Template('no subs').substitute())
try:
    Template('$missing').substitute({})
except KeyError as e:
    print('KeyError', e)
