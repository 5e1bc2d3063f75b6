from django.urls import include, path
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from sessions.api import views

app_name = "api"


class Router(DefaultRouter):
    # One representation (JSON), so no ".json" suffixes.
    include_format_suffixes = False


router = Router()
router.register("sessions", views.SessionViewSet, basename="session")
router.register("people", views.PersonViewSet, basename="person")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("sdgs", views.SdgGoalViewSet, basename="sdg")

urlpatterns = [
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema",
            template_name="api/swagger_ui.html",
            template_name_js="api/swagger_ui.js",
        ),
        name="docs",
    ),
    path("", include(router.urls)),
]
