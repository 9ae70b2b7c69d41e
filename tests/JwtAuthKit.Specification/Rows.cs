using JwtAuthKit.Email;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Specification;

/// <summary>Rows as the services would make them, with only what a test cares about to choose.</summary>
public static class Rows
{
    public static User User(string applicationId, string email, string? name = null, DateTimeOffset? createdAt = null)
    {
        var at = createdAt ?? DateTimeOffset.UtcNow;
        return new User { Id = Ids.New(), ApplicationId = applicationId, Email = EmailAddress.Normalize(email), Name = name, CreatedAt = at, UpdatedAt = at };
    }

    public static (Session Session, RefreshToken Token) Session(string applicationId, string userId, DateTimeOffset now)
    {
        var session = new Session
        {
            Id = Ids.New(), ApplicationId = applicationId, UserId = userId, AuthenticationMethods = "pwd",
            CreatedAt = now, LastUsedAt = now, ExpiresAt = now.AddDays(30),
        };
        return (session, Token(session.Id, now));
    }

    public static RefreshToken Token(string sessionId, DateTimeOffset now) => new()
    {
        Id = Ids.New(), SessionId = sessionId, TokenHash = Ids.Hash(), CreatedAt = now, ExpiresAt = now.AddDays(30),
    };

    public static EmailMessage Message(string applicationId, string to, DateTimeOffset now) => new()
    {
        Id = Ids.New(), ApplicationId = applicationId, Kind = "verify_email", To = to, ProtectedSubject = "subject",
        ProtectedTextBody = "body", Status = EmailStatus.Pending, NextAttemptAt = now, CreatedAt = now,
    };

    public static OneTimeToken OneTimeToken(string applicationId, string email, DateTimeOffset now) => new()
    {
        Id = Ids.New(), ApplicationId = applicationId, Email = EmailAddress.Normalize(email), Purpose = "verify_email",
        SecretHash = Ids.Hash(), CreatedAt = now, ExpiresAt = now.AddHours(1),
    };

    /// <summary>Runs <paramref name="count"/> calls at once (released together) and returns their results.</summary>
    public static async Task<T[]> AtOnceAsync<T>(int count, Func<int, Task<T>> call)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await call(i);
        })).ToArray();
        start.Set();
        return await Task.WhenAll(tasks);
    }
}
