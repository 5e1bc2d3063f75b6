from django.urls import path

from speakers import views

app_name = "speakers"

urlpatterns = [
    path("people/", views.person_list, name="people"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("organizations/", views.organization_list, name="organizations"),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization"),
]
