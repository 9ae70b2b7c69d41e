namespace JwtAuthKit.Tokens;

/// <summary>
/// Validates JwtAuthKit access tokens as RFC 8725 asks (algorithm bound to the key, <c>typ</c> <c>at+jwt</c>, issuer,
/// audience of a known application, lifetime) and refuses tokens of ended sessions, with no database call in the
/// common case. The ASP.NET Core authentication handler calls it; so can any other front end.
/// </summary>
public interface IAccessTokenValidator
{
    /// <summary>Validates an access token.</summary>
    /// <param name="token">The compact JWT.</param>
    /// <param name="authenticationType">The authentication type of the identity built on success.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The identity and application, or the code and reason of the refusal.</returns>
    Task<AccessTokenValidationResult> ValidateAsync(string token, string authenticationType, CancellationToken cancellationToken);
}
