from django import template

from staff.selectors import waiting_items_for

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_waiting_items(context):
    """{% staff_waiting_items as items %}: the start-page entries the current person may see."""
    request = context.get("request")
    if request is None:
        return []
    return waiting_items_for(request)
