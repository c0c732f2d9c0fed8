"""Progress bars for management commands that run for more than a few seconds."""

import sys
from collections.abc import Iterable

from tqdm import tqdm


def progress(iterable: Iterable = (), *, verbosity: int, desc: str, **options) -> tqdm:
    """Return tqdm's bar over iterable, on standard error (standard output keeps the results),
    hidden with -v0. Pass total= where iterable has no length, and call update() on a bar
    that is given no iterable."""
    return tqdm(
        iterable, desc=desc, file=sys.stderr, disable=verbosity == 0, dynamic_ncols=True, **options
    )
