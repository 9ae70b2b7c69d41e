namespace JwtAuthKit.Tokens;

/// <summary>
/// The time recorded for a role change, taken once the change has committed. An access token counts as stale when the
/// user row it was made from was read before that time (the <c>jti</c>'s UUID v7 time is the read time). A copy read
/// before the commit was necessarily read before this time, so the race "read the old roles, the change commits, sign
/// the token" cannot give a fresh-looking token with old roles. One millisecond is added because tokens carry
/// milliseconds: a read in the same millisecond as the commit still counts as older.
/// </summary>
internal static class RoleChangeTime
{
    public static DateTimeOffset AfterCommit(TimeProvider time) => time.GetUtcNow().AddMilliseconds(1);
}
