using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JwtAuthKit.Tokens;

/// <summary>
/// Issues access tokens: a JWT with the header <c>{"alg","kid","typ":"at+jwt"}</c> (RFC 9068) and exactly the
/// claims of the HTTP contract.
/// </summary>
internal sealed class AccessTokenIssuer(SigningKeyManager keys, IOptions<JwtAuthKitOptions> options, TimeProvider time)
{
    internal const string TokenType = "at+jwt";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Signs an access token for <paramref name="user"/> in <paramref name="session"/>.</summary>
    /// <param name="application">The application (its client id is the audience).</param>
    /// <param name="user">The user, as read from the store.</param>
    /// <param name="session">The session the token belongs to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="userReadAt">
    /// When <paramref name="user"/> was read from the store, if earlier than now: the <c>jti</c>'s UUID v7 time, which
    /// decides whether a later role change makes the token stale (see <see cref="RoleChangeTime"/>).
    /// </param>
    public async Task<(string Token, int ExpiresIn)> IssueAsync(Application application, User user, Session session, CancellationToken cancellationToken, DateTimeOffset? userReadAt = null)
    {
        var key = await keys.GetCurrentAsync(cancellationToken);
        var now = time.GetUtcNow();
        var lifetime = TimeSpan.FromSeconds(application.Settings.AccessTokenLifetimeSeconds);
        var methods = session.AuthenticationMethods.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = application.ClientId,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            TokenType = TokenType,
            SigningCredentials = new SigningCredentials(key.SecurityKey, key.Algorithm),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id,
                [JwtRegisteredClaimNames.Jti] = Guid.CreateVersion7(userReadAt is { } readAt && readAt < now ? readAt : now).ToString(),
                [JwtRegisteredClaimNames.Sid] = session.Id,
                [JwtRegisteredClaimNames.Email] = user.Email,
                [JwtRegisteredClaimNames.EmailVerified] = user.EmailVerified,
                [AccessTokenClaims.Roles] = Mfa.MfaRolePolicy.GrantedRoles(application.Settings, user, methods),
                [JwtRegisteredClaimNames.Amr] = methods,
            },
        };
        var token = _handler.CreateToken(descriptor);

        // The validator refuses high-S ECDSA signatures (malleability), so only the low-S form is issued.
        return (key.Algorithm == SecurityAlgorithms.EcdsaSha256 ? EcdsaSignatures.ToLowS(token) : token, (int)lifetime.TotalSeconds);
    }
}
