namespace JwtAuthKit.Platform;

/// <summary>A dashboard account's membership of an application.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="AccountId">The account (a user id of the platform application).</param>
/// <param name="Email">The account's address.</param>
/// <param name="Role">What the account may do in the application.</param>
/// <param name="AddedAt">When the account became a member.</param>
public sealed record ApplicationMember(string ApplicationId, string AccountId, string Email, ApplicationMemberRole Role, DateTimeOffset AddedAt);
