"""Data files of nnsim (icons, desktop integration, sample data), read via importlib.resources."""
