from django.http import HttpResponse


def floor(request):
    """The benchmark's floor: the cheapest response the full middleware stack can give."""
    return HttpResponse("ok", content_type="text/plain")
