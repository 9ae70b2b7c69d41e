namespace JwtAuthKit.Tokens;

/// <summary>
/// Scheduled rotation of the token-signing key. When the signing key has signed for <see cref="Interval"/> less
/// <see cref="PrePublish"/>, a new key is created and published in the JWKS at once, and starts signing
/// <see cref="PrePublish"/> later, so resource servers that cache the JWKS know it before they see a token it signed; the
/// old key then stops signing and stays published until its last token has expired. With several nodes exactly one of them
/// rotates (a conditional update of the old key in the database). The host's <c>keys rotate</c> command and
/// <see cref="SigningKeyManager.RotateAsync"/> still rotate at once, on demand.
/// </summary>
public sealed class SigningKeyRotationOptions
{
    /// <summary>
    /// How long a key signs before the next one takes over; <see cref="TimeSpan.Zero"/> turns scheduled rotation off.
    /// Checked hourly. <value>The default value is 90 days.</value>
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long a new key is published before it starts signing: longer than resource servers cache the JWKS.
    /// <value>The default value is 2 days.</value>
    /// </summary>
    public TimeSpan PrePublish { get; set; } = TimeSpan.FromDays(2);
}
