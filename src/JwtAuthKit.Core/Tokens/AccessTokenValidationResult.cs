using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using JwtAuthKit.Applications;

namespace JwtAuthKit.Tokens;

/// <summary>The outcome of validating an access token.</summary>
public sealed class AccessTokenValidationResult
{
    private AccessTokenValidationResult(ClaimsIdentity? identity, Application? application, string? errorCode, string? failure)
    {
        Identity = identity;
        Application = application;
        ErrorCode = errorCode;
        FailureReason = failure;
    }

    /// <summary>The identity built from the token's claims, when valid.</summary>
    public ClaimsIdentity? Identity { get; }

    /// <summary>The application the token was issued to, when valid.</summary>
    public Application? Application { get; }

    /// <summary>The error code when invalid: <c>unauthorized</c> or <c>session_revoked</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>Why the token was refused, for logs (never contains the token).</summary>
    public string? FailureReason { get; }

    /// <summary>Whether the token is valid.</summary>
    [MemberNotNullWhen(true, nameof(Identity), nameof(Application))]
    [MemberNotNullWhen(false, nameof(ErrorCode), nameof(FailureReason))]
    public bool IsValid => ErrorCode is null;

    internal static AccessTokenValidationResult Valid(ClaimsIdentity identity, Application application) => new(identity, application, null, null);

    internal static AccessTokenValidationResult Invalid(string reason, string code = JwtAuthKitErrors.Unauthorized) => new(null, null, code, reason);
}
