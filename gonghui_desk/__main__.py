"""``python -m gonghui_desk`` behaves exactly like the ``gonghui-desk`` command."""

import sys

from gonghui_desk.cli import main

sys.exit(main())
