"""urllib: URL handling; pyward provides urllib.parse only (no network access)."""
