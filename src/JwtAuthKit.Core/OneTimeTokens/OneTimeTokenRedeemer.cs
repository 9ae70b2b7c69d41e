using JwtAuthKit.Applications;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>Checks and uses up an emailed link token: right purpose, right application, unexpired, used once.</summary>
internal sealed class OneTimeTokenRedeemer(IOneTimeTokenStore tokens, TimeProvider time)
{
    private const int MaxTokenLength = 256;

    /// <summary>Finds a usable token without using it (to check other input before the token is spent).</summary>
    public async Task<Result<OneTimeToken>> FindUsableAsync(Application? application, string? token, string purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return Invalid();
        }

        var found = await tokens.FindBySecretHashAsync(SecretTokens.Hash(token), cancellationToken);
        if (found is null || found.Purpose != purpose || found.CodeHash is not null || found.ConsumedAt is not null
            || found.ExpiresAt <= time.GetUtcNow() || (application is not null && found.ApplicationId != application.Id))
        {
            return Invalid();
        }

        return found;
    }

    /// <summary>Uses a token found by <see cref="FindUsableAsync"/>; fails if a concurrent request used it first.</summary>
    public async Task<Result<OneTimeToken>> ConsumeAsync(OneTimeToken token, CancellationToken cancellationToken) =>
        await tokens.TryConsumeAsync(token.Id, time.GetUtcNow(), cancellationToken) ? token : Invalid();

    public static JwtAuthKitError Invalid() => Errors.InvalidToken;
}
