using System.Text.Json.Serialization;
using JwtAuthKit.Administration;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>A row of <c>POST /users/import</c> and of <c>GET /users/export</c>.</summary>
internal sealed class UserImportRow
{
    [JsonPropertyName("email")] public string? Email { get; init; }

    [JsonPropertyName("email_verified")] public bool? EmailVerified { get; init; }

    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("roles")] public IList<string>? Roles { get; init; }

    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("external_id")] public string? ExternalId { get; init; }

    [JsonPropertyName("password_hash")] public string? PasswordHash { get; init; }

    public ImportedUser ToImported() => new(Email, EmailVerified, Name, Roles, CreatedAt, ExternalId, PasswordHash);

    public static UserImportRow From(ImportedUser user) => new()
    {
        Email = user.Email,
        EmailVerified = user.EmailVerified,
        Name = user.Name,
        Roles = user.Roles,
        CreatedAt = user.CreatedAt is { } at ? WireTime.Utc(at) : null,
        ExternalId = user.ExternalId,
        PasswordHash = user.PasswordHash,
    };
}

/// <summary>The answer of <c>POST /users/import</c>.</summary>
internal sealed class UserImportResponse
{
    [JsonPropertyName("created")] public int Created { get; init; }

    [JsonPropertyName("unchanged")] public int Unchanged { get; init; }

    [JsonPropertyName("refused")] public required IReadOnlyList<RefusedRowResponse> Refused { get; init; }

    public static UserImportResponse From(UserImportResult result) => new()
    {
        Created = result.Created,
        Unchanged = result.Unchanged,
        Refused = [.. result.Refused.Select(r => new RefusedRowResponse { Index = r.Index, Email = r.Email, Code = r.Code, Detail = r.Detail })],
    };
}

/// <summary>A refused row of an import.</summary>
internal sealed class RefusedRowResponse
{
    [JsonPropertyName("index")] public int Index { get; init; }

    [JsonPropertyName("email")] public string? Email { get; init; }

    [JsonPropertyName("code")] public required string Code { get; init; }

    [JsonPropertyName("detail")] public required string Detail { get; init; }
}
