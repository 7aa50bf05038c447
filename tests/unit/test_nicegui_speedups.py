"""The remembered answer of `expects_arguments` equals NiceGUI's own for every kind of callable it is asked about."""
import functools

from nicegui import helpers

from app import nicegui_speedups


class Handlers:
    def no_arguments(self) -> None: ...
    def one_argument(self, event) -> None: ...  # noqa: ANN001
    def optional_argument(self, event=None) -> None: ...  # noqa: ANN001
    def only_rest(self, *args, **kwargs) -> None: ...  # noqa: ANN002, ANN003

    @classmethod
    def class_method(cls, event) -> None: ...  # noqa: ANN001

    @staticmethod
    def static_method(event) -> None: ...  # noqa: ANN001


def plain(event) -> None: ...  # noqa: ANN001


def test_same_answer_as_nicegui_for_every_kind_of_callable() -> None:
    handlers, other = Handlers(), Handlers()
    callables = [handlers.no_arguments, handlers.one_argument, handlers.optional_argument, handlers.only_rest,
                 other.one_argument, Handlers.class_method, handlers.static_method, plain, lambda: None,
                 lambda event: None, functools.partial(plain), print]
    for function in callables:
        assert nicegui_speedups.expects_arguments(function) == nicegui_speedups._original(function), function
    assert {nicegui_speedups.expects_arguments(handlers.no_arguments),
            nicegui_speedups.expects_arguments(handlers.one_argument)} == {False, True}


def test_install_replaces_the_function_nicegui_calls() -> None:
    original = helpers.expects_arguments
    try:
        nicegui_speedups.install()
        assert helpers.expects_arguments is nicegui_speedups.expects_arguments
    finally:
        helpers.expects_arguments = original
