"""The one command-palette provider: the keys of the screen in front, as commands.

Every screen's own bindings (those with a description) appear in ctrl+p, beside Textual's
own commands (themes, keys, quit); the app-wide ones (privacy, blank) come from their screen's
bindings too, so each action is listed once, in the words of its footer key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen


def _text(binding: Binding) -> str:
    return f"{binding.description}: {binding.tooltip}" if binding.tooltip else binding.description


def _runner(screen: Screen[object], action: str) -> Callable[[], object]:
    def run() -> object:
        return screen.run_action(action)

    return run


class ScreenKeys(Provider):
    """What the screen in front can do, by the words of its keys."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], object]]]:
        screen = self.screen
        for binding in getattr(screen, "BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.description:
                continue
            if binding.action.startswith("app."):
                continue  # Textual's own palette commands already hold the app's
            yield _text(binding), _runner(screen, binding.action)

    async def discover(self) -> Hits:
        for text, run in self._commands():
            yield DiscoveryHit(text, run)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, run in self._commands():
            if (score := matcher.match(text)) > 0:
                yield Hit(score, matcher.highlight(text), run)
