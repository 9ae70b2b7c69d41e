namespace JwtAuthKit.Mfa;

/// <summary>Checks a TOTP code against a user's confirmed enrolment and uses up its time step, so no code works twice.</summary>
internal sealed class SecondFactorCheck(ISecondFactorStore store, TotpSecretProtector protector, TotpAuthenticator totp)
{
    public async Task<bool> TryUseTotpAsync(TotpEnrollment enrollment, string? code, CancellationToken cancellationToken)
    {
        if (enrollment.ConfirmedAt is null || totp.Match(protector.Unprotect(enrollment.ProtectedSecret), code) is not { } step)
        {
            return false;
        }

        // Replay inside the window is refused: the step must be later than the last one used (RFC 6238 §5.2).
        return step > enrollment.LastUsedTimeStep && await store.TryUseTimeStepAsync(enrollment.ApplicationId, enrollment.UserId, step, cancellationToken);
    }
}
