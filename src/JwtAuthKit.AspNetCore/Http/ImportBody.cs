using System.Text;
using System.Text.Json;
using JwtAuthKit.Administration;
using JwtAuthKit.AspNetCore.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// Reads the body of an import: a JSON array of rows (<c>application/json</c>) or one row per line
/// (<c>application/x-ndjson</c>), at most <see cref="MaxBytes"/> and <see cref="MaxRows"/> rows, far above the 64 KiB of
/// other endpoints. The whole body is read and parsed before anything is written, so a body that is not JSON at all
/// writes nothing; a single bad row (NDJSON line, array element of the wrong shape) is refused on its own.
/// </summary>
internal static class ImportBody
{
    /// <summary>The largest import body: 10 MiB.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most rows in one request; larger imports are split, or run with the host's <c>users import</c>.</summary>
    public const int MaxRows = 10_000;

    public static JwtAuthKitError TooLarge { get; } = new(JwtAuthKitErrors.PayloadTooLarge, $"An import body must be at most 10 MiB and {MaxRows} rows; split the file or use the host's users import command.");

    public static JwtAuthKitError NotJsonOrNdjson { get; } = new(JwtAuthKitErrors.UnsupportedMediaType, "Send the rows as application/json (an array) or application/x-ndjson (one object per line).");

    public static JwtAuthKitError NotAnArray { get; } = new(JwtAuthKitErrors.ValidationFailed, "The body must be a JSON array of rows, or NDJSON with Content-Type application/x-ndjson.");

    public static async Task<Result<IReadOnlyList<ImportedUser>>> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var ndjson = request.ContentType?.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) == true;
        if (!ndjson && !request.HasJsonContentType())
        {
            return NotJsonOrNdjson;
        }

        if (request.ContentLength > MaxBytes)
        {
            return TooLarge;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes + 1;
        }

        byte[] body;
        try
        {
            using var memory = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                memory.Write(chunk, 0, read);
                if (memory.Length > MaxBytes)
                {
                    return TooLarge;
                }
            }

            body = memory.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge;
        }

        if (ndjson)
        {
            var lines = ReadLines(body);
            return lines.Count > MaxRows ? TooLarge : Result<IReadOnlyList<ImportedUser>>.Success(lines);
        }

        return ReadArray(body);
    }

    private static Result<IReadOnlyList<ImportedUser>> ReadArray(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return NotAnArray;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return NotAnArray;
            }

            return root.GetArrayLength() > MaxRows ? TooLarge : Result<IReadOnlyList<ImportedUser>>.Success([.. root.EnumerateArray().Select(Row)]);
        }
    }

    private static List<ImportedUser> ReadLines(byte[] body)
    {
        var rows = new List<ImportedUser>();
        foreach (var line in Encoding.UTF8.GetString(body).Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (rows.Count > MaxRows)
            {
                break;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                rows.Add(Row(document.RootElement));
            }
            catch (JsonException)
            {
                rows.Add(new ImportedUser(null) { ReadError = "The line is not valid JSON." });
            }
        }

        return rows;
    }

    private static ImportedUser Row(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new ImportedUser(null) { ReadError = "The row is not a JSON object." };
        }

        try
        {
            return element.Deserialize<UserImportRow>(WireJson.Options)!.ToImported();
        }
        catch (JsonException ex)
        {
            var email = element.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return new ImportedUser(email) { ReadError = $"A field has the wrong type{(ex.Path is { } path ? " at " + path : "")}." };
        }
    }
}
