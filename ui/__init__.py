"""The faces of consortium-kg: the `ckg` command line and the Streamlit app.

Thin layers over graph/ and ingest/.
"""
