using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Platform;

/// <summary>Creates an application for a dashboard account and makes the account its owner.</summary>
internal sealed class DashboardApplicationCreator(
    IApplicationAdministrationService applications,
    IApplicationMemberStore members,
    AuditLog audit,
    IOptions<JwtAuthKitOptions> options,
    TimeProvider time)
{
    public async Task<Result<CreatedApplication>> CreateAsync(PlatformActor actor, string? name, ApplicationSettings? settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.MfaEnrollmentRequired)
        {
            return Errors.MfaEnrollmentRequired;
        }

        if (!actor.IsOperator && !options.Value.Dashboard.SignupEnabled)
        {
            return Errors.ApplicationCreationRestricted;
        }

        var created = await applications.CreateAsync(name, settings, cancellationToken);
        if (!created.Succeeded)
        {
            return created;
        }

        var application = created.Value.Application;
        await members.AddAsync(new ApplicationMembership
        {
            ApplicationId = application.Id,
            AccountId = actor.AccountId,
            Role = ApplicationMemberRole.Owner,
            AddedAt = time.GetUtcNow(),
        }, cancellationToken);
        await audit.RecordAsync(application.Id, AuditEventTypes.ApplicationCreated, null, actor.AuditName, actor.Client,
            new Dictionary<string, string> { ["name"] = application.Name }, cancellationToken);
        return created;
    }
}
