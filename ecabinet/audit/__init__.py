"""The hash-chained audit and change log (one log for the audit and, later, for sync by export files)."""

from ecabinet.audit.chain import (  # noqa: F401
    ChainProblem,
    audit_trail,
    install_audit_hooks,
    record_event,
    snapshot,
    verify_chain,
)
