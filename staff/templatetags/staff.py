from django import template

from staff.selectors import may_handle_personal_data, waiting_items_for

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_waiting_items(context):
    """{% staff_waiting_items as items %}: the start-page entries the current person may see."""
    request = context.get("request")
    if request is None:
        return []
    return waiting_items_for(request)


@register.simple_tag(takes_context=True)
def staff_may_handle_personal_data(context) -> bool:
    """{% staff_may_handle_personal_data as allowed %}: may this person export and erase?"""
    request = context.get("request")
    return request is not None and may_handle_personal_data(request.user)
