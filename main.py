"""Start LifeCRM: the window with no arguments, the command line with any."""

import sys

from lifecrm_gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
