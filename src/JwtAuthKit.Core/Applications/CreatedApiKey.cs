namespace JwtAuthKit.Applications;

/// <summary>A newly created API key with its value, which is shown this once and never stored.</summary>
/// <param name="Key">The stored key (its hash and prefix).</param>
/// <param name="Value">The whole key.</param>
public sealed record CreatedApiKey(ApiKey Key, string Value);
