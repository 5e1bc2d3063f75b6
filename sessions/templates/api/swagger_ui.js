{% comment %}Starts Swagger UI on the API's schema. drf-spectacular's own script adds a CSRF token
to requests, which would set a cookie; the API is read-only and has no use for one.{% endcomment %}"use strict";

window.ui = SwaggerUIBundle({
  url: "{{ schema_url|escapejs }}",
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  ...{{ settings|safe }},
});
