using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>
/// Bringing users from another system: <c>POST /api/admin/users/import</c> with their password hashes, sign-in that
/// upgrades each hash to Argon2id, idempotent re-runs, refused rows, and <c>GET /api/admin/users/export</c>.
/// </summary>
[Collection(nameof(TwoApplications))]
public sealed class UserImportTests(TwoApplications apps)
{
    private const string Secret = TwoApplications.AlphaSecret;

    [Fact]
    public async Task Every_foreign_hash_format_signs_in_over_HTTP_and_is_stored_as_Argon2id_afterwards()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var rows = ForeignHashVectors.All.Select(v => new { email = $"{tag}.{v.Name}@example.com", email_verified = true, password_hash = v.Hash, name = v.Name }).ToList();

        var imported = await ImportJsonAsync(rows);

        imported.GetProperty("created").GetInt32().Should().Be(rows.Count, imported.ToString());
        imported.GetProperty("refused").GetArrayLength().Should().Be(0);
        foreach (var vector in ForeignHashVectors.All)
        {
            var email = $"{tag}.{vector.Name}@example.com";
            (await apps.Alpha.LoginAsync(email, vector.Password + "!")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{vector.Name}: a wrong password is refused");
            (await StoredHashAsync(email)).Should().Be(vector.Hash, "a failed sign-in changes nothing");

            var login = await apps.Alpha.LoginAsync(email, vector.Password);

            login.StatusCode.Should().Be(HttpStatusCode.OK, $"{vector.Name} ({vector.Source}): {await login.Content.ReadAsStringAsync()}");
            var upgraded = await StoredHashAsync(email);
            upgraded.Should().StartWith("$argon2id$v=19$m=", vector.Name).And.NotBe(vector.Hash);
            (await apps.Alpha.LoginAsync(email, vector.Password)).StatusCode.Should().Be(HttpStatusCode.OK, $"{vector.Name}: the upgraded hash verifies");
            (await StoredHashAsync(email)).Should().Be(upgraded, "a native hash with current parameters is kept");
        }
    }

    [Fact]
    public async Task An_NDJSON_import_run_twice_creates_once_and_then_changes_nothing()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var lines = Enumerable.Range(0, 5).Select(i => JsonSerializer.Serialize(new
        {
            email = $"{tag}.Nd{i}@Example.com ",
            email_verified = i % 2 == 0,
            name = "Row " + i,
            roles = new[] { "user" },
            created_at = "2019-05-01T10:00:00Z",
            external_id = "legacy-" + i,
        }));
        var body = string.Join("\n", lines) + "\n\n";

        var first = await ImportAsync(body, "application/x-ndjson");
        var second = await ImportAsync(body, "application/x-ndjson");

        first.GetProperty("created").GetInt32().Should().Be(5, first.ToString());
        first.GetProperty("unchanged").GetInt32().Should().Be(0);
        second.GetProperty("created").GetInt32().Should().Be(0);
        second.GetProperty("unchanged").GetInt32().Should().Be(5);
        second.GetProperty("refused").GetArrayLength().Should().Be(0);

