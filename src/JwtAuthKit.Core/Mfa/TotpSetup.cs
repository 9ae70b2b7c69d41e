namespace JwtAuthKit.Mfa;

/// <summary>What an authenticator app needs to start: the base32 secret, and the same as an <c>otpauth://</c> URI for a QR code.</summary>
/// <param name="Secret">The base32 shared secret.</param>
/// <param name="OtpAuthUri">The <c>otpauth://totp/…</c> URI.</param>
public sealed record TotpSetup(string Secret, string OtpAuthUri);
