using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using JwtAuthKit.Administration;

namespace JwtAuthKit.HostApp;

/// <summary>
/// User files of <c>users import</c> and <c>users export</c>, by extension: <c>.csv</c> (a header row naming the fields,
/// roles separated by <c>;</c>), <c>.json</c> (an array) or <c>.ndjson</c>/<c>.jsonl</c> (one object per line). Rows are
/// read one at a time, so a file of 100,000 users is never held in memory at once.
/// </summary>
internal static class UserFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly string[] Fields = ["email", "email_verified", "name", "roles", "created_at", "external_id", "password_hash"];

    public static bool IsSupported(string path) => Kind(path) is not null;

    /// <summary>The number of rows, by counting lines (CSV, NDJSON), or <see langword="null"/> for a JSON array.</summary>
    public static int? CountRows(string path)
    {
        if (Kind(path) is not ("csv" or "ndjson"))
        {
            return null;
        }

        var lines = File.ReadLines(path).Count(l => !string.IsNullOrWhiteSpace(l));
        return Kind(path) == "csv" ? Math.Max(0, lines - 1) : lines;
    }

    public static IAsyncEnumerable<ImportedUser> ReadAsync(string path, CancellationToken cancellationToken) => Kind(path) switch
    {
        "csv" => ReadCsvAsync(path, cancellationToken),
        "ndjson" => ReadNdjsonAsync(path, cancellationToken),
        _ => ReadJsonArrayAsync(path, cancellationToken),
    };

    public static async Task<int> WriteAsync(string path, IAsyncEnumerable<ImportedUser> rows, CancellationToken cancellationToken)
    {
        var kind = Kind(path);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var count = 0;
        if (kind == "csv")
        {
            await writer.WriteLineAsync(string.Join(',', Fields));
        }
        else if (kind == "json")
        {
            await writer.WriteAsync('[');
        }

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var line = kind == "csv" ? ToCsv(row) : JsonSerializer.Serialize(FileRow.From(row), Json);
            if (kind == "json" && count > 0)
            {
                await writer.WriteAsync(',');
            }

            await (kind == "json" ? writer.WriteAsync("\n" + line) : writer.WriteLineAsync(line));
            count++;
        }

        if (kind == "json")
        {
            await writer.WriteLineAsync("\n]");
        }

        return count;
    }

    private static string? Kind(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".json" => "json",
        ".ndjson" or ".jsonl" => "ndjson",
        _ => null,
    };

    private static async IAsyncEnumerable<ImportedUser> ReadNdjsonAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Parse(line);
            }
        }
    }

    private static async IAsyncEnumerable<ImportedUser> ReadJsonArrayAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, Json, cancellationToken))
        {
            yield return element.ValueKind == JsonValueKind.Object ? Parse(element.GetRawText()) : new ImportedUser(null) { ReadError = "The row is not a JSON object." };
        }
    }

    private static ImportedUser Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<FileRow>(json, Json) is { } row ? row.ToImported() : new ImportedUser(null) { ReadError = "The row is empty." };
        }
        catch (JsonException)
        {
            return new ImportedUser(null) { ReadError = "The row is not valid JSON, or a field has the wrong type." };
        }
    }

    private static async IAsyncEnumerable<ImportedUser> ReadCsvAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        string[]? header = null;
        while (await ReadCsvRecordAsync(reader, cancellationToken) is { } record)
        {
            if (record is [""])
            {
                continue;
            }

            if (header is null)
            {
                header = [.. record.Select(h => h.Trim().ToLowerInvariant())];
                continue;
            }

            yield return FromCsv(header, record);
        }
    }

    private static ImportedUser FromCsv(string[] header, string[] record)
    {
        string? Field(string name)
        {
            var at = Array.IndexOf(header, name);
            return at >= 0 && at < record.Length && record[at].Length > 0 ? record[at] : null;
        }

        var email = Field("email");
        if (record.Length != header.Length)
        {
            return new ImportedUser(email) { ReadError = $"The row has {record.Length} fields; the header names {header.Length}." };
        }

        bool? verified = Field("email_verified")?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "true" or "1" or "yes" or "t" => true,
            "false" or "0" or "no" or "f" => false,
            _ => null,
        };
        if (Field("email_verified") is not null && verified is null)
        {
            return new ImportedUser(email) { ReadError = "email_verified must be true or false." };
        }

        DateTimeOffset? createdAt = null;
        if (Field("created_at") is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return new ImportedUser(email) { ReadError = "created_at must be an RFC 3339 time." };
            }

            createdAt = parsed;
        }

        var roles = Field("roles")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ImportedUser(email, verified, Field("name"), roles, createdAt, Field("external_id"), Field("password_hash"));
    }

    /// <summary>One RFC 4180 record: fields separated by commas, quoted with <c>"</c> (doubled inside), quoted fields may span lines.</summary>
    private static async Task<string[]?> ReadCsvRecordAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var line = await reader.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; ; i++)
        {
            if (i == line.Length)
            {
                if (quoted && await reader.ReadLineAsync(cancellationToken) is { } next)
                {
                    field.Append('\n');
                    line = next;
                    i = -1;
                    continue;
                }

                fields.Add(field.ToString());
                return [.. fields];
            }

            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
    }

    private static string ToCsv(ImportedUser row) => string.Join(',', new[]
    {
        row.Email, row.EmailVerified is { } v ? (v ? "true" : "false") : null, row.Name, row.Roles is { } r ? string.Join(';', r) : null,
        row.CreatedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), row.ExternalId, row.PasswordHash,
    }.Select(Quote));

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private sealed class FileRow
    {
        [JsonPropertyName("email")] public string? Email { get; init; }

        [JsonPropertyName("email_verified")] public bool? EmailVerified { get; init; }

        [JsonPropertyName("name")] public string? Name { get; init; }

        [JsonPropertyName("roles")] public IList<string>? Roles { get; init; }

        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }

        [JsonPropertyName("external_id")] public string? ExternalId { get; init; }

        [JsonPropertyName("password_hash")] public string? PasswordHash { get; init; }

        public ImportedUser ToImported() => new(Email, EmailVerified, Name, Roles, CreatedAt, ExternalId, PasswordHash);

        public static FileRow From(ImportedUser row) => new()
        {
            Email = row.Email, EmailVerified = row.EmailVerified, Name = row.Name, Roles = row.Roles,
            CreatedAt = row.CreatedAt?.ToUniversalTime(), ExternalId = row.ExternalId, PasswordHash = row.PasswordHash,
        };
    }
}
