using System.Text.Json.Serialization;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>The token response of every endpoint that signs a user in.</summary>
internal sealed class AuthResponse
{
    /// <summary>The JWT access token.</summary>
    [JsonPropertyName("access_token")] public required string AccessToken { get; init; }

    /// <summary>Always <c>Bearer</c>.</summary>
    [JsonPropertyName("token_type")] public string TokenType { get; init; } = "Bearer";

    /// <summary>Seconds until the access token expires.</summary>
    [JsonPropertyName("expires_in")] public int ExpiresIn { get; init; }

    /// <summary>The opaque refresh token; left out with cookie transport, which sets it as a cookie instead.</summary>
    [JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? RefreshToken { get; init; }

    /// <summary>Seconds until the refresh token expires if unused.</summary>
    [JsonPropertyName("refresh_token_expires_in")] public int RefreshTokenExpiresIn { get; init; }

    /// <summary>The user.</summary>
    [JsonPropertyName("user")] public required UserResponse User { get; init; }

    /// <summary>Whether the user holds a role that needs MFA and must enrol before the token carries it.</summary>
    [JsonPropertyName("mfa_enrollment_required")] public bool MfaEnrollmentRequired { get; init; }

    internal AuthResponse WithoutRefreshToken() => new()
    {
        AccessToken = AccessToken,
        ExpiresIn = ExpiresIn,
        RefreshTokenExpiresIn = RefreshTokenExpiresIn,
        User = User,
        MfaEnrollmentRequired = MfaEnrollmentRequired,
    };

    internal static AuthResponse From(AuthResult result) => new()
    {
        AccessToken = result.AccessToken,
        ExpiresIn = result.ExpiresIn,
        RefreshToken = result.RefreshToken,
        RefreshTokenExpiresIn = result.RefreshTokenExpiresIn,
        User = UserResponse.From(result.User),
        MfaEnrollmentRequired = result.MfaEnrollmentRequired,
    };
}
