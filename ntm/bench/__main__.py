"""`python -m ntm.bench [--repeat N]`: the dashboard at Lạng Sơn and national scale;
`python -m ntm.bench map [FILE]`: the map page; `python -m ntm.bench import`: the import steps;
`python -m ntm.bench load --sessions N --page P ...`: many sessions on the running app (ntm/bench/load.py)."""

import sys

from ntm.bench import dashboard, imports, load, maps


def main(argv: list[str]) -> None:
    command = argv[0] if argv and not argv[0].startswith("-") else ""
    if command == "map":
        maps.main(argv[1] if len(argv) > 1 else maps.OFFICIAL)
    elif command == "import":
        imports.main()
    elif command == "load":
        load.cli(argv[1:])
    else:
        sys.argv = [sys.argv[0], *argv]
        dashboard.main()


main(sys.argv[1:])
