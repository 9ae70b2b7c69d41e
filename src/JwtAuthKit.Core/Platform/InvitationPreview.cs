namespace JwtAuthKit.Platform;

/// <summary>
/// What an invitation link offers, shown before the invitee signs in or creates an account ("X invited you to Y as
/// admin"). Only the holder of the link's token can read it.
/// </summary>
/// <param name="Invitation">The invitation.</param>
/// <param name="ApplicationName">The application's name.</param>
/// <param name="InvitedBy">The address of the account that sent it, or <see langword="null"/> when an operator's or the system's account is gone.</param>
/// <param name="AccountExists">Whether a dashboard account with the invited address exists (sign in to accept) or not (create one with a password).</param>
public sealed record InvitationPreview(PendingInvitation Invitation, string ApplicationName, string? InvitedBy, bool AccountExists);
