using System.Reflection;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;
using JwtAuthKit.Tokens;
using JwtAuthKit.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JwtAuthKit.Bench.Micro;

/// <summary>
/// Issuing an access token, and validating the same ES256 token three ways: our validator (signature, claims, the
/// application, revocation and staleness checks), Microsoft's JsonWebTokenHandler (signature and claims only), and a raw
/// ECDsa.VerifyData of its signed part (the floor).
/// </summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private delegate Task<(string Token, int ExpiresIn)> Issue(Application application, User user, Session session, CancellationToken cancellationToken, DateTimeOffset? userReadAt);

    private Issue _issue = null!;
    private Application _application = null!;
    private User _user = null!;
    private Session _session = null!;
    private IAccessTokenValidator _validator = null!;
    private string _token = null!;
    private JsonWebTokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;
    private ECDsa _ecdsa = null!;
    private byte[] _signed = null!;
    private byte[] _signature = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var host = await MicroHost.GetAsync("Sqlite");
        var services = host.Services;
        _token = host.AccessToken;
        var jwt = new JsonWebToken(_token);
        var sessions = services.GetRequiredService<ISessionStore>();
        var applications = services.GetRequiredService<IApplicationStore>();
        var users = services.GetRequiredService<IUserStore>();
        _application = (await applications.FindByClientIdAsync(jwt.Audiences.First(), CancellationToken.None))!;
        _session = (await sessions.FindAsync(_application.Id, jwt.GetClaim("sid").Value, CancellationToken.None))!;
        _user = (await users.FindByIdAsync(_application.Id, host.UserId, CancellationToken.None))!;

        // The issuer is internal (InternalsVisibleTo is for tests only): reached once through reflection, then called
        // through a typed delegate, which costs what a direct call does.
        var issuerType = typeof(IAccessTokenValidator).Assembly.GetType("JwtAuthKit.Tokens.AccessTokenIssuer", throwOnError: true)!;
        var issuer = services.GetRequiredService(issuerType);
        _issue = issuerType.GetMethod("IssueAsync", BindingFlags.Public | BindingFlags.Instance)!.CreateDelegate<Issue>(issuer);

        _validator = services.GetRequiredService<IAccessTokenValidator>();
        var key = new JsonWebKeySet(host.Jwks).Keys.Single(k => k.Kid == jwt.Kid);
        _handler = new JsonWebTokenHandler();
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audiences.First(),
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        };
        _ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(key.X), Y = Base64UrlEncoder.DecodeBytes(key.Y) },
        });
        var lastDot = _token.LastIndexOf('.');
        _signed = Encoding.ASCII.GetBytes(_token[..lastDot]);
        _signature = Base64UrlEncoder.DecodeBytes(_token[(lastDot + 1)..]);
        if (!(await _validator.ValidateAsync(_token, "bench", CancellationToken.None)).IsValid
            || !(await _handler.ValidateTokenAsync(_token, _parameters)).IsValid
            || !_ecdsa.VerifyData(_signed, _signature, HashAlgorithmName.SHA256))
        {
            throw new InvalidOperationException("The token does not validate in one of the three ways.");
        }
    }

    [Benchmark(Description = "issue (JwtAuthKit AccessTokenIssuer)")]
    public Task<(string Token, int ExpiresIn)> IssueToken() => _issue(_application, _user, _session, CancellationToken.None, null);

    [Benchmark(Description = "validate (JwtAuthKit IAccessTokenValidator)")]
    public Task<AccessTokenValidationResult> ValidateJwtAuthKit() => _validator.ValidateAsync(_token, "bench", CancellationToken.None);

    [Benchmark(Description = "validate (JsonWebTokenHandler)")]
    public Task<TokenValidationResult> ValidateJsonWebTokenHandler() => _handler.ValidateTokenAsync(_token, _parameters);

    [Benchmark(Description = "verify (raw ECDsa.VerifyData)")]
    public bool VerifyRaw() => _ecdsa.VerifyData(_signed, _signature, HashAlgorithmName.SHA256);
}
