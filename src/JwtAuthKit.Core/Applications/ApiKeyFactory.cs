namespace JwtAuthKit.Applications;

/// <summary>Creates API keys (<c>pk_…</c>, <c>sk_…</c>) and the records under which they are stored.</summary>
internal static class ApiKeyFactory
{
    public const string PublishablePrefix = "pk_";
    public const string SecretPrefix = "sk_";
    private const int VisiblePrefixLength = 11;
    private static readonly System.Buffers.SearchValues<char> KeyCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Creates a new random key and its stored record; the value is shown once and never stored.</summary>
    public static (ApiKey Key, string Value) Create(string applicationId, ApiKeyKind kind, string name, DateTimeOffset now)
    {
        var value = (kind == ApiKeyKind.Secret ? SecretPrefix : PublishablePrefix) + SecretTokens.Create(32);
        return (FromValue(applicationId, kind, name, value, now), value);
    }

    /// <summary>The stored record of a key whose value is known (declared in configuration).</summary>
    public static ApiKey FromValue(string applicationId, ApiKeyKind kind, string name, string value, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now).ToString(),
        ApplicationId = applicationId,
        Kind = kind,
        Name = name,
        Prefix = value[..Math.Min(VisiblePrefixLength, value.Length)],
        KeyHash = SecretTokens.Hash(value),
        CreatedAt = now,
    };

    /// <summary>The kind as the contract writes it: <c>publishable</c> or <c>secret</c>.</summary>
    public static string KindName(ApiKeyKind kind) => kind == ApiKeyKind.Secret ? "secret" : "publishable";

    /// <summary>Whether a value has the shape of a key of the given kind (checked before any lookup).</summary>
    public static bool HasKeyShape(string value, ApiKeyKind kind) =>
        value.Length is >= 20 and <= 200
        && value.StartsWith(kind == ApiKeyKind.Secret ? SecretPrefix : PublishablePrefix, StringComparison.Ordinal)
        && value.AsSpan(3).IndexOfAnyExcept(KeyCharacters) < 0;
}
