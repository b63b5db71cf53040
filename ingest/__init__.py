"""Ingest: files and articles in, validated models out, written to a store.

Data flows one way: file -> reader (raw records with their locations) -> validation (models,
with every problem located by file, line and field) -> name resolution -> store upsert.
"""
