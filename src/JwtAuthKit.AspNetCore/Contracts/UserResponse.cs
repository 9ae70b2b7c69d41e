using System.Text.Json.Serialization;
using JwtAuthKit.Users;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>The <c>User</c> object of the HTTP contract.</summary>
internal sealed class UserResponse
{
    /// <summary>The user id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>The normalized email.</summary>
    [JsonPropertyName("email")] public required string Email { get; init; }

    /// <summary>Whether the email is verified.</summary>
    [JsonPropertyName("email_verified")] public bool EmailVerified { get; init; }

    /// <summary>Whether the account may sign in.</summary>
    [JsonPropertyName("is_active")] public bool IsActive { get; init; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>The role names.</summary>
    [JsonPropertyName("roles")] public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>Whether MFA is on.</summary>
    [JsonPropertyName("mfa_enabled")] public bool MfaEnabled { get; init; }

    /// <summary>When the user signed up (UTC).</summary>
    [JsonPropertyName("created_at")] public DateTime CreatedAt { get; init; }

    /// <summary>When the user last signed in (UTC).</summary>
    [JsonPropertyName("last_login_at")] public DateTime? LastLoginAt { get; init; }

    internal static UserResponse From(User user) => new()
    {
        Id = user.Id,
        Email = user.Email,
        EmailVerified = user.EmailVerified,
        IsActive = user.IsActive,
        Name = user.Name,
        Roles = [.. user.Roles],
        MfaEnabled = user.MfaEnabled,
        CreatedAt = WireTime.Utc(user.CreatedAt),
        LastLoginAt = user.LastLoginAt is { } last ? WireTime.Utc(last) : null,
    };
}
