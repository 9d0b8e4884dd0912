"""pyward.describe: stubs of host tools for an LLM prompt."""

from typing import Optional

import pyward


def search(query: str, limit: int = 10, *, site: Optional[str] = None) -> list[dict]:
    """Search the web.

    Returns up to `limit` results as dicts with 'title' and 'url'.
    """
    return []


async def fetch(url: str, /, timeout: float = 5.0) -> str:
    """Download a page."""
    return ""


def untyped(a, *rest, sentinel=object(), **options):
    return None


def test_describe_renders_signature_and_docstring():
    assert pyward.describe({"search": search, "fetch": fetch}) == (
        "def search(query: str, limit: int = 10, *, site: Optional[str] = None) -> list[dict]:\n"
        '    """Search the web.\n'
        "\n"
        "    Returns up to `limit` results as dicts with 'title' and 'url'.\n"
        '    """\n'
        "    ...\n"
        "\n"
        "async def fetch(url: str, /, timeout: float = 5.0) -> str:\n"
        '    """Download a page."""\n'
        "    ...\n"
    )


def test_describe_accepts_a_list_and_renames_through_a_dict():
    assert pyward.describe([untyped]) == (
        "def untyped(a, *rest, sentinel=..., **options):\n    ...\n"
    )
    assert pyward.describe({"lookup": untyped}).startswith("def lookup(a, ")


def test_describe_escapes_triple_quotes_in_docstrings():
    def tricky():
        """Say \"\"\"hi\"\"\" with a \\ backslash."""

    text = pyward.describe([tricky])
    assert '    """Say \\"\\"\\"hi\\"\\"\\" with a \\\\ backslash."""\n' in text
    compile(text, "<stub>", "exec")


def test_describe_output_is_valid_python():
    compile(pyward.describe([search, fetch, untyped]), "<stub>", "exec")
