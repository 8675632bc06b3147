"""The Streamlit side: with `pages/` and `app.py` the only code that imports Streamlit. Session-state
keys and defaults, the sidebar and its filters, the cached loaders, download widgets and the
presentation mode."""
