using JwtAuthKit;
using JwtAuthKit.AspNetCore;
using JwtAuthKit.HostApp;
using JwtAuthKit.HostApp.Dashboard;
using JwtAuthKit.Smtp;
using Microsoft.AspNetCore.DataProtection;
using Scalar.AspNetCore;

if (HostCommands.IsHelp(args))
{
    Console.WriteLine(HostCommands.Usage);
    return 0;
}

// The content root is where the host's files are, so appsettings.json is found from whatever folder it is started in;
// the SQLite file (Data Source=jwtauthkit.db) stays relative to the working folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (HostConfiguration.ApplyDefaults(builder.Configuration) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 1;
}

// Behind a reverse proxy, the client's address (what rate limits count) comes from X-Forwarded-For only when the
// request came from one of the configured proxies; with none configured, forwarded headers are ignored.
var (forwardedHeaders, forwardedRefusal) = HostForwardedHeaders.Read(builder.Configuration);
if (forwardedRefusal is not null)
{
    await Console.Error.WriteLineAsync(forwardedRefusal);
    return 1;
}

var (database, databaseRefusal) = HostDatabase.Read(builder.Configuration);
if (databaseRefusal is not null)
{
    await Console.Error.WriteLineAsync(databaseRefusal);
    return 1;
}

var isCommand = HostCommands.IsCommand(args);
var jwtAuthKit = builder.Services.AddJwtAuthKit(builder.Configuration.GetSection(JwtAuthKitOptions.SectionName))
    .AddAspNetCore();
database!.Apply(jwtAuthKit, migrateOnStartup: !isCommand);

// Mail: with the dev mailbox on (by default only in Development with no SMTP host), it stays in the database and is read
// at /dev/mailbox; otherwise it goes out over SMTP; with neither, it waits in the outbox until an SMTP host is set.
var smtp = builder.Configuration.GetSection("JwtAuthKit:Smtp");
var mail = HostConfiguration.ChooseMail(builder.Configuration, builder.Environment);
if (mail == HostMail.Smtp)
{
    jwtAuthKit.AddSmtpEmailSender(smtp);
}
else if (mail == HostMail.Held)
{
    builder.Services.PostConfigure<JwtAuthKitOptions>(o => o.Email.DeliveryEnabled = false);
}

// The Data Protection key ring that encrypts signing keys lives in the JwtAuthKit database; one application name lets
// every node, started from any folder, read it.
builder.Services.AddDataProtection().SetApplicationName("JwtAuthKit");

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
// Metrics and traces leave the host only when an OTLP endpoint is configured (docs/configuration.md).
var telemetryTarget = builder.AddHostTelemetry();
// /healthz says the process is up; /readyz that the database, mail and the host are ready (503 naming what is not).
builder.Services.AddHostHealthChecks(mail);
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.IncludeSubDomains = builder.Configuration.GetValue("JwtAuthKit:Hsts:IncludeSubDomains", false);
});

// The admin dashboard at /admin.
builder.AddJwtAuthKitDashboard(devMailbox: mail == HostMail.DevMailbox);

var app = builder.Build();

if (isCommand)
{
    return await HostCommands.RunAsync(app, args);
}

if (forwardedHeaders is not null)
{
    app.UseForwardedHeaders(forwardedHeaders);
}

if (mail == HostMail.Held)
{
    HostLog.MailNotSent(app.Logger);
}

if (telemetryTarget is not null)
{
    HostLog.TelemetryExported(app.Logger, telemetryTarget);
}

if (!app.Environment.IsDevelopment())
{
    // Browsers keep to HTTPS for a year once they saw this over HTTPS (RFC 6797); sent only on HTTPS requests.
    app.UseHsts();
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseJwtAuthKitCors();
app.UseAuthentication();
app.UseAuthorization();
app.MapJwtAuthKitEndpoints();
if (mail == HostMail.DevMailbox)
{
    app.MapJwtAuthKitDevMailbox();
}

// The OpenAPI document of every endpoint, and a readable reference of it whose assets the host serves itself.
app.MapOpenApi();
// Nothing on it calls out of the host: no web fonts, telemetry, AI agent or hosted developer tools.
app.MapScalarApiReference("/docs", options =>
{
    options.WithTitle("JwtAuthKit API reference")
        .AddDocument("jwtauthkit", routePattern: "/openapi/jwtauthkit.json")
        .DisableDefaultFonts()
        .DisableTelemetry()
        .DisableAgent()
        .DisableMcp()
        .HideClientButton();
    options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
});
app.UseJwtAuthKitDashboard();

// The web SDK's demo page (/demo), with the SDK as built from sdk/web beside it.
app.UseJwtAuthKitDemoPage();
app.MapHostHealthChecks();

await app.RunAsync();
return 0;

/// <summary>The host's entry point, visible to the end-to-end tests.</summary>
public partial class Program;
