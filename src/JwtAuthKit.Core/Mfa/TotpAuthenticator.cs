using OtpNet;

namespace JwtAuthKit.Mfa;

/// <summary>
/// TOTP as RFC 6238 and the authenticator apps use it: SHA-1, 6 digits, 30-second steps, one step of drift either way,
/// computed by Otp.NET. A 160-bit secret (RFC 4226 §4 recommends at least 128).
/// </summary>
internal sealed class TotpAuthenticator(TimeProvider time)
{
    private const int SecretBytes = 20;
    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    /// <summary>A new random secret, base32 as authenticator apps take it.</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(SecretBytes));

    /// <summary>The <c>otpauth://</c> URI an authenticator app reads from a QR code.</summary>
    public static string Uri(string secret, string issuer, string account) =>
        new OtpUri(OtpType.Totp, secret, account, issuer, OtpHashMode.Sha1, 6, 30).ToString();

    /// <summary>The time step the code belongs to, or <see langword="null"/> when it matches none in the window.</summary>
    public long? Match(string secret, string? code)
    {
        if (code is null)
        {
            return null;
        }

        code = code.Replace(" ", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret), step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
        return totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, Drift) ? step : null;
    }

    /// <summary>The current code of a secret (for tests and for the dashboard's own checks).</summary>
    public static string CodeAt(string secret, DateTimeOffset at) =>
        new Totp(Base32Encoding.ToBytes(secret), step: 30, mode: OtpHashMode.Sha1, totpSize: 6).ComputeTotp(at.UtcDateTime);
}
