"""``batch``'s work, Qt-free: plan which files need analysing, run them here or on Dask
(``cluster.py``), record each finished file in an append-only journal (``journal.py``) and
write the tables, CSV and Parquet (``tables.py``), from the journal's records
(``records.py``)."""
