"""Allow ``python -m nnsim``."""

from nnsim.app import main

raise SystemExit(main())
