namespace JwtAuthKit.Hosting;

/// <summary>
/// Tells when the caller of the current operation has been answered. The email requests that must not reveal whether
/// an address has an account (forgot password, resend verification, magic link, email code) start their per-address
/// work only once the answer is out, so that work cannot slow the answer down (OWASP ASVS V2.5, no enumeration by
/// timing). Core's default answers "now" (a caller with no front end has nothing to wait for); the ASP.NET Core
/// package waits for the HTTP response to have been sent. Replace it for another front end.
/// </summary>
public interface ICallerAnswer
{
    /// <summary>
    /// Called during the operation, on the caller's flow; returns a task that completes once the caller's answer has
    /// been sent (or at once when there is no caller to wait for). The task never faults; whoever waits on it bounds
    /// the wait, so a caller whose answer never completes holds nothing up for long.
    /// </summary>
    /// <returns>A task that completes when the answer has been sent.</returns>
    Task WhenAnswerSent();
}
