from django.urls import path

from sessions import views

app_name = "sessions"

urlpatterns = [
    path("", views.home, name="home"),
    path("sessions/", views.session_list, name="list"),
    path("sessions/<slug:meeting>/<slug:slug>/", views.session_detail, name="detail"),
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting"),
    path("sdgs/", views.sdg_list, name="sdgs"),
    path("sdgs/<int:number>/", views.sdg_detail, name="sdg"),
]
