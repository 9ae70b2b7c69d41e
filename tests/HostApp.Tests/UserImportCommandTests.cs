using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HostApp.Tests;

/// <summary><c>users import</c> and <c>users export</c> on the host's command line, next to the running host.</summary>
public sealed partial class UserImportCommandTests
{
    // ASP.NET Core Identity's V3 test vector for "my password" (dotnet/aspnetcore PasswordHasherTest.cs), and jBCrypt's for "abc".
    private const string IdentityV3Hash = "AQAAAAIAACcQAAAAEAABAgMEBQYHCAkKCwwNDg9B0Oxwty+PGIDSp95gcCfzeDvA4sGapUIUov8usXfD6A==";
    private const string BcryptHash = "$2b$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i";

    [Fact]
    public async Task A_CSV_file_imported_on_the_command_line_shows_in_the_admin_api_and_its_users_sign_in()
    {
        await using var host = await HostProcess.StartAsync();
        var (created, keys) = await HostProcess.RunToEndAsync(host.Directory, "apps", "create", "--name", "legacy");
        created.Should().Be(0, keys);
        var clientId = ClientIdLine().Match(keys).Groups["id"].Value;
        var publishable = KeyLine().Match(keys).Groups["pk"].Value;
        var secret = SecretLine().Match(keys).Groups["sk"].Value;
        var csv = Path.Combine(host.Directory, "users.csv");
        await File.WriteAllTextAsync(csv, string.Join('\n',
            "email,email_verified,name,roles,created_at,external_id,password_hash",
            $"ada@legacy.example,true,\"Lovelace, Ada\",user,2018-03-04T05:06:07Z,17,{IdentityV3Hash}",
            $"grace@legacy.example,true,Grace,user;admin,,18,{BcryptHash}",
            "nohash@legacy.example,false,,,,19,",
            "broken,true,Broken,,,20,",
            "") + "\n");

        var (exitCode, output) = await HostProcess.RunToEndAsync(host.Directory, "users", "import", "--app", clientId, csv);
        var (againExit, again) = await HostProcess.RunToEndAsync(host.Directory, "users", "import", "--app", clientId, csv);

        exitCode.Should().Be(1, "one row was refused: " + output);
        output.Should().Contain("3 created, 0 unchanged, 1 refused").And.Contain("row 3 (broken): invalid_email").And.Contain("4/4 rows");
        againExit.Should().Be(1);
        again.Should().Contain("0 created, 3 unchanged, 1 refused");

        using var server = host.NewClient();
        server.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var users = await ReadAsync(await server.GetAsync("/api/admin/users"));
        users.GetProperty("total").GetInt32().Should().Be(3);
        var ada = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == "ada@legacy.example");
        ada.GetProperty("name").GetString().Should().Be("Lovelace, Ada");
        ada.GetProperty("email_verified").GetBoolean().Should().BeTrue();
        users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == "grace@legacy.example")
            .GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("user", "admin");

        using var app = host.NewClient(publishable);
        (await app.PostAsJsonAsync("/api/auth/login", new { email = "ada@legacy.example", password = "my password" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.PostAsJsonAsync("/api/auth/login", new { email = "grace@legacy.example", password = "abc" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var exported = Path.Combine(host.Directory, "out.ndjson");
        var (exportExit, exportOutput) = await HostProcess.RunToEndAsync(host.Directory, "users", "export", "--app", clientId, "--include-password-hashes", exported);
        exportExit.Should().Be(0, exportOutput);
        var rows = (await File.ReadAllLinesAsync(exported)).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        rows.Select(r => r.GetProperty("email").GetString()).Should().BeEquivalentTo(["ada@legacy.example", "grace@legacy.example", "nohash@legacy.example"]);
        rows.Single(r => r.GetProperty("email").GetString() == "ada@legacy.example").GetProperty("password_hash").GetString()
            .Should().StartWith("$argon2id$", "the sign-in upgraded the imported hash");
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [GeneratedRegex(@"client_id:\s+(?<id>\S+)")]
    private static partial Regex ClientIdLine();

    [GeneratedRegex(@"publishable_key:\s+(?<pk>pk_\S+)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"secret_key:\s+(?<sk>sk_\S+)")]
    private static partial Regex SecretLine();
}
