"""`python -m ecabinet` is the command line."""

import sys

from ecabinet.cli import main

sys.exit(main())
