"""``python -m gonghui_desk`` behaves exactly like the ``gonghui-desk`` command."""

import sys

from gonghui_desk.cli import main

# Guarded: a checking process the import starts imports this module again by its name.
if __name__ == "__main__":
    sys.exit(main())
