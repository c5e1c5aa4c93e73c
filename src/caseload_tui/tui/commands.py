"""The command palette (ctrl+p): the keys of the screen in front, by name, and the colours.

Every screen's keys (its own and those every screen shares, in the words of its help) are commands;
beside them only "Colours", which opens a list of the colour themes, each said in words ("ansi-dark:
your terminal's own colours, dark"). Textual's own developer commands (keys panel, maximize,
screenshot, theme) are not offered: the screen's keys already do what a clinician needs of them,
and a screenshot would put client names in a file in Downloads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from .keys import screen_bindings

# A few words for each of Textual's colour themes; a theme not named here is said by its brightness.
THEME_WORDS = {
    "textual-dark": "the usual, dark",
    "textual-light": "the usual, light",
    "ansi-dark": "your terminal's own colours, dark",
    "ansi-light": "your terminal's own colours, light",
    "nord": "cool blues and greys, dark",
    "gruvbox": "warm browns and yellows, dark",
    "catppuccin-mocha": "soft pastels, dark",
    "catppuccin-macchiato": "soft pastels, dark",
    "catppuccin-frappe": "soft pastels, dim",
    "catppuccin-latte": "soft pastels, light",
    "dracula": "purple and pink, dark",
    "tokyo-night": "deep blue, dark",
    "monokai": "bright colours on near-black",
    "flexoki": "ink on paper tones, dark",
    "solarized-dark": "low contrast, blue-green, dark",
    "solarized-light": "low contrast, cream, light",
    "rose-pine": "muted rose and pine, dark",
    "rose-pine-moon": "muted rose and pine, dim",
    "rose-pine-dawn": "muted rose and pine, light",
    "atom-one-dark": "calm greys, dark",
    "atom-one-light": "calm greys, light",
}
COLOURS = "Colours (theme)"
COLOURS_HELP = "Choose the screen's colours: light, dark, or your terminal's own"


def theme_words(app: App[Any], name: str) -> str:
    """'ansi-dark: your terminal's own colours, dark': a theme's name and what it looks like."""
    theme = app.available_themes.get(name)
    brightness = "dark" if theme is None or theme.dark else "light"
    return f"{name}: {THEME_WORDS.get(name) or 'colours, ' + brightness}"


def _text(binding: Binding) -> str:
    return f"{binding.description}: {binding.tooltip}" if binding.tooltip else binding.description


def _runner(screen: Screen[object], action: str) -> Callable[[], object]:
    def run() -> object:
        return screen.run_action(action)

    return run


def palette_commands(app: App[Any], screen: Screen[Any]) -> Iterable[SystemCommand]:
    """What the palette offers beside the screen's keys: the colours (App.get_system_commands)."""
    yield SystemCommand(COLOURS, COLOURS_HELP, partial(choose_colours, app))


def choose_colours(app: App[Any]) -> None:
    app.push_screen(CommandPalette(providers=[ThemeChoices], placeholder="Search the colours…"))


class ThemeChoices(Provider):
    """Each colour theme, in words; choosing one puts it on (and the app remembers it)."""

    def _themes(self) -> Iterator[tuple[str, Callable[[], None]]]:
        def choose(name: str) -> None:
            self.app.theme = name

        for name in sorted(self.app.available_themes):
            yield theme_words(self.app, name), partial(choose, name)

    async def discover(self) -> Hits:
        for text, choose in self._themes():
            yield DiscoveryHit(text, choose)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, choose in self._themes():
            if (score := matcher.match(text)) > 0:
                yield Hit(score, matcher.highlight(text), choose)


class ScreenKeys(Provider):
    """What the screen in front can do, by the words of its keys."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], object]]]:
        screen = self.screen
        for binding in screen_bindings(type(screen)):
            yield _text(binding), _runner(screen, binding.action)

    async def discover(self) -> Hits:
        for text, run in self._commands():
            yield DiscoveryHit(text, run)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, run in self._commands():
            if (score := matcher.match(text)) > 0:
                yield Hit(score, matcher.highlight(text), run)
