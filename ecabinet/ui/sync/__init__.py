"""Sync by export files in the desktop app: first-start setup, login and idle lock, the Sync centre (export,
import, history) and the key manager. The services are `ecabinet.sync` and `ecabinet.security`."""
