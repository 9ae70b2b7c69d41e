namespace JwtAuthKit.Platform;

/// <summary>An invitation to an application as stored (<see cref="IApplicationMemberStore"/>); its token only as a hash.</summary>
public sealed class ApplicationInvitation
{
    /// <summary>The invitation id.</summary>
    public required string Id { get; init; }

    /// <summary>The application.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The invited address, normalized.</summary>
    public required string Email { get; init; }

    /// <summary>The role the invitee gets.</summary>
    public ApplicationMemberRole Role { get; init; }

    /// <summary>The hex SHA-256 of the link's token.</summary>
    public required string TokenHash { get; init; }

    /// <summary>The account that sent it.</summary>
    public required string InvitedBy { get; init; }

    /// <summary>When it was sent.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its link stops working.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was accepted.</summary>
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>When it was revoked (or replaced by a newer invitation of the address).</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    internal bool IsPending(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;

    internal PendingInvitation ToPending() => new(Id, ApplicationId, Email, Role, CreatedAt, ExpiresAt);
}
