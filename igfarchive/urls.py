from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from sessions.desk import desk
from sessions.outputs.sitemaps import SITEMAPS

# The admin is the archive's editors' desk: it says so, not "Django administration".
admin.site.site_header = "IGF session archive: editors"
admin.site.site_title = "IGF session archive editors"
admin.site.index_title = "Records to read and correct"

urlpatterns = [
    path("admin/desk/", desk, name="desk"),
    path("admin/", admin.site.urls),
    path("api/", include("sessions.api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("sessions.urls")),
]
