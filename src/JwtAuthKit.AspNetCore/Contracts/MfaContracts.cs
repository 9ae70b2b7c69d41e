using System.Text.Json.Serialization;
using JwtAuthKit.Mfa;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>The answer of a sign-in whose user has a second factor: finish with <c>POST /login/mfa</c>.</summary>
internal sealed class MfaRequiredResponse
{
    /// <summary>Always <see langword="true"/>.</summary>
    [JsonPropertyName("mfa_required")] public bool MfaRequired { get; init; } = true;

    /// <summary>The opaque, single-use token of the second step (5 minutes).</summary>
    [JsonPropertyName("mfa_token")] public required string MfaToken { get; init; }
}

/// <summary>Body of <c>POST /login/mfa</c>.</summary>
internal sealed class MfaLoginRequest
{
    /// <summary>The token of the first step.</summary>
    [JsonPropertyName("mfa_token")] public string? MfaToken { get; set; }

    /// <summary>The code from the authenticator app.</summary>
    [JsonPropertyName("code")] public string? Code { get; set; }

    /// <summary>A recovery code, instead of <see cref="Code"/>.</summary>
    [JsonPropertyName("recovery_code")] public string? RecoveryCode { get; set; }
}

/// <summary>Body of <c>POST /mfa/totp/confirm</c>.</summary>
internal sealed class MfaCodeRequest
{
    /// <summary>The code from the authenticator app.</summary>
    [JsonPropertyName("code")] public string? Code { get; set; }
}

/// <summary>Body of <c>POST /mfa/totp/disable</c> and <c>POST /mfa/recovery-codes</c>: a current code or the password.</summary>
internal sealed class MfaProofRequest
{
    /// <summary>A current code from the authenticator app.</summary>
    [JsonPropertyName("code")] public string? Code { get; set; }

    /// <summary>The account's password, instead of <see cref="Code"/>.</summary>
    [JsonPropertyName("password")] public string? Password { get; set; }
}

/// <summary>The answer of <c>POST /mfa/totp/setup</c>.</summary>
internal sealed class TotpSetupResponse
{
    /// <summary>The base32 shared secret, for typing into an authenticator app.</summary>
    [JsonPropertyName("secret")] public required string Secret { get; init; }

    /// <summary>The <c>otpauth://</c> URI, for a QR code.</summary>
    [JsonPropertyName("otpauth_uri")] public required string OtpAuthUri { get; init; }

    internal static TotpSetupResponse From(TotpSetup setup) => new() { Secret = setup.Secret, OtpAuthUri = setup.OtpAuthUri };
}

/// <summary>A new set of recovery codes, shown this once.</summary>
internal sealed class RecoveryCodesResponse
{
    /// <summary>Ten single-use codes.</summary>
    [JsonPropertyName("recovery_codes")] public required IReadOnlyList<string> RecoveryCodes { get; init; }
}
