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
builder.Services.AddJwtAuthKit(builder.Configuration.GetSection(JwtAuthKitOptions.SectionName))
    .UseSqlite(connectionString, migrateOnStartup: !isCommand);

// Signing keys are encrypted with Data Protection; its key ring must outlive restarts and be shared by every
// node that serves the same database.
builder.Services.AddDataProtection()
    .SetApplicationName("JwtAuthKit")
    .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["JwtAuthKit:DataProtection:KeysPath"] ?? "dataprotection-keys"));

builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();

var app = builder.Build();

if (isCommand)
{
    return await HostCommands.RunAsync(app, args);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapJwtAuthKitEndpoints();
app.MapHealthChecks("/healthz");

await app.RunAsync();
return 0;

/// <summary>The host's entry point, visible to the end-to-end tests.</summary>
public partial class Program;
