# A call spanning lines: carets run to the end of its first line.
def fetch(url, retries):
    raise ConnectionError(f"cannot reach {url}")


result = fetch("https://example.com",  # the tool
               retries=3)
