namespace JwtAuthKit.Applications;

/// <summary>An active API key found by its hash, with its application.</summary>
/// <param name="Application">The application the key belongs to.</param>
/// <param name="Key">The key.</param>
public sealed record ResolvedApiKey(Application Application, ApiKey Key);
