import sys

from lifecrm_gui.cli import main

sys.exit(main())
