// An application embedding JwtAuthKit as its README shows: the library's endpoints, plus one endpoint of its own behind
// [Authorize] and one anonymous. The [Authorize] endpoint against the anonymous one is the cost of our validation.
// Usage: EmbeddingApp --urls http://127.0.0.1:PORT --db /path/embed.db, plus JwtAuthKit:* keys (the harness declares an
// application and raises the rate limits).
using JwtAuthKit;
using JwtAuthKit.AspNetCore;
using JwtAuthKit.EntityFramework;
using Microsoft.AspNetCore.Authorization;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var database = builder.Configuration["db"] ?? Path.Combine(Path.GetTempPath(), "embedding-app.db");
builder.Services.AddJwtAuthKit(builder.Configuration.GetSection(JwtAuthKitOptions.SectionName))
    .AddAspNetCore()
    .UseSqlite($"Data Source={database}");

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapJwtAuthKitEndpoints();
app.MapGet("/authorized", [Authorize] () => "ok");
app.MapGet("/anonymous", () => "ok");
app.MapGet("/healthz", () => "ok");
await app.RunAsync();
