namespace JwtAuthKit.Platform;

/// <summary>An invitation to an application sent by email and not yet accepted, revoked or expired. Its token is never kept.</summary>
/// <param name="Id">The invitation id.</param>
/// <param name="ApplicationId">The application.</param>
/// <param name="Email">The invited address (normalized).</param>
/// <param name="Role">The role the invitee gets on accepting.</param>
/// <param name="CreatedAt">When it was sent.</param>
/// <param name="ExpiresAt">When its link stops working.</param>
public sealed record PendingInvitation(string Id, string ApplicationId, string Email, ApplicationMemberRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
