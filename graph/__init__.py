"""consortium-kg's domain: the model, the stores, analysis and export. Imports nothing from ingest/ or ui/."""
