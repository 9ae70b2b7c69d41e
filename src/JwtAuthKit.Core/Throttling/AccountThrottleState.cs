namespace JwtAuthKit.Throttling;

/// <summary>What <see cref="AccountThrottle.CheckAsync"/> found for one account.</summary>
/// <param name="RetryAfter">How long until the next attempt may be made; <see langword="null"/> when it may be made now.</param>
/// <param name="FailuresCounted">Whether the account had any failure counted when it was checked.</param>
internal readonly record struct AccountThrottleState(TimeSpan? RetryAfter, bool FailuresCounted);
