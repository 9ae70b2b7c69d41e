namespace JwtAuthKit.Audit;

/// <summary>Which audit events to read; a <see langword="null"/> field matches everything.</summary>
/// <param name="Type">Only events of this type (<see cref="AuditEventTypes"/>).</param>
/// <param name="UserId">Only events about this user.</param>
/// <param name="Since">Only events at or after this time.</param>
public sealed record AuditEventFilter(string? Type = null, string? UserId = null, DateTimeOffset? Since = null);
