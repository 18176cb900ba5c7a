"""Keys and trust: this installation's key pairs sealed under a passphrase, signed public key files."""

from ecabinet.security.keystore import (  # noqa: F401
    Keyring,
    Profile,
    PublicKey,
    load_profile,
    parse_key_document,
    unlock,
)
