"""The command line: thin click shells over the Python API (:mod:`dragoman.api`).

``dragoman`` is :func:`main`; ``dragoman actors ...`` is the group of :mod:`dragoman.cli._actors`.
"""

from dragoman.cli._main import main

__all__ = ["main"]
