"""The limits on what a data file may hold, kept together as they are sized against each other.

Everything the loader reads is bounded by these, so that no file hangs the program or exhausts
its memory; :mod:`nnsim.core.csv_loader` re-exports them for its callers.
"""

from __future__ import annotations

from nnsim.core.network import MAX_UNITS

# A layer of the network editor holds 1-9 units (MAX_UNITS), so a file can have at most 9
# features (input units) and 9 classes or targets (output units).
MAX_COLUMNS = MAX_UNITS
# A whole-number target with at most this many distinct values is read as class labels.
MAX_CLASSES = MAX_COLUMNS
# More rows than a teaching network trains on interactively; the UI is tested with this many.
MAX_ROWS = 200_000
# The widest usable table has 2 * MAX_COLUMNS columns; MAX_ROWS such rows of 15-digit numbers
# (about 18 bytes per value with its delimiter) take 62 MiB, so every file that is within the
# other limits fits. Loading such a file peaks at 3.5 times its size, about 220 MB, for 2 s.
MAX_FILE_BYTES = 64 * 2**20
# A header with more columns than 2 * MAX_COLUMNS is refused anyway ("too many features"); this
# cap makes a sheet with thousands of columns fail at once, before its rows are read, and keeps
# the messages that list column names short.
MAX_HEADER_COLUMNS = 256
# A line with more values than a spreadsheet has columns (16,384 in Excel, so exports with empty
# trailing cells still pass) is not a table row. Counting its delimiters before the csv module
# splits it keeps a 64 MB line of commas from becoming a list of 67 million cells.
MAX_LINE_VALUES = 16_384
