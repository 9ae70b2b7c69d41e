namespace JwtAuthKit;

/// <summary>
/// A failure a service reports as a value: a stable machine-readable <see cref="Code"/> from
/// <see cref="JwtAuthKitErrors"/>, a human-readable message, and per-field messages for validation failures.
/// </summary>
/// <param name="Code">The stable error code (for example <c>invalid_credentials</c>).</param>
/// <param name="Message">A short explanation safe to show to the caller.</param>
/// <param name="FieldErrors">For validation failures, the messages per request field; otherwise <see langword="null"/>.</param>
public sealed record JwtAuthKitError(
    string Code,
    string Message,
    IReadOnlyDictionary<string, string[]>? FieldErrors = null)
{
    /// <summary>For <c>rate_limited</c>, how long the caller should wait (sent as <c>Retry-After</c>); otherwise <see langword="null"/>.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
