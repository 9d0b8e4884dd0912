# html: escape with and without quote, unescape of named, numeric, invalid and legacy references.
import html, html.entities
from html import escape, unescape
print(escape('<a href="x">Tom & \'Jerry\'</a>'), escape('<"\'>', quote=False))
for s in ['&lt;p&gt; &amp;amp; &quot;q&quot; &apos;a&apos; &#39; &#x27; &#X41;', '&copy; 2024 &eacute;t&eacute; &nbsp;|', '&notit; &notin; &ampx &amp &lt3 &LT; &Aacute &aacute;',
          '&#0; &#128; &#x80; &#xD800; &#1114112; &#x110000; &#65; &#x1F600; &#11; &#x7f;', '&unknown; &; & &#; &#x; &#xZ', 'no refs', '&NotNestedGreaterGreater; &acE; &fjlig;', '&#99999999999999999999;',
          '&' + 'a' * 40 + ';']:
    print(repr(unescape(s)))
print(len(html.entities.html5), len(html.entities.name2codepoint), html.entities.name2codepoint['euro'], html.entities.codepoint2name[233], html.entities.entitydefs['lt'], html.entities.html5['amp;'])
