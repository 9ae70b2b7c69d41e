using System.Text.Json.Serialization;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>Body of <c>POST /register</c>.</summary>
internal sealed class RegisterRequest
{
    /// <summary>The email address.</summary>
    [JsonPropertyName("email")] public string? Email { get; set; }

    /// <summary>The password.</summary>
    [JsonPropertyName("password")] public string? Password { get; set; }

    /// <summary>An optional display name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
}

/// <summary>Body of <c>POST /login</c>.</summary>
internal sealed class LoginRequest
{
    /// <summary>The email address.</summary>
    [JsonPropertyName("email")] public string? Email { get; set; }

    /// <summary>The password.</summary>
    [JsonPropertyName("password")] public string? Password { get; set; }
}

/// <summary>Body of <c>POST /token/refresh</c>.</summary>
internal sealed class RefreshRequest
{
    /// <summary>The refresh token to rotate.</summary>
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; set; }
}

/// <summary>Body of <c>POST /logout</c>.</summary>
internal sealed class LogoutRequest
{
    /// <summary>The refresh token of the session to end; the bearer token's session when left out.</summary>
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; set; }

    /// <summary>Whether to end every session of the user.</summary>
    [JsonPropertyName("all_sessions")] public bool? AllSessions { get; set; }
}

/// <summary>Body of <c>PATCH /me</c>: only the fields it names change.</summary>
internal sealed class UpdateProfileRequest
{
    private string? _name;

    /// <summary>The new display name; <see langword="null"/> or empty clears it.</summary>
    [JsonPropertyName("name")]
    public string? Name
    {
        get => _name;
        set
        {
            _name = value;
            HasName = true;
        }
    }

    /// <summary>Whether the body named <c>name</c> at all.</summary>
    [JsonIgnore] public bool HasName { get; private set; }
}

/// <summary>Body of <c>POST /password/change</c>.</summary>
internal sealed class ChangePasswordRequest
{
    /// <summary>The current password.</summary>
    [JsonPropertyName("current_password")] public string? CurrentPassword { get; set; }

    /// <summary>The new password.</summary>
    [JsonPropertyName("new_password")] public string? NewPassword { get; set; }
}
