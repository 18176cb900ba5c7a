"""Start the e-Cabinet desktop app (`python3 dev.py run` calls this)."""

import sys

from ecabinet.ui.app import main

sys.exit(main(sys.argv))
