"""Importing reports: reading files (`read`), checking them (`validation`), the Excel template
(`template`), the import flow (`flow`), the versioned store (`store`, `location`) and editors'
log-in (`auth`). Nothing here imports Streamlit; the import page calls `flow`."""
