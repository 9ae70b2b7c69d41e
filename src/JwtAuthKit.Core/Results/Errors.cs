namespace JwtAuthKit;

/// <summary>
/// Every error Core reports, each built here once with its code (<see cref="JwtAuthKitErrors"/>) and its message, as
/// Identity's <c>IdentityErrorDescriber</c> does: services name the error, never type a message.
/// </summary>
internal static class Errors
{
    // 400
    public static JwtAuthKitError InvalidEmail { get; } = new(JwtAuthKitErrors.InvalidEmail, "The email address is not valid.",
        new Dictionary<string, string[]> { ["email"] = ["must be a valid email address"] });

    public static JwtAuthKitError InvalidToken { get; } = new(JwtAuthKitErrors.InvalidToken, "The link or code is invalid, used or expired.");

    public static JwtAuthKitError InvalidRedirect { get; } = new(JwtAuthKitErrors.InvalidRedirect, "redirect_to is not one of the application's redirect URLs.");

    public static JwtAuthKitError CredentialsRequired(string field) => new(JwtAuthKitErrors.ValidationFailed, "Email and password are required.",
        new Dictionary<string, string[]> { [field] = ["is required"] });

    public static JwtAuthKitError WeakPassword(string field, string message) => new(JwtAuthKitErrors.WeakPassword, message,
        new Dictionary<string, string[]> { [field] = [message] });

    public static JwtAuthKitError FieldsInvalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(JwtAuthKitErrors.ValidationFailed, "Some fields are invalid.", errors);

    public static JwtAuthKitError SettingsInvalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(JwtAuthKitErrors.ValidationFailed, "Some settings are invalid; nothing was changed.", errors);

    public static JwtAuthKitError NameTooLong(int max) => JwtAuthKitErrors.Validation("name", $"must be at most {max} characters");

    // 401
    public static JwtAuthKitError SignInAgain { get; } = new(JwtAuthKitErrors.Unauthorized, "Sign in again.");

    public static JwtAuthKitError InvalidCredentials { get; } = new(JwtAuthKitErrors.InvalidCredentials, "The email or password is incorrect.");

    public static JwtAuthKitError InvalidRefreshToken { get; } = new(JwtAuthKitErrors.InvalidRefreshToken, "The refresh token is invalid or expired.");

    public static JwtAuthKitError RefreshTokenReused { get; } = new(JwtAuthKitErrors.RefreshTokenReused, "This refresh token was already used; the session has been ended.");

    public static JwtAuthKitError InvalidMfaToken { get; } = new(JwtAuthKitErrors.InvalidMfaToken, "The sign-in step has ended (used, expired or too many wrong codes); sign in again.");

    public static JwtAuthKitError InvalidMfaCode { get; } = new(JwtAuthKitErrors.InvalidMfaCode, "The code is wrong or was already used; enter the current code from your authenticator app.");

    public static JwtAuthKitError ApiKeyRequired { get; } = new(JwtAuthKitErrors.ApiKeyRequired, "Send the application's publishable key in the X-Api-Key header.");

    public static JwtAuthKitError InvalidApiKey { get; } = new(JwtAuthKitErrors.InvalidApiKey, "The API key is unknown, revoked or malformed.");

    // 403
    public static JwtAuthKitError AccountDisabled { get; } = new(JwtAuthKitErrors.AccountDisabled, "This account is disabled.");

    public static JwtAuthKitError EmailNotVerified { get; } = new(JwtAuthKitErrors.EmailNotVerified, "Verify your email address before signing in.");

    public static JwtAuthKitError SignupDisabled { get; } = new(JwtAuthKitErrors.SignupDisabled, "This application does not accept new sign-ups.");

    public static JwtAuthKitError PasswordSignInDisabled { get; } = new(JwtAuthKitErrors.MethodDisabled, "This application does not allow password sign-in.");

    public static JwtAuthKitError MagicLinkDisabled { get; } = new(JwtAuthKitErrors.MethodDisabled, "This application does not allow sign-in by email link.");

    public static JwtAuthKitError EmailOtpDisabled { get; } = new(JwtAuthKitErrors.MethodDisabled, "This application does not allow sign-in by emailed code.");

    public static JwtAuthKitError BuiltInRoleFixed(string name) => new(JwtAuthKitErrors.Forbidden, $"The built-in role '{name}' cannot be changed or deleted.");

