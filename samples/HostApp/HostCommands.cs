using JwtAuthKit.Tokens;

namespace JwtAuthKit.HostApp;

/// <summary>Commands of the host that run and exit instead of serving: <c>migrate</c>, <c>keys rotate</c>.</summary>
internal static class HostCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "keys";

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

            default:
                await Console.Error.WriteLineAsync("Unknown command. Commands: migrate, keys rotate.");
                return 2;
        }
    }
}
