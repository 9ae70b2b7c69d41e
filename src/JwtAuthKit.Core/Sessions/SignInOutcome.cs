using System.Diagnostics.CodeAnalysis;

namespace JwtAuthKit.Sessions;

/// <summary>
/// How a sign-in by any method ends: signed in (<see cref="Tokens"/>), or a second factor is needed
/// (<see cref="MfaToken"/>, which <see cref="Mfa.IMfaSignInService"/> takes with a TOTP or recovery code).
/// </summary>
public sealed class SignInOutcome
{
    private SignInOutcome(AuthResult? tokens, string? mfaToken)
    {
        Tokens = tokens;
        MfaToken = mfaToken;
    }

    /// <summary>The token pair, when the user is signed in.</summary>
    public AuthResult? Tokens { get; }

    /// <summary>The opaque, single-use token of the second step, when one is needed.</summary>
    public string? MfaToken { get; }

    /// <summary>Whether the sign-in waits for a second factor.</summary>
    [MemberNotNullWhen(true, nameof(MfaToken))]
    [MemberNotNullWhen(false, nameof(Tokens))]
    public bool MfaRequired => MfaToken is not null;

    /// <summary>The user is signed in.</summary>
    /// <param name="tokens">The token pair.</param>
    /// <returns>The outcome.</returns>
    public static SignInOutcome SignedIn(AuthResult tokens) => new(tokens ?? throw new ArgumentNullException(nameof(tokens)), null);

    /// <summary>The user must prove a second factor.</summary>
    /// <param name="mfaToken">The token of the second step.</param>
    /// <returns>The outcome.</returns>
    public static SignInOutcome SecondFactorRequired(string mfaToken) => new(null, mfaToken ?? throw new ArgumentNullException(nameof(mfaToken)));
}
