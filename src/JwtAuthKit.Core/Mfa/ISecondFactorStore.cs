namespace JwtAuthKit.Mfa;

/// <summary>Persists users' second factors: the TOTP enrolment and its recovery codes. Each method persists on its own.</summary>
public interface ISecondFactorStore
{
    /// <summary>Finds a user's enrolment, pending or confirmed.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The enrolment, or <see langword="null"/>.</returns>
    Task<TotpEnrollment?> FindAsync(string applicationId, string userId, CancellationToken cancellationToken);

    /// <summary>Stores a new pending enrolment, replacing a pending one; never replaces a confirmed one.</summary>
    /// <param name="enrollment">The pending enrolment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the user already has a confirmed enrolment.</returns>
    Task<bool> SavePendingAsync(TotpEnrollment enrollment, CancellationToken cancellationToken);

    /// <summary>
    /// Confirms a pending enrolment in one transaction: marks it confirmed at <paramref name="timeStep"/>, replaces the
    /// recovery codes and turns the user's <c>MfaEnabled</c> on.
    /// </summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="userId">The user.</param>
    /// <param name="timeStep">The time step of the code that confirmed it.</param>
    /// <param name="codes">The new recovery codes.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when there was no pending enrolment (confirmed already, or removed).</returns>
    Task<bool> ConfirmAsync(string applicationId, string userId, long timeStep, IReadOnlyList<RecoveryCode> codes, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records that a code of <paramref name="timeStep"/> was used, if no code of it or a later step was: a conditional update.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="userId">The user.</param>
    /// <param name="timeStep">The time step of the accepted code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> for the one caller that used it; <see langword="false"/> for a replay.</returns>
    Task<bool> TryUseTimeStepAsync(string applicationId, string userId, long timeStep, CancellationToken cancellationToken);

    /// <summary>Uses an unused recovery code of a confirmed enrolment: a conditional update, so each code works once.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="userId">The user.</param>
    /// <param name="codeHash">The hash of the code presented.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the code was unused and is now used.</returns>
    Task<bool> TryUseRecoveryCodeAsync(string applicationId, string userId, string codeHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replaces a confirmed enrolment's recovery codes; the old ones stop working.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="userId">The user.</param>
    /// <param name="codes">The new codes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the user has no confirmed enrolment.</returns>
    Task<bool> ReplaceRecoveryCodesAsync(string applicationId, string userId, IReadOnlyList<RecoveryCode> codes, CancellationToken cancellationToken);

    /// <summary>Counts a user's unused recovery codes.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The count.</returns>
    Task<int> CountUnusedRecoveryCodesAsync(string applicationId, string userId, CancellationToken cancellationToken);

    /// <summary>Removes the enrolment and its recovery codes and turns the user's <c>MfaEnabled</c> off, in one transaction.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when there was an enrolment.</returns>
    Task<bool> RemoveAsync(string applicationId, string userId, CancellationToken cancellationToken);
}
