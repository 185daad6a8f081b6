"""The analysis core. It never imports Qt (an import-linter contract checks this)."""
