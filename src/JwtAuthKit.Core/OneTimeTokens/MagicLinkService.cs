using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.OneTimeTokens;

internal sealed class MagicLinkService(
    IUserStore users,
    IApplicationResolver applications,
    OneTimeTokenSender sender,
    AddressRequestQueue queue,
    OneTimeTokenRedeemer redeemer,
    PasswordlessSignIn signIn,
    EmailLinks links,
    IOptions<JwtAuthKitOptions> options,
    Telemetry.JwtAuthKitMetrics metrics) : IMagicLinkService
{
    public async Task<Result<bool>> RequestAsync(Application application, string? email, string? redirectTo, CancellationToken cancellationToken)
    {
        var settings = application.Settings;
        if (!settings.MagicLinkEnabled)
        {
            return Disabled();
        }

        // Only the application's own redirect URLs, compared exactly: no open redirect (OWASP ASVS 5.1.5).
        if (redirectTo is not null && !settings.RedirectUrls.Contains(redirectTo, StringComparer.Ordinal))
        {
            return Errors.InvalidRedirect;
        }

        var normalized = EmailAddress.Normalize(email ?? "");
        if (!EmailAddress.IsValid(normalized))
        {
            return Errors.InvalidEmail;
        }

        await queue.RunAfterAnswerAsync(normalized, work => DeliverAsync(application, normalized, redirectTo, work), cancellationToken);
        return true;
    }

    /// <summary>The per-address part of a magic-link request, run after the caller was answered.</summary>
    private async Task DeliverAsync(Application application, string normalized, string? redirectTo, CancellationToken cancellationToken)
    {
        var settings = application.Settings;
        var user = await users.FindByEmailAsync(application.Id, normalized, cancellationToken);
        if ((user is null && settings.SignupEnabled) || user is { IsActive: true })
        {
            await sender.SendLinkAsync(application, normalized, user?.Id, OneTimeTokenPurpose.MagicLink, EmailKind.MagicLink,
                options.Value.OneTimeTokens.MagicLinkLifetime, links.MagicLink(settings, redirectTo), redirectTo, cancellationToken);
        }
        else
        {
            await sender.RehearseLinkAsync(application, normalized, OneTimeTokenPurpose.MagicLink, EmailKind.MagicLink, // Same work: no enumeration by timing.
                options.Value.OneTimeTokens.MagicLinkLifetime, links.MagicLink(settings, redirectTo), cancellationToken);
        }
    }

    public async Task<Result<SignInOutcome>> VerifyAsync(Application? application, string? token, ClientInfo client, CancellationToken cancellationToken) =>
        metrics.CountFailure("magic_link", await VerifyCoreAsync(application, token, client, cancellationToken));

    private async Task<Result<SignInOutcome>> VerifyCoreAsync(Application? application, string? token, ClientInfo client, CancellationToken cancellationToken)
    {
        var found = await redeemer.FindUsableAsync(application, token, OneTimeTokenPurpose.MagicLink, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        if (await applications.FindByIdAsync(found.Value.ApplicationId, cancellationToken) is not { } owner)
        {
            return OneTimeTokenRedeemer.Invalid();
        }

        if (!owner.Settings.MagicLinkEnabled)
        {
            return Disabled();
        }

        var consumed = await redeemer.ConsumeAsync(found.Value, cancellationToken);
        return consumed.Succeeded
            ? await signIn.SignInAsync(owner, consumed.Value.Email, AuthenticationMethods.MagicLink, "magic_link", client, cancellationToken)
            : consumed.Error;
    }

    private static JwtAuthKitError Disabled() => Errors.MagicLinkDisabled;
}
