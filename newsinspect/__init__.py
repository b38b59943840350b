"""newsinspect: turn raw news article dumps into structured articles, quotes and entities."""

__version__ = "0.1.0"
