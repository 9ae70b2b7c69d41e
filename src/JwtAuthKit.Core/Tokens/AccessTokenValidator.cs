using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JwtAuthKit.Tokens;

/// <summary>
/// Validates access tokens as RFC 8725 asks: the algorithm must be the one of the key named by <c>kid</c>
/// (no <c>none</c>, no HMAC with a public key), the key must be one of ours (<c>jku</c>/<c>x5u</c> are never
/// followed), <c>typ</c> must be <c>at+jwt</c>, issuer and audience must match, and the session must not be revoked.
/// A <c>crit</c> header is refused (we understand no extension), and so is an ES256 signature with a high S.
/// No database call in the common case: keys, applications and revocations are held in memory.
/// </summary>
internal sealed class AccessTokenValidator : IAccessTokenValidator
{
    private const int MaxTokenLength = 8192;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningKeyManager _keys;
    private readonly IApplicationResolver _applications;
    private readonly RevokedSessionCache _revoked;
    private readonly StaleTokenCache _stale;
    private readonly JwtAuthKitOptions _options;
    private readonly TimeProvider _time;

    public AccessTokenValidator(SigningKeyManager keys, IApplicationResolver applications, RevokedSessionCache revoked, StaleTokenCache stale, IOptions<JwtAuthKitOptions> options, TimeProvider time)
    {
        _stale = stale;
        _keys = keys;
        _applications = applications;
        _revoked = revoked;
        _options = options.Value;
        _time = time;
    }

    public async Task<AccessTokenValidationResult> ValidateAsync(string token, string authenticationType, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !_handler.CanReadToken(token))
        {
            return AccessTokenValidationResult.Invalid("malformed token");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return AccessTokenValidationResult.Invalid("malformed token");
        }

        if (string.IsNullOrEmpty(jwt.Kid) || await _keys.FindAsync(jwt.Kid, cancellationToken) is not { } key)
        {
            return AccessTokenValidationResult.Invalid("unknown signing key");
        }

        // We implement no critical header extension, so a token naming one must be refused (RFC 7515 §4.1.11).
        if (jwt.TryGetHeaderValue<object>("crit", out _))
        {
            return AccessTokenValidationResult.Invalid("critical header extension");
        }

        if (key.Algorithm == SecurityAlgorithms.EcdsaSha256 && EcdsaSignatures.IsNotLowS(Base64UrlEncoder.DecodeBytes(jwt.EncodedSignature)))
        {
            return AccessTokenValidationResult.Invalid("high-S signature");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidateIssuer = true,
            ValidateAudience = false, // Checked below against the known applications.
            IssuerSigningKey = key.SecurityKey,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [key.Algorithm],
            ValidTypes = [AccessTokenIssuer.TokenType],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            LifetimeValidator = ValidateLifetime,
            ClockSkew = _options.ClockSkew,
            NameClaimType = AccessTokenClaims.Subject,
            RoleClaimType = AccessTokenClaims.Roles,
            AuthenticationType = authenticationType,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return AccessTokenValidationResult.Invalid(result.Exception?.GetType().Name ?? "invalid token");
        }

        var audiences = jwt.Audiences.ToList();
        if (audiences.Count != 1 || await _applications.FindByClientIdAsync(audiences[0], cancellationToken) is not { } application)
        {
            return AccessTokenValidationResult.Invalid("unknown audience");
        }

        if (!jwt.TryGetPayloadValue<string>(AccessTokenClaims.SessionId, out var sessionId) || string.IsNullOrEmpty(sessionId)
            || !jwt.TryGetPayloadValue<string>(AccessTokenClaims.Subject, out var subject) || string.IsNullOrEmpty(subject))
        {
            return AccessTokenValidationResult.Invalid("missing sub or sid");
        }

        if (_revoked.IsRevoked(sessionId))
        {
            return AccessTokenValidationResult.Invalid("session revoked", JwtAuthKitErrors.SessionRevoked);
        }

        if (_stale.IsStale(subject, IssuedAt(jwt)))
        {
            return AccessTokenValidationResult.Invalid("roles changed after the token was issued", JwtAuthKitErrors.TokenStale);
        }

        return AccessTokenValidationResult.Valid(result.ClaimsIdentity, application);
    }

    /// <summary>
    /// When the token was issued, to the millisecond: our <c>jti</c> is a UUID v7 made at issue, whose first 48 bits are
    /// the Unix time in milliseconds (RFC 9562 §5.7); <c>iat</c> has only seconds.
    /// </summary>
    private static DateTimeOffset IssuedAt(JsonWebToken jwt)
    {
        if (Guid.TryParse(jwt.Id, out var id) && id.Version == 7)
        {
            Span<byte> bytes = stackalloc byte[16];
            id.TryWriteBytes(bytes, bigEndian: true, out _);
            long milliseconds = 0;
            for (var i = 0; i < 6; i++)
            {
                milliseconds = (milliseconds << 8) | bytes[i];
            }

            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        return new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp.ToUniversalTime() + parameters.ClockSkew > now
            && (notBefore is not { } nbf || nbf.ToUniversalTime() - parameters.ClockSkew <= now);
    }
}
