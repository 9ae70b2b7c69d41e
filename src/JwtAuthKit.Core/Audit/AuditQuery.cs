namespace JwtAuthKit.Audit;

/// <summary>A filter and page over one application's audit log.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Type">Only events of this type, when set.</param>
/// <param name="UserId">Only events about this user, when set.</param>
/// <param name="Since">Only events at or after this time, when set.</param>
/// <param name="Skip">How many to skip.</param>
/// <param name="Take">How many to return.</param>
public sealed record AuditQuery(string ApplicationId, string? Type, string? UserId, DateTimeOffset? Since, int Skip, int Take);
