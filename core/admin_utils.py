"""Admin helpers: both languages' content fields side by side."""

from core.i18n import translated_names


def side_by_side(*fields: str) -> tuple:
    """Fieldset rows with the Swedish and English columns of each field on one line."""
    return tuple(tuple(translated_names(field)) for field in fields)


def translated_search_fields(*fields: str) -> tuple[str, ...]:
    return tuple(name for field in fields for name in translated_names(field))