    public static JwtAuthKitError RoleBeyondOwnPermissions { get; } = new(JwtAuthKitErrors.Forbidden, "A role may grant only permissions you hold yourself.");

    public static JwtAuthKitError GrantBeyondOwnPermissions { get; } = new(JwtAuthKitErrors.Forbidden, "You cannot give roles that grant permissions you do not hold.");

    public static JwtAuthKitError UserBeyondOwnPermissions { get; } = new(JwtAuthKitErrors.Forbidden, "This user holds permissions you do not; only someone who holds them may change the user.");

    public static JwtAuthKitError DefaultRoleBeyondOwnPermissions { get; } = new(JwtAuthKitErrors.Forbidden, "The default role may grant only permissions you hold yourself.");

    public static JwtAuthKitError SecondProofRequired { get; } = new(JwtAuthKitErrors.ValidationFailed, "Send the current authenticator code or your password.",
        new Dictionary<string, string[]> { ["code"] = ["send code or password"] });

    public static JwtAuthKitError MfaCodeRequired { get; } = new(JwtAuthKitErrors.ValidationFailed, "Send the code from your authenticator app, or a recovery code.",
        new Dictionary<string, string[]> { ["code"] = ["send code or recovery_code"] });

    public static JwtAuthKitError MfaEnrollmentRequired { get; } = new(JwtAuthKitErrors.MfaEnrollmentRequired,
        "Operators must set up an authenticator app (TOTP) before using the dashboard: POST /api/auth/mfa/totp/setup with the platform application's token.");

    public static JwtAuthKitError RoleTooLow(Platform.ApplicationMemberRole least) => new(JwtAuthKitErrors.Forbidden,
        $"This needs the {least.ToString().ToLowerInvariant()} role on the application.");

    public static JwtAuthKitError DashboardSignupDisabled { get; } = new(JwtAuthKitErrors.SignupDisabled, "Dashboard sign-up is off on this deployment; ask an operator for an invitation.");

    public static JwtAuthKitError ApplicationCreationRestricted { get; } = new(JwtAuthKitErrors.Forbidden, "Only operators create applications while dashboard sign-up is off.");

    public static JwtAuthKitError InvitationForAnotherAddress { get; } = new(JwtAuthKitErrors.Forbidden, "This invitation was sent to another address; sign in with the invited one.");

    public static JwtAuthKitError AccountNotUsable { get; } = new(JwtAuthKitErrors.Forbidden, "This account is disabled or its address is not verified.");

    public static JwtAuthKitError MissingPermission(string permission) => new(JwtAuthKitErrors.Forbidden, $"This needs the '{permission}' permission.");

    // 404
    public static JwtAuthKitError UserNotFound { get; } = new(JwtAuthKitErrors.NotFound, "No such user.");

    public static JwtAuthKitError RoleNotFound { get; } = new(JwtAuthKitErrors.NotFound, "No such role.");

    public static JwtAuthKitError SessionNotFound { get; } = new(JwtAuthKitErrors.NotFound, "No such session.");

    public static JwtAuthKitError ApplicationNotFound { get; } = new(JwtAuthKitErrors.NotFound, "No such application.");

    public static JwtAuthKitError KeyNotFound { get; } = new(JwtAuthKitErrors.NotFound, "No such active key.");

    public static JwtAuthKitError MemberNotFound { get; } = new(JwtAuthKitErrors.NotFound, "No such member of the application.");

    public static JwtAuthKitError InvitationNotFound { get; } = new(JwtAuthKitErrors.NotFound, "No such pending invitation.");

    public static JwtAuthKitError EmailMessageNotFound { get; } = new(JwtAuthKitErrors.NotFound, "No failed message of the application has this id.");

    // 409
    public static JwtAuthKitError EmailTaken { get; } = new(JwtAuthKitErrors.EmailTaken, "An account with this email already exists.");

    public static JwtAuthKitError ChangedConcurrently { get; } = new(JwtAuthKitErrors.Conflict, "The account changed at the same time; try again.");

    public static JwtAuthKitError MfaAlreadyEnabled { get; } = new(JwtAuthKitErrors.Conflict, "A second factor is already on; disable it before setting up a new one.");

