using JwtAuthKit.Applications;
using JwtAuthKit.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Platform;

/// <summary>
/// Creates the operator of <c>JwtAuthKit:Dashboard:Operator</c> at start when no dashboard account has its address; an
/// existing account is left as it is (its password is not reset from configuration). The password is never logged.
/// </summary>
internal sealed partial class FirstOperatorBootstrapper(
    OperatorAccounts operators,
    IApplicationStore applications,
    IUserStore users,
    IOptions<JwtAuthKitOptions> options,
    ILogger<FirstOperatorBootstrapper> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var declared = options.Value.Dashboard.Operator;
        if (string.IsNullOrWhiteSpace(declared.Email))
        {
            return;
        }

        var email = EmailAddress.Normalize(declared.Email);
        if (await applications.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken) is { } platform
            && await users.FindByEmailAsync(platform.Id, email, cancellationToken) is not null)
        {
            return;
        }

        var created = await operators.CreateAsync(email, declared.Password, cancellationToken);
        if (created.Succeeded)
        {
            LogCreated(logger, created.Value.Id);
        }
        else
        {
            LogRefused(logger, created.Error.Code, created.Error.Message);
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Created the operator of JwtAuthKit:Dashboard:Operator (account {AccountId}).")]
    private static partial void LogCreated(ILogger logger, string accountId);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "The operator of JwtAuthKit:Dashboard:Operator was not created ({Code}): {Reason}")]
    private static partial void LogRefused(ILogger logger, string code, string reason);
}
