namespace JwtAuthKit.Platform;

/// <summary>An application's activity on one UTC day, from its audit log.</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="SignIns">Successful sign-ins (every method).</param>
/// <param name="FailedSignIns">Refused sign-ins.</param>
/// <param name="SignUps">New users who signed up themselves.</param>
/// <param name="ActiveUsers">Distinct users who signed in or signed up that day.</param>
public sealed record DailyActivity(DateOnly Day, int SignIns, int FailedSignIns, int SignUps, int ActiveUsers);

/// <summary>An application's distinct active users in one UTC calendar month, from its audit log.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="ActiveUsers">Distinct users who signed in or signed up that month.</param>
public sealed record MonthlyActivity(DateOnly Month, int ActiveUsers);
