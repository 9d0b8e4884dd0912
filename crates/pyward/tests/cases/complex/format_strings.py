# format(), f-strings and str.format of complex numbers (format_complex_internal).
def show(z, spec):
    try:
        print(repr(spec), repr(format(z, spec)))
    except Exception as e:
        print(repr(spec), type(e).__name__ + ':', e)

values = [1 + 2j, 1j, 2j, -2j, 0j, -0.0 - 0j, 1.5 - 2j, 12345.5 + 6789j, 1e20 + 1j, 100 + 1j,
          complex(float('inf'), float('-nan')), complex(-0.00001, -0.00001), 1 / 3 + 2j / 3]
specs = ['', '10', '<12', '^14', '*>16', '+', '-', ' ', '.2f', '.0f', '#.0f', 'f', 'F', 'e', '.3E',
         'g', 'G', '.3', '.3g', '#g', '#', 'n', ',.2f', '_', ',', 'z.1f', 'z', '+.1e', '>+20.3g']
for z in values:
    for spec in specs:
        show(z, spec)
for spec in ['010', '0<10', '=10', '%', 'd', 'r', 's', 'x', 'c', '.5s', ',d', '_x']:
    show(1 + 2j, spec)
z = 3 - 4j
print(f'{z}', f'{z!r}', f'{z!s:>12}', f'{z:.2f}', f'{z:g}', f'{z:+}', f'{z.real:.1f}/{z.imag}')
print('{:>10}|{:<10}|{:^10}'.format(1j, 2j, 3j), '{0.real} {0.imag}'.format(z), '%s %r' % (z, z))
print('%s' % (1j,), '%-8s|' % (2j,), '{!r:>12}'.format(1 + 1j))
for spec in ['%f', '%d', '%x', '%e']:
    try:
        print(spec % (1j,))
    except TypeError as e:
        print(spec, 'TypeError:', e)
