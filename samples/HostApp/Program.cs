using JwtAuthKit;
using JwtAuthKit.AspNetCore;
using JwtAuthKit.HostApp;
using Microsoft.AspNetCore.DataProtection;

var builder = WebApplication.CreateBuilder(args);
HostConfiguration.ApplyDefaults(builder.Configuration);

var connectionString = builder.Configuration.GetConnectionString("JwtAuthKit") ?? HostConfiguration.DefaultConnectionString;
var provider = builder.Configuration["JwtAuthKit:Database:Provider"] ?? "Sqlite";
if (!string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
{
    throw new InvalidOperationException($"JwtAuthKit:Database:Provider '{provider}' is not supported yet; use Sqlite.");
}

var isCommand = HostCommands.IsCommand(args);
var jwtAuthKit = builder.Services.AddJwtAuthKit(builder.Configuration.GetSection(JwtAuthKitOptions.SectionName))
    .UseSqlite(connectionString, migrateOnStartup: !isCommand);

// With an SMTP host, mail goes out over SMTP; without one, it stays in the dev mailbox (/dev/mailbox).
var smtp = builder.Configuration.GetSection("JwtAuthKit:Smtp");
var useDevMailbox = string.IsNullOrWhiteSpace(smtp["Host"]);
if (!useDevMailbox)
{
    jwtAuthKit.AddSmtpEmailSender(smtp);
}

// Signing keys are encrypted with Data Protection; its key ring must outlive restarts and be shared by every
// node that serves the same database.
builder.Services.AddDataProtection()
    .SetApplicationName("JwtAuthKit")
    .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["JwtAuthKit:DataProtection:KeysPath"] ?? "dataprotection-keys"));

// Errors raised by the framework itself (unknown route, wrong method, a bug) also carry a stable code.
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
    context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails.Status switch
    {
        400 => JwtAuthKitErrors.ValidationFailed,
        401 => JwtAuthKitErrors.Unauthorized,
        403 => JwtAuthKitErrors.Forbidden,
        404 or 405 => JwtAuthKitErrors.NotFound,
        409 => JwtAuthKitErrors.Conflict,
        413 => JwtAuthKitErrors.PayloadTooLarge,
        415 => JwtAuthKitErrors.UnsupportedMediaType,
        429 => JwtAuthKitErrors.RateLimited,
        _ => "internal_error",
    }));
builder.Services.AddHealthChecks();

var app = builder.Build();

if (isCommand)
{
    return await HostCommands.RunAsync(app, args);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseJwtAuthKitCors();
app.UseAuthentication();
app.UseAuthorization();
app.MapJwtAuthKitEndpoints();
if (useDevMailbox)
{
    app.MapJwtAuthKitDevMailbox(builder.Configuration.GetValue("JwtAuthKit:DevMailbox:AllowRemote", false));
}

app.MapHealthChecks("/healthz");

await app.RunAsync();
return 0;

/// <summary>The host's entry point, visible to the end-to-end tests.</summary>
public partial class Program;
