from django.urls import path
from django.views.generic import TemplateView

app_name = "programmes"

urlpatterns = [
    path("", TemplateView.as_view(template_name="programmes/index.html"), name="index"),
]
