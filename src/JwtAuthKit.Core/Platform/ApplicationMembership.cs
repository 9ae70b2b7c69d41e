namespace JwtAuthKit.Platform;

/// <summary>A dashboard account's role on an application, as stored (<see cref="IApplicationMemberStore"/>).</summary>
public sealed class ApplicationMembership
{
    /// <summary>The application.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The account (a user id of the platform application).</summary>
    public required string AccountId { get; init; }

    /// <summary>The role.</summary>
    public ApplicationMemberRole Role { get; set; }

    /// <summary>When the account became a member.</summary>
    public DateTimeOffset AddedAt { get; init; }
}
