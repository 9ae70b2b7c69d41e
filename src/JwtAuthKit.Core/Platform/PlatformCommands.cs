using JwtAuthKit.Applications;
using JwtAuthKit.Users;

namespace JwtAuthKit.Platform;

/// <summary>
/// Operator tasks for command lines and set-up scripts (the host's <c>apps create</c> and <c>operators create</c>),
/// the same operations as <c>/api/platform</c> without HTTP.
/// </summary>
public sealed class PlatformCommands
{
    private readonly ApplicationAdministrationService _applications;
    private readonly OperatorAccounts _operators;

    internal PlatformCommands(ApplicationAdministrationService applications, OperatorAccounts operators)
    {
        _applications = applications;
        _operators = operators;
    }

    /// <summary>Creates a client application with a publishable and a secret key, whose values are returned once.</summary>
    /// <param name="name">A unique name, at most 100 characters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application and its key values, or why it was refused.</returns>
    public Task<Result<CreatedApplication>> CreateApplicationAsync(string name, CancellationToken cancellationToken) =>
        _applications.CreateAsync(name, null, cancellationToken);

    /// <summary>Creates an operator account of the dashboard and <c>/api/platform</c>.</summary>
    /// <param name="email">The operator's email.</param>
    /// <param name="password">The password (at least 12 characters, not a common one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operator, or why it was refused.</returns>
    public Task<Result<User>> CreateOperatorAsync(string email, string password, CancellationToken cancellationToken) =>
        _operators.CreateAsync(email, password, cancellationToken);
}
