from django import template

from core.admin_utils import change_message as _change_message

register = template.Library()


@register.filter
def change_message(entry) -> str:
    """What an admin log entry changed, with its field names in the reader's language."""
    return _change_message(entry)
