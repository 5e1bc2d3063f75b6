from django.http import HttpResponse
from django.urls import path

from igfarchive.urls import urlpatterns as archive_urlpatterns


def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("floor/", floor), *archive_urlpatterns]
