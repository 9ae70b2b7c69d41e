using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Passwords;
using JwtAuthKit.Tokens;

namespace JwtAuthKit;

/// <summary>
/// Options of JwtAuthKit, bound from the <c>JwtAuthKit</c> configuration section and validated at start.
/// </summary>
public sealed class JwtAuthKitOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "JwtAuthKit";

    /// <summary>
    /// The <c>iss</c> of access tokens and the base of the discovery URLs: an absolute http(s) URL where this
    /// service is reached, such as <c>https://auth.example.com</c>. Required.
    /// </summary>
    public string Issuer { get; set; } = "";

    /// <summary>The algorithm that signs access tokens. <value>The default value is <see cref="SigningAlgorithm.ES256"/>.</value></summary>
    public SigningAlgorithm SigningAlgorithm { get; set; } = SigningAlgorithm.ES256;

    /// <summary>Tolerated clock difference when checking token times. <value>The default value is 30 seconds.</value></summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a rotated refresh token may still be presented (concurrent requests of one client) before a
    /// replay revokes the session (RFC 9700 §4.14). <value>The default value is 5 seconds.</value>
    /// </summary>
    public TimeSpan RefreshTokenReuseGraceWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often each node reads sessions revoked by other nodes, so their access tokens are refused.
    /// <value>The default value is 2 seconds.</value>
    /// </summary>
    public TimeSpan RevocationPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long API-key and application lookups are cached. <value>The default value is 5 seconds.</value></summary>
    public TimeSpan ApplicationCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many validated access tokens each node remembers, so a token seen again skips the parse and the signature
    /// check; expiry, the signing key, the application, revocation and <c>token_stale</c> are still checked on every
    /// request. 0 turns the cache off. <value>The default value is 10,000.</value>
    /// </summary>
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    /// <summary>
    /// Whether to create an application named <c>default</c> at first start when none is declared or stored.
    /// <value>The default value is <see langword="true"/>.</value>
    /// </summary>
    public bool CreateDefaultApplication { get; set; } = true;

    /// <summary>Applications declared in configuration, created or updated at start.</summary>
    public IList<DeclaredApplication> Applications { get; } = [];

    /// <summary>Argon2id parameters and the bound on concurrent hashing.</summary>
    public PasswordHashingOptions PasswordHashing { get; set; } = new();

    /// <summary>Lifetimes of emailed links and codes.</summary>
    public OneTimeTokenOptions OneTimeTokens { get; set; } = new();

    /// <summary>Outbox delivery and mail-bombing limits.</summary>
    public EmailOptions Email { get; set; } = new();

    /// <summary>
    /// How long audit events are kept; older ones are deleted hourly. <see cref="TimeSpan.Zero"/> keeps them forever.
    /// <value>The default value is 365 days.</value>
    /// </summary>
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Scheduled rotation of the token-signing key, with its new key published ahead.</summary>
    public SigningKeyRotationOptions SigningKeyRotation { get; set; } = new();

    /// <summary>The hourly clean-up of expired sessions, tokens, codes, sent emails, old audit events and attempt counters.</summary>
    public Maintenance.CleanupOptions Cleanup { get; set; } = new();

    /// <summary>The dashboard's accounts: self-service sign-up, MFA for operators, invitations, the first operator.</summary>
    public Platform.DashboardOptions Dashboard { get; set; } = new();

    /// <summary>Request rate limits of the sign-in endpoints.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();
}
