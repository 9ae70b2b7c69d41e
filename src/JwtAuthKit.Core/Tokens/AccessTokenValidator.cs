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
/// No database call in the common case: keys, applications and revocations are held in memory, and a token seen
/// before skips the signature check (<see cref="ValidatedTokenCache"/>) but none of the checks of what can change.
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
    private readonly ValidatedTokenCache _cache;

    public AccessTokenValidator(SigningKeyManager keys, IApplicationResolver applications, RevokedSessionCache revoked, StaleTokenCache stale, ValidatedTokenCache cache, IOptions<JwtAuthKitOptions> options, TimeProvider time)
    {
        _cache = cache;
        _stale = stale;
        _keys = keys;
        _applications = applications;
        _revoked = revoked;
        _options = options.Value;
        _time = time;
    }

    public async Task<AccessTokenValidationResult> ValidateAsync(string token, string authenticationType, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return AccessTokenValidationResult.Invalid("malformed token");
        }

        if (_cache.TryGet(token, out var cached) && cached.Identity.AuthenticationType == authenticationType)
        {
            // The signature was verified when the entry was made; what can change since is checked again here.
            if (IsWithinLifetime(cached.NotBefore, cached.ExpiresAt)
                && await _keys.FindAsync(cached.KeyId, cancellationToken) is not null
                && await _applications.FindByClientIdAsync(cached.ClientId, cancellationToken) is { } known)
            {
                return Accept(cached, known);
            }

            _cache.Remove(token); // Expired, or its key or application is gone: the full check below gives the reason.
        }

        var (validated, application, refusal) = await VerifyAsync(token, authenticationType, cancellationToken);
        if (validated is null || application is null)
        {
            return refusal!;
        }

        var result = Accept(validated, application);
        if (result.IsValid)
        {
            _cache.Add(token, validated);
        }

        return result;
    }

    /// <summary>The checks of what can change while a token lives, made on every request, cached or not.</summary>
    private AccessTokenValidationResult Accept(ValidatedToken token, Application application)
    {
        if (_revoked.IsRevoked(token.SessionId))
        {
            return AccessTokenValidationResult.Invalid("session revoked", JwtAuthKitErrors.SessionRevoked);
        }

        if (_stale.IsStale(token.Subject, token.IssuedAt))
        {
            return AccessTokenValidationResult.Invalid("roles changed after the token was issued", JwtAuthKitErrors.TokenStale);
        }

        // Each request gets its own copy: a handler adding claims to its principal must not change the cached one.
        return AccessTokenValidationResult.Valid(token.Identity.Clone(), application);
    }

    private async Task<(ValidatedToken? Token, Application? Application, AccessTokenValidationResult? Refusal)> VerifyAsync(
        string token, string authenticationType, CancellationToken cancellationToken)
    {
        if (!_handler.CanReadToken(token))
        {
            return Refuse("malformed token");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Refuse("malformed token");
        }

        if (string.IsNullOrEmpty(jwt.Kid) || await _keys.FindAsync(jwt.Kid, cancellationToken) is not { } key)
        {
            return Refuse("unknown signing key");
        }

        // We implement no critical header extension, so a token naming one must be refused (RFC 7515 §4.1.11).
        if (jwt.TryGetHeaderValue<object>("crit", out _))
        {
            return Refuse("critical header extension");
        }

        if (key.Algorithm == SecurityAlgorithms.EcdsaSha256)
        {
            byte[] signature;
            try
            {
                signature = Base64UrlEncoder.DecodeBytes(jwt.EncodedSignature);
            }
            catch (FormatException)
            {
                return Refuse("malformed signature"); // A base64url length no encoder makes (one character too many).
            }

            if (EcdsaSignatures.IsNotLowS(signature))
            {
                return Refuse("high-S signature");
            }
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
            return Refuse(result.Exception?.GetType().Name ?? "invalid token");
        }

        var audiences = jwt.Audiences.ToList();
        if (audiences.Count != 1 || await _applications.FindByClientIdAsync(audiences[0], cancellationToken) is not { } application)
        {
            return Refuse("unknown audience");
        }

        if (!jwt.TryGetPayloadValue<string>(AccessTokenClaims.SessionId, out var sessionId) || string.IsNullOrEmpty(sessionId)
            || !jwt.TryGetPayloadValue<string>(AccessTokenClaims.Subject, out var subject) || string.IsNullOrEmpty(subject))
        {
            return Refuse("missing sub or sid");
        }

        var notBefore = jwt.TryGetPayloadValue<long>("nbf", out _) ? new DateTimeOffset(jwt.ValidFrom, TimeSpan.Zero) : (DateTimeOffset?)null;
        var validated = new ValidatedToken(result.ClaimsIdentity.Clone(), jwt.Kid, audiences[0], sessionId, subject, IssuedAt(jwt),
            new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), notBefore);
        return (validated, application, null);
    }

    private static (ValidatedToken?, Application?, AccessTokenValidationResult?) Refuse(string reason) =>
        (null, null, AccessTokenValidationResult.Invalid(reason));

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

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters) =>
        expires is { } exp && IsWithinLifetime(
            notBefore is { } nbf ? new DateTimeOffset(nbf.ToUniversalTime(), TimeSpan.Zero) : null,
            new DateTimeOffset(exp.ToUniversalTime(), TimeSpan.Zero));

    /// <summary>The lifetime rule of both paths: before <c>exp</c> + skew, and not before <c>nbf</c> − skew.</summary>
    private bool IsWithinLifetime(DateTimeOffset? notBefore, DateTimeOffset expires)
    {
        var now = _time.GetUtcNow();
        return expires + _options.ClockSkew > now && (notBefore is not { } nbf || nbf - _options.ClockSkew <= now);
    }
}
