// The peer for /me, /token/refresh and /login: ASP.NET Core Identity's MapIdentityApi as its docs set it up, on a SQLite
// file, with its bearer tokens (Data Protection, not JWTs) and its default password hasher (PBKDF2-HMAC-SHA512,
// 100,000 iterations). Usage: IdentityPeer --urls http://127.0.0.1:PORT --db /path/identity.db
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var database = builder.Configuration["db"] ?? Path.Combine(Path.GetTempPath(), "identity-peer.db");
builder.Services.AddDbContext<PeerDbContext>(o => o.UseSqlite($"Data Source={database}"));
builder.Services.AddAuthorization();
builder.Services.AddIdentityApiEndpoints<IdentityUser>().AddEntityFrameworkStores<PeerDbContext>();

var app = builder.Build();
using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<PeerDbContext>().Database.EnsureCreatedAsync();
}

app.UseAuthentication();
app.UseAuthorization();
app.MapIdentityApi<IdentityUser>();
app.MapGet("/healthz", () => "ok");
await app.RunAsync();

/// <summary>Identity's own schema, nothing added.</summary>
internal sealed class PeerDbContext(DbContextOptions<PeerDbContext> options) : IdentityDbContext<IdentityUser>(options);
