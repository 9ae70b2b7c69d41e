using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.EntityFramework;
using JwtAuthKit.Platform;
using JwtAuthKit.Tokens;

namespace JwtAuthKit.HostApp;

/// <summary>
/// Commands of the host that run and exit instead of serving: <c>migrate</c>, <c>keys rotate</c>,
/// <c>apps create --name …</c>, <c>operators create --email … [--password …]</c>, <c>users import</c>, <c>users export</c>
/// and <c>help</c>. They call the same
/// public services as the HTTP API.
/// </summary>
internal static class HostCommands
{
    public const string Usage = """
        JwtAuthKit host: authentication and user management for many client applications.

        Usage: HostApp [command] [options]

        With no command, the host serves the API (see --urls). Commands run once and exit:
          migrate                                      apply database migrations
          keys rotate                                  start signing with a new key now (earlier keys stay published until their tokens expire;
                                                       keys also rotate every 90 days, see JwtAuthKit:SigningKeyRotation)
          apps create --name <name>                    create an application and print its keys (the secret key is shown once)
          operators create --email <email> [--password <password>]
                                                       create a dashboard operator (the password is read from stdin when left out)
          users import --app <client_id> <file>        import users from a .csv (header row of field names), .json or .ndjson file,
                                                       with their password hashes from ASP.NET Core Identity, Django, bcrypt or Argon2
                                                       (see docs/migrating.md); existing addresses are left unchanged
          users export --app <client_id> [--include-password-hashes] <file>
                                                       write the application's users to a .csv, .json or .ndjson file
          help, --help, -h                             print this help

        Options (any configuration key works as --Key value or as an environment variable Key with __ for :):
          --urls <urls>                                where to listen (default http://localhost:5000)
          --environment <name>                         Development keeps mail in the dev mailbox (/dev/mailbox)
          --ConnectionStrings:JwtAuthKit <string>      the SQLite database (default Data Source=jwtauthkit.db)
          --JwtAuthKit:Issuer <url>                    the issuer of tokens; required when listening on every interface
          --JwtAuthKit:Smtp:Host <host>                send mail over SMTP (also Port, Security, Username, Password, From, FromName)
          --JwtAuthKit:Dashboard:Operator:Email <email> and :Password <password>
                                                       create this operator at start if no dashboard account has the address
          --JwtAuthKit:Dashboard:SignupEnabled true    let anyone create a dashboard account and own the applications they create
          --JwtAuthKit:Dashboard:RequireMfa true       operators must set up an authenticator app before using the dashboard

        The API reference is served at /docs, the OpenAPI document at /openapi/jwtauthkit.json.
        """;