        var found = await (await apps.AdminAsync(HttpMethod.Get, $"/users?query={tag}", Secret)).JsonAsync();
        found.GetProperty("total").GetInt32().Should().Be(5);
        var user = found.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == $"{tag}.nd2@example.com");
        user.GetProperty("name").GetString().Should().Be("Row 2");
        user.GetProperty("email_verified").GetBoolean().Should().BeTrue();
        user.GetProperty("created_at").GetDateTimeOffset().Should().Be(DateTimeOffset.Parse("2019-05-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var audit = await (await apps.AdminAsync(HttpMethod.Get, "/audit-events?type=admin.users_imported", Secret)).JsonAsync();
        var counts = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("data"))
            .Select(d => (d.GetProperty("created").GetString(), d.GetProperty("unchanged").GetString(), d.GetProperty("refused").GetString())).ToList();
        counts.Should().Contain(("5", "0", "0")).And.Contain(("0", "5", "0"), "each import writes one summary event, not one per row");
    }

    [Fact]
    public async Task Broken_rows_are_refused_with_index_and_code_and_leave_nothing_behind()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        string E(string name) => $"{tag}.{name}@example.com";
        var rows = new object[]
        {
            new { email = E("good1"), name = "First" },                                          // 0
            new { email = "not-an-email" + tag },                                                // 1
            new { email = E("role"), roles = new[] { "no-such-role" } },                         // 2
            new { email = E("hash"), password_hash = "md5$seasalt$3b5a39a7d0d7a2f1b4f1a2f1e3d4c5b6" }, // 3
            new { email = E("GOOD1"), name = "Second" },                                         // 4: same address as row 0
            new { email = E("typed"), email_verified = "yes" },                                  // 5: wrong type
            42,                                                                                  // 6: not an object
            new { email = E("good2"), password_hash = ForeignHashVectors.Get("bcrypt-2b").Hash },  // 7
        };

        var result = await ImportJsonAsync(rows);

        result.GetProperty("created").GetInt32().Should().Be(2, result.ToString());
        var refused = result.GetProperty("refused").EnumerateArray()
            .Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("code").GetString())).ToList();
        refused.Should().Equal(
            (1, "invalid_email"), (2, "unknown_role"), (3, "unsupported_password_hash"), (4, "duplicate_row"), (5, "validation_failed"), (6, "validation_failed"));
        result.GetProperty("refused")[1].GetProperty("email").GetString().Should().Be(E("role"));
        result.GetProperty("refused")[1].GetProperty("detail").GetString().Should().Contain("no-such-role");

        var found = await (await apps.AdminAsync(HttpMethod.Get, $"/users?query={tag}", Secret)).JsonAsync();
        found.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()).Should().BeEquivalentTo([E("good1"), E("good2")]);
        found.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("email").GetString() == E("good1")).GetProperty("name").GetString()
            .Should().Be("First", "the duplicate row wrote nothing");
    }

    [Fact]
    public async Task An_importer_with_users_write_imports_but_cannot_hand_out_roles_beyond_its_own()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await apps.CreateRoleAsync(Secret, "importer-" + tag, "users:write");
        var (_, importer) = await apps.UserWithRolesAsync(apps.Alpha, Secret, "importer-" + tag);
        var (_, reader) = await apps.UserWithRolesAsync(apps.Alpha, Secret);
        var body = string.Join('\n',
            JsonSerializer.Serialize(new { email = $"{tag}.plain@example.com" }),
            "{not json",
            JsonSerializer.Serialize(new { email = $"{tag}.boss@example.com", roles = new[] { "admin" } }));

        var imported = await SendImportAsync(body, "application/x-ndjson", importer);
        var refused = await SendImportAsync(body, "application/x-ndjson", reader);

        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var result = await imported.JsonAsync();
        result.GetProperty("created").GetInt32().Should().Be(1);
        result.GetProperty("refused").EnumerateArray().Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("code").GetString()))
            .Should().Equal((1, "validation_failed"), (2, "forbidden"));
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a token without users:write may not import");
        var found = await (await apps.AdminAsync(HttpMethod.Get, $"/users?query={tag}", Secret)).JsonAsync();
        found.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()).Should().Equal($"{tag}.plain@example.com");
    }

    [Fact]
    public async Task A_body_that_is_not_rows_is_refused_whole_and_writes_nothing()
    {
        var email = Unique.Email("whole");

        var malformed = await PostImportAsync($"[{{\"email\":\"{email}\"}}, {{", "application/json");
        var notArray = await PostImportAsync($"{{\"email\":\"{email}\"}}", "application/json");
        var text = await PostImportAsync(email, "text/plain");
        var tooMany = await PostImportAsync("[" + string.Join(',', Enumerable.Repeat("{}", 10_001)) + "]", "application/json");

        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await malformed.ProblemCodeAsync()).Should().Be("validation_failed");
        notArray.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        text.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await text.ProblemCodeAsync()).Should().Be("unsupported_media_type");
        tooMany.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await tooMany.ProblemCodeAsync()).Should().Be("payload_too_large");
        var found = await (await apps.AdminAsync(HttpMethod.Get, "/users?query=" + email, Secret)).JsonAsync();
        found.GetProperty("total").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task A_body_larger_than_an_ordinary_request_is_accepted_by_import()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var rows = Enumerable.Range(0, 1500).Select(i => new { email = $"big{i}.{tag}@example.com", name = new string('n', 100) }).ToList();

        var result = await ImportJsonAsync(rows);

        Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(rows)).Should().BeGreaterThan(64 * 1024);
        result.GetProperty("created").GetInt32().Should().Be(1500, "rows span two batches");
    }

    [Fact]
    public async Task Export_gives_the_rows_back_and_hashes_only_to_a_secret_key()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var vector = ForeignHashVectors.Get("identity-v3-sha512");
        var row = new { email = $"out.{tag}@example.com", email_verified = true, name = "Out", roles = new[] { "user" }, created_at = "2020-01-02T03:04:05Z", external_id = "auth0|5f7c8ec7c33c6c004bbafe82", password_hash = vector.Hash };
        await ImportJsonAsync(new[] { row });

        var withHashes = await ExportAsync("?include_password_hashes=true", Secret);
        var withoutHashes = await ExportAsync("", Secret);
        var (_, reader) = await apps.UserWithRolesAsync(apps.Alpha, Secret, "admin");
        var tokenWithFlag = await apps.AdminAsync(HttpMethod.Get, "/users/export?include_password_hashes=true", reader);
        var tokenWithoutFlag = await apps.AdminAsync(HttpMethod.Get, "/users/export", reader);

        withHashes.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        var exported = (await RowsAsync(withHashes)).Single(r => r.GetProperty("email").GetString() == row.email);
        exported.GetProperty("password_hash").GetString().Should().Be(vector.Hash);
        exported.GetProperty("name").GetString().Should().Be("Out");
        exported.GetProperty("email_verified").GetBoolean().Should().BeTrue();
        exported.GetProperty("created_at").GetDateTimeOffset().Should().Be(DateTimeOffset.Parse("2020-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture));
        exported.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("user");
        exported.GetProperty("external_id").GetString().Should().Be("auth0|5f7c8ec7c33c6c004bbafe82", "the source system's id is kept");
        (await RowsAsync(withoutHashes)).Where(r => r.TryGetProperty("password_hash", out var h) && h.ValueKind != JsonValueKind.Null).Should().BeEmpty();
        tokenWithFlag.StatusCode.Should().Be(HttpStatusCode.Forbidden, "even an admin's token may not read hashes");
        (await tokenWithFlag.ProblemCodeAsync()).Should().Be("forbidden");
        tokenWithoutFlag.StatusCode.Should().Be(HttpStatusCode.OK);

        var reimported = await ImportAsync(await withHashes.Content.ReadAsStringAsync(), "application/x-ndjson");
        reimported.GetProperty("created").GetInt32().Should().Be(0, "the export imports back as unchanged");
        reimported.GetProperty("refused").GetArrayLength().Should().Be(0, reimported.ToString());

        var beta = await RowsAsync(await ExportAsync("", TwoApplications.BetaSecret));
        beta.Should().NotContain(r => r.GetProperty("email").GetString() == row.email, "an export holds its own application's users only");
    }

    private async Task<HttpResponseMessage> ExportAsync(string query, string credential)
    {
        var response = await apps.AdminAsync(HttpMethod.Get, "/users/export" + query, credential);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response;
    }

    private static async Task<List<JsonElement>> RowsAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private async Task<JsonElement> ImportJsonAsync<T>(IEnumerable<T> rows) => await ImportAsync(JsonSerializer.Serialize(rows), "application/json");

    private async Task<JsonElement> ImportAsync(string body, string contentType)
    {
        var response = await PostImportAsync(body, contentType);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private Task<HttpResponseMessage> PostImportAsync(string body, string contentType) => SendImportAsync(body, contentType, Secret);

    private Task<HttpResponseMessage> SendImportAsync(string body, string contentType, string credential)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/users/import").WithBearer(credential);
        request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType));
        return apps.Host.Client.SendAsync(request);
    }

    private async Task<string?> StoredHashAsync(string email)
    {
        await using var connection = new SqliteConnection($"Data Source={apps.Host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"PasswordHash\" FROM jak_users WHERE \"Email\" = $email";
        command.Parameters.AddWithValue("$email", email.Trim().ToLowerInvariant());
        return await command.ExecuteScalarAsync() as string;
    }
}
