// Swagger UI over this server's own OpenAPI document. A file, not an inline script: the
// Content-Security-Policy allows scripts from this origin only.
window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  // "Try it out" sends the token from "Authorize"; nothing is kept after the page closes.
  persistAuthorization: false
});
