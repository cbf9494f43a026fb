from django.conf import settings


def site(request):
    return {
        "ICLD_CONTACT_EMAIL": settings.ICLD_CONTACT_EMAIL,
        "ICLD_SITE_URL": settings.ICLD_SITE_URL,
    }