    public static JwtAuthKitError MfaSetupNotStarted { get; } = new(JwtAuthKitErrors.Conflict, "Start the setup first (POST /mfa/totp/setup), then confirm with a code.");

    public static JwtAuthKitError MfaNotEnabled { get; } = new(JwtAuthKitErrors.Conflict, "No second factor is on for this account.");

    public static JwtAuthKitError BuiltInRoleExists(string name) => new(JwtAuthKitErrors.Conflict, $"'{name}' is a built-in role.");

    public static JwtAuthKitError RoleExists { get; } = new(JwtAuthKitErrors.Conflict, "A role with this name already exists.");

    public static JwtAuthKitError DefaultRoleInUse { get; } = new(JwtAuthKitErrors.Conflict, "This is the default role of new users; choose another default_role first.");

    public static JwtAuthKitError ApplicationNameTaken { get; } = new(JwtAuthKitErrors.Conflict, "An application with this name already exists.");

    public static JwtAuthKitError TooManyKeys(int max) => new(JwtAuthKitErrors.Conflict, $"An application may have at most {max} active keys; revoke one first.");

    public static JwtAuthKitError KeyNotStored { get; } = new(JwtAuthKitErrors.Conflict, "The key could not be stored; try again.");

    public static JwtAuthKitError PlatformApplicationBlocked { get; } = new(JwtAuthKitErrors.Conflict,
        $"The operators' application could not be created: the name '{Applications.PlatformApplication.Name}' or client id '{Applications.PlatformApplication.ClientId}' is taken by another application.");

    public static JwtAuthKitError LastOwner { get; } = new(JwtAuthKitErrors.LastOwner, "An application keeps at least one owner; make another member owner first.");

    public static JwtAuthKitError AccountIsLastOwner(string application) => new(JwtAuthKitErrors.LastOwner,
        $"This account is the last owner of {application}; make another member its owner, or delete the application, first.");

    public static JwtAuthKitError AlreadyMember { get; } = new(JwtAuthKitErrors.Conflict, "This address already belongs to a member of the application.");

    public static JwtAuthKitError InviteeHasAccount { get; } = new(JwtAuthKitErrors.EmailTaken, "A dashboard account with this address exists; sign in to accept the invitation.");

    // 429
    public static JwtAuthKitError AccountThrottled(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new(JwtAuthKitErrors.RateLimited, $"Too many failed attempts; try again in {seconds} seconds.") { RetryAfter = TimeSpan.FromSeconds(seconds) };
    }

    // Refused import rows (UserImportCodes beside the contract's codes)
    public static JwtAuthKitError ImportRowUnreadable(string detail) => new(JwtAuthKitErrors.ValidationFailed, detail);

    public static JwtAuthKitError ImportEmailMissing { get; } = new(JwtAuthKitErrors.InvalidEmail, "The row has no email.");

    public static JwtAuthKitError ImportFieldTooLong(string field, int max) => new(JwtAuthKitErrors.ValidationFailed, $"{field} must be at most {max} characters.");

    public static JwtAuthKitError ImportTooManyRoles(int max) => new(JwtAuthKitErrors.ValidationFailed, $"A user may have at most {max} roles.");

    public static JwtAuthKitError ImportUnknownRole(string name) =>
        new(Administration.UserImportCodes.UnknownRole, $"The role '{name.Replace("'", "", StringComparison.Ordinal)}' is neither built in nor a role of the application; create it first.");

    public static JwtAuthKitError ImportUnsupportedHash { get; } = new(Administration.UserImportCodes.UnsupportedPasswordHash,
        "The password hash is in no supported format (ASP.NET Core Identity v2/v3, Django pbkdf2_sha256/pbkdf2_sha1/argon2/bcrypt_sha256/bcrypt, bcrypt $2a$/$2b$/$2y$, Argon2i/Argon2id PHC).");

    public static JwtAuthKitError ImportDuplicateRow(int firstIndex) => new(Administration.UserImportCodes.DuplicateRow, $"Row {firstIndex} has the same email.");

    public static JwtAuthKitError ImportCreatedInFuture { get; } = new(JwtAuthKitErrors.ValidationFailed, "created_at is in the future.");

    public static JwtAuthKitError PasswordHashesNeedSecretKey { get; } = new(JwtAuthKitErrors.Forbidden, "Password hashes are exported only with a secret key.");
}
