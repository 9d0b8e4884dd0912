# Columns count characters, not UTF-8 bytes; a tab-indented line keeps its carets aligned.
größe = {"ü": 1}
if True:
	wert = "é" + größe["ß"]
