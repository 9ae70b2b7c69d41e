using System.Text.Json.Serialization;
using JwtAuthKit.Users;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>The answer to a sign-up: the user, plus the token fields when the user may sign in at once.</summary>
internal sealed class RegisterResponse
{
    /// <summary>The new user.</summary>
    [JsonPropertyName("user")] public required UserResponse User { get; init; }

    /// <summary>The access token, when issued.</summary>
    [JsonPropertyName("access_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AccessToken { get; init; }

    /// <summary><c>Bearer</c>, when a token is issued.</summary>
    [JsonPropertyName("token_type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TokenType { get; init; }

    /// <summary>Seconds until the access token expires, when issued.</summary>
    [JsonPropertyName("expires_in"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? ExpiresIn { get; init; }

    /// <summary>The refresh token, when issued.</summary>
    [JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? RefreshToken { get; init; }

    /// <summary>Seconds until the refresh token expires, when issued.</summary>
    [JsonPropertyName("refresh_token_expires_in"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? RefreshTokenExpiresIn { get; init; }

    internal RegisterResponse WithoutRefreshToken() => new()
    {
        User = User,
        AccessToken = AccessToken,
        TokenType = TokenType,
        ExpiresIn = ExpiresIn,
        RefreshTokenExpiresIn = RefreshTokenExpiresIn,
    };

    internal static RegisterResponse From(Registration registration) => new()
    {
        User = UserResponse.From(registration.User),
        AccessToken = registration.Tokens?.AccessToken,
        TokenType = registration.Tokens is null ? null : "Bearer",
        ExpiresIn = registration.Tokens?.ExpiresIn,
        RefreshToken = registration.Tokens?.RefreshToken,
        RefreshTokenExpiresIn = registration.Tokens?.RefreshTokenExpiresIn,
    };
}
