// The floor-side peer of the [Authorize] endpoint: the stock JwtBearer handler, configured from JwtAuthKit's discovery
// document (issuer and JWKS), validating the very ES256 tokens the embedding app issues.
// Usage: JwtBearerPeer --urls http://127.0.0.1:PORT --authority http://127.0.0.1:ISSUERPORT --audience CLIENT_ID
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var authority = builder.Configuration["authority"] ?? throw new InvalidOperationException("--authority is required.");
var audience = builder.Configuration["audience"] ?? throw new InvalidOperationException("--audience is required.");
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
{
    o.Authority = authority;
    o.Audience = audience;
    o.RequireHttpsMetadata = false; // loopback only
    o.MapInboundClaims = false;
});
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/authorized", [Authorize] () => "ok");
app.MapGet("/anonymous", () => "ok");
app.MapGet("/healthz", () => "ok");
await app.RunAsync();
