"""The reading window (PySide6). Only this package imports Qt."""
