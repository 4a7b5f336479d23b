"""Entry point of the frozen program: the same as the ``gonghui-desk`` command."""

import sys

from gonghui_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
