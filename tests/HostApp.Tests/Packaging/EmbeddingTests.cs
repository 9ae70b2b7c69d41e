using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace HostApp.Tests.Packaging;

/// <summary>
/// A new app embeds JwtAuthKit exactly as the documents say, from the packed packages: the README's example is the
/// app's Program.cs, taken from the README itself, and the own-DbContext variant is taken from docs/embedding.md.
/// </summary>
[Collection(nameof(PackedFeed))]
public sealed class EmbeddingTests(PackedFeed feed)
{
    private const string Password = "correct horse battery staple";
    private static readonly TimeSpan CliTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_README_example_builds_from_the_packages_and_protects_the_apps_endpoints()
    {
        var app = await CreateAppAsync("readme", PackedFeed.ReadmePackages(), PackedFeed.CodeBlock("README.md", "Program.cs"));

        await using var running = await RunningApp.StartAsync(app, "/.well-known/openid-configuration");
        using var client = running.NewClient();

        var signUp = await client.PostAsJsonAsync("/api/auth/register", new { email = "reader@example.com", password = Password });
        signUp.StatusCode.Should().Be(HttpStatusCode.Created, await signUp.Content.ReadAsStringAsync());
        var token = await SignInAsync(client, "reader@example.com");

        (await client.GetAsync("/orders")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "no token");
        var orders = await WithBearer(client, HttpMethod.Get, "/orders", token);
        orders.StatusCode.Should().Be(HttpStatusCode.OK);
        (await orders.Content.ReadAsStringAsync()).Should().StartWith("orders of ");
        (await WithBearer(client, HttpMethod.Get, "/reports", token)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a plain user is not an admin");
        (await WithBearer(client, HttpMethod.Post, "/posts", token)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a plain user holds no permission");
        File.Exists(Path.Combine(app, "auth.db")).Should().BeTrue("UseSqlite created the database the example names");
    }

    [Fact]
    public async Task An_apps_own_DbContext_holds_the_tables_through_its_own_migrations()
    {
        var commands = PackedFeed.CodeBlock("docs/embedding.md", "own-dbcontext commands").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var extraPackages = commands.Where(c => c.StartsWith("dotnet add package ", StringComparison.Ordinal)).Select(c => c["dotnet add package ".Length..]);
        var app = await CreateAppAsync("own-context", [.. PackedFeed.ReadmePackages(), .. extraPackages], PackedFeed.CodeBlock("docs/embedding.md", "own-dbcontext Program.cs"));

        // The EF Core tools as the docs run them (the repository's local tool manifest holds dotnet-ef).
        foreach (var command in commands.Where(c => c.StartsWith("dotnet ef ", StringComparison.Ordinal)))
        {
            await DotnetCli.RunAsync(PackedFeed.RepositoryRoot, CliTimeout,
                ["tool", "run", "dotnet-ef", .. command["dotnet ef ".Length..].Split(' '), "--project", app, "--configuration", "Release"]);
        }

        var migrations = Directory.GetFiles(Path.Combine(app, "Migrations"), "*.cs");
        migrations.Should().Contain(f => f.EndsWith("_AddJwtAuthKit.cs", StringComparison.Ordinal));
        var migration = File.ReadAllText(migrations.Single(f => f.EndsWith("_AddJwtAuthKit.cs", StringComparison.Ordinal)));
        migration.Should().Contain("jak_users").And.Contain("jak_data_protection_keys").And.Contain("Orders", "one migration holds the app's tables and JwtAuthKit's");
        await DotnetCli.RunAsync(app, CliTimeout, "build", "-c", "Release");

        await using var running = await RunningApp.StartAsync(app, "/.well-known/jwks.json");
        using var client = running.NewClient();
        (await client.PostAsJsonAsync("/api/auth/register", new { email = "owner@example.com", password = Password })).StatusCode.Should().Be(HttpStatusCode.Created);
        var token = await SignInAsync(client, "owner@example.com");
        var orders = await WithBearer(client, HttpMethod.Get, "/orders", token);
        orders.StatusCode.Should().Be(HttpStatusCode.OK);
        (await orders.Content.ReadAsStringAsync()).Should().Be("[]");
        File.Exists(Path.Combine(app, "auth.db")).Should().BeFalse("everything lives in the app's own shop.db");
        File.Exists(Path.Combine(app, "shop.db")).Should().BeTrue();
    }

    private async Task<string> CreateAppAsync(string name, IEnumerable<string> packages, string program)
    {
        var root = feed.NewAppFolder(name);
        await DotnetCli.RunAsync(root, CliTimeout, "new", "web", "--output", "app", "--framework", "net10.0", "--no-restore");
        var app = Path.Combine(root, "app");
        foreach (var package in packages)
        {
            var id = package.Split(' ')[0];
            var version = id.StartsWith("JwtAuthKit.", StringComparison.Ordinal) ? feed.Version : VersionIn(package);
            await DotnetCli.RunAsync(app, CliTimeout, ["add", "package", id, .. version is null ? Array.Empty<string>() : ["--version", version]]);
        }

        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), program);
        await File.WriteAllTextAsync(Path.Combine(app, "appsettings.json"), PackedFeed.CodeBlock("README.md", "appsettings.json"));
        await DotnetCli.RunAsync(app, CliTimeout, "build", "-c", "Release");
        return app;
    }

    private static string? VersionIn(string package)
    {
        var parts = package.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(parts, "--version");
        return index >= 0 && index + 1 < parts.Length ? parts[index + 1] : null;
    }

    private static async Task<string> SignInAsync(HttpClient client, string email)
    {
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.StatusCode.Should().Be(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    private static Task<HttpResponseMessage> WithBearer(HttpClient client, HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
