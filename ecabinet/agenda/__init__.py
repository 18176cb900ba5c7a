"""Sessions, their agenda and dossiers: the secretariat prepares, members read (services, no Qt)."""
