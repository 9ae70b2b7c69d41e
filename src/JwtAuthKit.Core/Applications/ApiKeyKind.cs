namespace JwtAuthKit.Applications;

/// <summary>What an API key may be used for.</summary>
public enum ApiKeyKind
{
    /// <summary>A <c>pk_…</c> key: safe to ship in a browser or app; identifies the application.</summary>
    Publishable = 0,

    /// <summary>A <c>sk_…</c> key: server-to-server; authorizes the admin API.</summary>
    Secret = 1,
}
