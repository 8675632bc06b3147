"""The app's pages, run by `st.navigation` in app.py: one file a page, each thin (read the filters,
call `ntm`, render). What pages share lives in `ntm/ui`.

Streamlit treats a folder named `pages/` beside the entrypoint as an old-style multipage app until
`st.navigation` has run once in the server process: a shared link to a page, opened first after the
server starts, would run that page alone, without app.py's navigation and filters. The first page to
import this package in that state switches Streamlit to `st.navigation` and reruns, through app.py.
Every page's url_path is its file name, so that the link finds its page in either state."""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    st.rerun()
