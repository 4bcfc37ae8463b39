"""Models of the sync protocol (see tikar/sync/protocol.py)."""
