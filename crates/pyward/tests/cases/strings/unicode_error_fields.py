for data, enc in [(b"ok \xff bad", "utf-8"), (b"\xe2\x82", "utf-8"), (b"caf\xe9", "ascii")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(type(e).__name__, e, e.start, e.end, e.reason, e.encoding)
