namespace JwtAuthKit.Audit;

/// <summary>The event types JwtAuthKit records.</summary>
public static class AuditEventTypes
{
    /// <summary>A user signed up.</summary>
    public const string SignUp = "user.signed_up";

    /// <summary>A user signed in (data: method).</summary>
    public const string SignIn = "user.signed_in";

    /// <summary>A sign-in failed (data: reason).</summary>
    public const string SignInFailed = "user.sign_in_failed";

    /// <summary>A user signed out.</summary>
    public const string SignOut = "user.signed_out";

    /// <summary>A rotated refresh token was replayed and its session revoked.</summary>
    public const string RefreshTokenReused = "session.refresh_token_reused";

    /// <summary>A user changed their password.</summary>
    public const string PasswordChanged = "user.password_changed";

    /// <summary>A password was reset by emailed link.</summary>
    public const string PasswordReset = "user.password_reset";

    /// <summary>An address was verified.</summary>
    public const string EmailVerified = "user.email_verified";

    /// <summary>An administrator created a user.</summary>
    public const string UserCreated = "admin.user_created";

    /// <summary>An administrator changed a user (data: fields).</summary>
    public const string UserUpdated = "admin.user_updated";

    /// <summary>An administrator deleted a user.</summary>
    public const string UserDeleted = "admin.user_deleted";

    /// <summary>A user's roles changed (data: roles).</summary>
    public const string RolesChanged = "admin.user_roles_changed";

    /// <summary>An administrator ended a user's sessions.</summary>
    public const string SessionsRevoked = "admin.user_sessions_revoked";

    /// <summary>An administrator sent a user a reset link.</summary>
    public const string PasswordResetSent = "admin.password_reset_sent";

    /// <summary>A role was created, changed or deleted (data: role, change).</summary>
    public const string RoleChanged = "admin.role_changed";

    /// <summary>Settings changed (data: fields).</summary>
    public const string SettingsChanged = "admin.settings_changed";

    /// <summary>An API key was created (data: kind, prefix).</summary>
    public const string KeyCreated = "key.created";

    /// <summary>An API key was revoked (data: prefix).</summary>
    public const string KeyRevoked = "key.revoked";

    /// <summary>A first factor was proven and the second step was asked for (data: method).</summary>
    public const string MfaChallenged = "user.mfa_challenged";

    /// <summary>A TOTP or recovery code was refused at sign-in (data: reason).</summary>
    public const string MfaFailed = "user.mfa_failed";

    /// <summary>A user confirmed a TOTP authenticator: MFA is on.</summary>
    public const string MfaEnabled = "user.mfa_enabled";

    /// <summary>A user turned MFA off.</summary>
    public const string MfaDisabled = "user.mfa_disabled";

    /// <summary>A user made a new set of recovery codes; the old ones stopped working.</summary>
    public const string RecoveryCodesRegenerated = "user.mfa_recovery_codes_regenerated";

    /// <summary>A recovery code was used to sign in (data: remaining).</summary>
    public const string RecoveryCodeUsed = "user.mfa_recovery_code_used";

    /// <summary>An administrator removed a user's second factor.</summary>
    public const string MfaRemoved = "admin.user_mfa_removed";

    /// <summary>Someone proved an unverified address: what was set before the proof was removed (data: removed).</summary>
    public const string AddressClaimed = "user.address_claimed";

    /// <summary>Users were imported (data: created, unchanged, refused): one event per import, not per row.</summary>
    public const string UsersImported = "admin.users_imported";

    /// <summary>The application's users were exported (data: users, password_hashes).</summary>
    public const string UsersExported = "admin.users_exported";

    /// <summary>An application was created from the dashboard or platform API (data: name).</summary>
    public const string ApplicationCreated = "application.created";

    /// <summary>An address was invited to the application (data: invitation_id, email, role).</summary>
    public const string MemberInvited = "member.invited";

    /// <summary>A pending invitation was revoked (data: invitation_id, email).</summary>
    public const string InvitationRevoked = "member.invitation_revoked";

    /// <summary>An account accepted an invitation and became a member (data: invitation_id, account_id, role, new_account).</summary>
    public const string MemberJoined = "member.joined";

    /// <summary>A member's role changed (data: account_id, role).</summary>
    public const string MemberRoleChanged = "member.role_changed";

    /// <summary>A member was removed (data: account_id).</summary>
    public const string MemberRemoved = "member.removed";

    /// <summary>A failed email was put back in the outbox (data: message_id, kind).</summary>
    public const string EmailRetried = "email.retried";
}
