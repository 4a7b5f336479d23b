"""Entry point of the frozen program: the same as the ``gonghui-desk`` command."""

import multiprocessing
import sys

from gonghui_desk.cli import main

if __name__ == "__main__":
    # A frozen program has no Python to start the import's checking process with: the
    # program itself is started again, and this hands that start to multiprocessing.
    multiprocessing.freeze_support()
    sys.exit(main())
