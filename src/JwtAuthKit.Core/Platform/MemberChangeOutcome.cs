namespace JwtAuthKit.Platform;

/// <summary>What a role change or removal did (<see cref="IApplicationMemberStore"/>).</summary>
public enum MemberChangeOutcome
{
    /// <summary>Done.</summary>
    Done = 0,

    /// <summary>No such member.</summary>
    NotFound = 1,

    /// <summary>Refused: the application would have no owner left.</summary>
    LastOwner = 2,
}

/// <summary>What accepting an invitation did (<see cref="IApplicationMemberStore.TryAcceptInvitationAsync"/>).</summary>
public enum InvitationAcceptOutcome
{
    /// <summary>Accepted: the account is a member.</summary>
    Accepted = 0,

    /// <summary>The invitation was already accepted, revoked or expired.</summary>
    NotPending = 1,

    /// <summary>The new account could not be created: an account has the address.</summary>
    EmailTaken = 2,
}
