"""Served only with ICLD_BENCH on (bench/run.py sets it), outside the language prefix."""

from django.urls import path

from bench import views

urlpatterns = [path("floor/", views.floor)]