    public static bool IsHelp(string[] args) => args.Length > 0 && args[0] is "help" or "--help" or "-h" or "-?";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "keys" or "apps" or "operators" or "users";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args)
        {
            case ["migrate", ..]:
                await JwtAuthKitDatabase.MigrateAsync(app.Services, CancellationToken.None);
                Console.WriteLine("Database migrated.");
                return 0;

            case ["keys", "rotate", ..]:
                await JwtAuthKitDatabase.MigrateAsync(app.Services, CancellationToken.None);
                var keyId = await app.Services.GetRequiredService<SigningKeyManager>().RotateAsync(CancellationToken.None);
                Console.WriteLine($"Signing keys rotated; new key id {keyId}. Earlier keys stay published until their tokens expire.");
                return 0;

            case ["apps", "create", ..]:
                return await CreateApplicationAsync(app, Option(args, "--name"));

            case ["operators", "create", ..]:
                return await CreateOperatorAsync(app, Option(args, "--email"), Option(args, "--password"));

            case ["users", "import", ..]:
                return await ImportUsersAsync(app, Option(args, "--app"), LastArgument(args));

            case ["users", "export", ..]:
                return await ExportUsersAsync(app, Option(args, "--app"), args.Contains("--include-password-hashes"), LastArgument(args));

            default:
                await Console.Error.WriteLineAsync($"Unknown command '{string.Join(' ', args)}'.\n\n{Usage}");
                return 2;
        }
    }

    private static async Task<int> CreateApplicationAsync(WebApplication app, string? name)
    {
        if (name is null)
        {
            await Console.Error.WriteLineAsync("Usage: apps create --name <name>");
            return 2;
        }

        await JwtAuthKitDatabase.MigrateAsync(app.Services, CancellationToken.None);
        var result = await app.Services.GetRequiredService<IApplicationAdministrationService>().CreateAsync(name, null, CancellationToken.None);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"Not created: {Describe(result.Error)}");
            return 1;
        }

        var created = result.Value;
        Console.WriteLine($"Created application {created.Application.Name}.");
        Console.WriteLine($"id:              {created.Application.Id}");
        Console.WriteLine($"client_id:       {created.Application.ClientId}");
        Console.WriteLine($"publishable_key: {created.PublishableKey}");
        Console.WriteLine($"secret_key:      {created.SecretKey}");
        Console.WriteLine("Keep the secret key on your servers; it is stored only as a hash and will not be shown again.");
        return 0;
    }

    private static async Task<int> CreateOperatorAsync(WebApplication app, string? email, string? password)
    {
        if (email is null)
        {
            await Console.Error.WriteLineAsync("Usage: operators create --email <email> [--password <password>]");
            return 2;
        }

        // A password on the command line lands in shell history and process lists; stdin avoids both.
        password ??= Console.In.ReadLine();
        await JwtAuthKitDatabase.MigrateAsync(app.Services, CancellationToken.None);
        var result = await app.Services.GetRequiredService<IOperatorAccountService>().CreateAsync(email, password ?? "", CancellationToken.None);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"Not created: {result.Error.Code}: {Describe(result.Error)}");
            return 1;
        }

        Console.WriteLine($"Created operator {result.Value.Email}. Sign in with POST /api/platform/login.");
        return 0;
    }

    private static async Task<int> ImportUsersAsync(WebApplication app, string? clientId, string? file)
    {
        if (clientId is null || file is null || file == clientId || !UserFiles.IsSupported(file))
        {
            await Console.Error.WriteLineAsync("Usage: users import --app <client_id> <file.csv|file.json|file.ndjson>");
            return 2;
        }

        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"No such file: {file}");
            return 2;
        }

        await JwtAuthKitDatabase.MigrateAsync(app.Services, CancellationToken.None);
        if (await app.Services.GetRequiredService<IApplicationResolver>().FindByClientIdAsync(clientId, CancellationToken.None) is not { } application)
        {
            await Console.Error.WriteLineAsync($"No application with client id '{clientId}'.");
            return 1;
        }

        var progress = new ImportProgressBar(UserFiles.CountRows(file), Console.Error);
        var result = await app.Services.GetRequiredService<IUserImportService>()
            .ImportAsync(AdminActor.System(application), UserFiles.ReadAsync(file, CancellationToken.None), progress, CancellationToken.None);
        progress.Done();
        Console.WriteLine($"Imported into {application.Name}: {result.Created} created, {result.Unchanged} unchanged, {result.Refused.Count} refused.");
        foreach (var row in result.Refused)
        {
            Console.WriteLine($"  row {row.Index} ({row.Email ?? "no email"}): {row.Code}: {row.Detail}");
        }

        return result.Refused.Count == 0 ? 0 : 1;
    }

    private static async Task<int> ExportUsersAsync(WebApplication app, string? clientId, bool includeHashes, string? file)
    {
        if (clientId is null || file is null || file == clientId || file.StartsWith("--", StringComparison.Ordinal) || !UserFiles.IsSupported(file))
        {
            await Console.Error.WriteLineAsync("Usage: users export --app <client_id> [--include-password-hashes] <file.csv|file.json|file.ndjson>");
            return 2;
        }

        await JwtAuthKitDatabase.MigrateAsync(app.Services, CancellationToken.None);
        if (await app.Services.GetRequiredService<IApplicationResolver>().FindByClientIdAsync(clientId, CancellationToken.None) is not { } application)
        {
            await Console.Error.WriteLineAsync($"No application with client id '{clientId}'.");
            return 1;
        }

        var export = await app.Services.GetRequiredService<IUserImportService>().ExportAsync(AdminActor.System(application), includeHashes, CancellationToken.None);
        if (!export.Succeeded)
        {
            await Console.Error.WriteLineAsync($"Not exported: {export.Error.Code}: {Describe(export.Error)}");
            return 1;
        }

        var count = await UserFiles.WriteAsync(file, export.Value, CancellationToken.None);
        Console.WriteLine($"Exported {count} users of {application.Name} to {file}{(includeHashes ? ", with password hashes: keep the file as safe as the database" : "")}.");
        return 0;
    }

    private static string? LastArgument(string[] args) => args.Length > 2 && !args[^1].StartsWith("--", StringComparison.Ordinal) ? args[^1] : null;

    private static string Describe(JwtAuthKitError error) =>
        $"{error.Message} {string.Join("; ", error.FieldErrors?.Select(e => $"{e.Key} {string.Join(", ", e.Value)}") ?? [])}".Trim();

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
