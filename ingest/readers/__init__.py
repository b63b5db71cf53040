"""Readers turn one ingest unit (a YAML/JSON file, or a folder of CSV files) into a
:class:`ingest.raw.RawDocument`: plain records plus where each came from."""
