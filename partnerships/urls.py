from django.urls import path
from django.views.generic import TemplateView

app_name = "partnerships"

urlpatterns = [
    path("", TemplateView.as_view(template_name="partnerships/index.html"), name="index"),
]
