from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from sessions.outputs.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("sessions.api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("sessions.urls")),
]
