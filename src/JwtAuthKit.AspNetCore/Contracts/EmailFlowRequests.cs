using System.Text.Json.Serialization;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>Body of <c>POST /password/forgot</c>, <c>/email/resend</c> and <c>/otp</c>.</summary>
internal sealed class EmailRequest
{
    /// <summary>The email address.</summary>
    [JsonPropertyName("email")] public string? Email { get; set; }
}

/// <summary>Body of <c>POST /email/verify</c> and <c>/magic-link/verify</c>.</summary>
internal sealed class TokenRequest
{
    /// <summary>The token from the emailed link.</summary>
    [JsonPropertyName("token")] public string? Token { get; set; }
}

/// <summary>Body of <c>POST /password/reset</c>.</summary>
internal sealed class ResetPasswordRequest
{
    /// <summary>The token from the emailed link.</summary>
    [JsonPropertyName("token")] public string? Token { get; set; }

    /// <summary>The new password.</summary>
    [JsonPropertyName("new_password")] public string? NewPassword { get; set; }
}

/// <summary>Body of <c>POST /magic-link</c>.</summary>
internal sealed class MagicLinkRequest
{
    /// <summary>The email address.</summary>
    [JsonPropertyName("email")] public string? Email { get; set; }

    /// <summary>One of the application's redirect URLs, where the link leads.</summary>
    [JsonPropertyName("redirect_to")] public string? RedirectTo { get; set; }
}

/// <summary>Body of <c>POST /otp/verify</c>.</summary>
internal sealed class VerifyCodeRequest
{
    /// <summary>The email address the code was sent to.</summary>
    [JsonPropertyName("email")] public string? Email { get; set; }

    /// <summary>The six-digit code.</summary>
    [JsonPropertyName("code")] public string? Code { get; set; }
}
