"""``python -m headcount``: the same CLI as the ``headcount`` script."""

from headcount.cli import main

if __name__ == "__main__":
    main()
