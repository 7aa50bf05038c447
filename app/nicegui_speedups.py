"""One measured speed-up of NiceGUI's element creation, which a step change repeats for every phone in the room.

Every element makes three observable collections (props, classes, style), and each asks
`helpers.expects_arguments(its own bound _update method)`, which runs `inspect.signature` afresh: with py-spy
that was 14 % of the server's CPU in a 200-phone benchmark. For a bound method the answer depends only on the
underlying function, so it is remembered per function; anything else is asked as before."""
from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from nicegui import helpers

_original = helpers.expects_arguments


@functools.lru_cache(maxsize=1024)
def _method_expects_arguments(function: Callable[..., Any]) -> bool:
    """What `expects_arguments` says of a method bound to any instance of its class."""
    parameters = list(inspect.signature(function).parameters.values())[1:]  # the bound `self` is not asked for
    return any(parameter.default is inspect.Parameter.empty and
               parameter.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
               for parameter in parameters)


def expects_arguments(func: Callable[..., Any]) -> bool:
    if inspect.ismethod(func) and inspect.isfunction(func.__func__) and not hasattr(func.__func__, '__wrapped__'):
        return _method_expects_arguments(func.__func__)
    return _original(func)


def install() -> None:
    helpers.expects_arguments = expects_arguments  # NiceGUI's modules call it as `helpers.expects_arguments`
