"""Training the speaker ranker from annotated news (needs numpy; not used at run time)."""
