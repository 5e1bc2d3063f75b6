from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from sessions.desk import desk
from sessions.outputs.sitemaps import SITEMAPS

# The admin is the archive's editors' desk: it says so, not "Django administration".
admin.site.site_header = "IGF session archive: editors"
admin.site.site_title = "IGF session archive editors"
admin.site.index_title = "Records to read and correct"


def favicon(request):
    """Clients that ask for /favicon.ico without reading the page's icon link get the icon, a
    static file under its hashed name. Not a permanent redirect: that name changes with it."""
    return redirect(static("img/favicon.svg"))


urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
    path("admin/desk/", desk, name="desk"),
    path("admin/", admin.site.urls),
    path("api/", include("sessions.api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("sessions.urls")),
]
