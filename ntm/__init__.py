"""NTM Lạng Sơn: data model, validation, metrics and chart/map builders.

This package is UI-free: it must never import streamlit.
"""
