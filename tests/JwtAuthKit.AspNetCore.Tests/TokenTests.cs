using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JwtAuthKit.AspNetCore.Tests;

public abstract class TokenTests<THost>(THost fixture) : IClassFixture<THost>
    where THost : SharedHost
{
    private readonly TestHost _host = fixture.Host;

    [Fact]
    public async Task Access_tokens_have_exactly_the_contract_header_and_claims()
    {
        var login = await _host.Client.SignUpAndInAsync(Unique.Email());
        var parts = login.GetProperty("access_token").GetString()!.Split('.');

        var header = Decode(parts[0]);
        var payload = Decode(parts[1]);

        header.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("alg", "kid", "typ");
        header.GetProperty("alg").GetString().Should().Be("ES256");
        header.GetProperty("typ").GetString().Should().Be("at+jwt");
        payload.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("iss", "sub", "aud", "iat", "nbf", "exp", "jti", "sid", "email", "email_verified", "roles", "amr");
        payload.GetProperty("iss").GetString().Should().Be(TestHost.Issuer);
        payload.GetProperty("sub").GetString().Should().Be(login.GetProperty("user").GetProperty("id").GetString());
        payload.GetProperty("roles").ValueKind.Should().Be(JsonValueKind.Array);
        payload.GetProperty("amr").EnumerateArray().Select(a => a.GetString()).Should().Equal("pwd");
        payload.GetProperty("email_verified").ValueKind.Should().Be(JsonValueKind.False);
        (payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64()).Should().Be(900);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var token = (await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;
        (await Me(host, token)).Should().Be(HttpStatusCode.OK);

        host.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(31));

        (await Me(host, token)).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Forged_tokens_are_refused()
    {
        var login = await _host.Client.SignUpAndInAsync(Unique.Email());
        var genuine = login.GetProperty("access_token").GetString()!;
        var payload = Decode(genuine.Split('.')[1]);
        var claims = JsonSerializer.Deserialize<Dictionary<string, object>>(payload.GetRawText())!;
        var key = await _host.GetRequiredService<SigningKeyManager>().GetCurrentAsync(default);
        var kid = key.KeyId;

        (await Me(_host, genuine)).Should().Be(HttpStatusCode.OK, "the untouched token is valid");

        // Wrong audience and wrong issuer, signed with the real key.
        (await Me(_host, Sign(key.SecurityKey, "ES256", kid, With(claims, "aud", "someone-else")))).Should().Be(HttpStatusCode.Unauthorized);
        (await Me(_host, Sign(key.SecurityKey, "ES256", kid, With(claims, "iss", "https://evil.test")))).Should().Be(HttpStatusCode.Unauthorized);

        // alg: none.
        var none = B64(JsonSerializer.Serialize(new { alg = "none", kid, typ = "at+jwt" })) + "." + B64(JsonSerializer.Serialize(claims)) + ".";
        (await Me(_host, none)).Should().Be(HttpStatusCode.Unauthorized);

        // HS256 keyed with the public key (the classic algorithm confusion).
        var jwk = JsonSerializer.Serialize((await _host.GetRequiredService<SigningKeyManager>().GetPublicJwksAsync(default)).First(k => k["kid"] == kid));
        var spki = ((ECDsaSecurityKey)key.SecurityKey).ECDsa.ExportSubjectPublicKeyInfo();
        foreach (var secret in new[] { Encoding.UTF8.GetBytes(jwk), spki })
        {
            (await Me(_host, Sign(new SymmetricSecurityKey(secret), "HS256", kid, claims))).Should().Be(HttpStatusCode.Unauthorized);
        }

        // A tampered payload keeps the old signature.
        var parts = genuine.Split('.');
        var tampered = parts[0] + "." + B64(JsonSerializer.Serialize(With(claims, "roles", new[] { "admin" }))) + "." + parts[2];
        (await Me(_host, tampered)).Should().Be(HttpStatusCode.Unauthorized);

        // A key of the attacker's, named by an unknown kid and a jku pointing at the attacker's JWKS.
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var attackerKey = new ECDsaSecurityKey(attacker) { KeyId = "attacker" };
        (await Me(_host, Sign(attackerKey, "ES256", "attacker", claims))).Should().Be(HttpStatusCode.Unauthorized);
        (await Me(_host, Sign(attackerKey, "ES256", "attacker", claims, new Dictionary<string, object> { ["jku"] = "http://127.0.0.1:1/jwks.json" }))).Should().Be(HttpStatusCode.Unauthorized);
        (await Me(_host, Sign(attackerKey, "ES256", kid, claims))).Should().Be(HttpStatusCode.Unauthorized);

        // The right key but the wrong typ: an ID token or other JWT is not an access token (RFC 9068).
        (await Me(_host, Sign(key.SecurityKey, "ES256", kid, claims, typ: "JWT"))).Should().Be(HttpStatusCode.Unauthorized);

        // And the control: the same claims signed properly are accepted, so the refusals above are the checks at work.
        (await Me(_host, Sign(key.SecurityKey, "ES256", kid, claims))).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rotation_signs_with_a_new_key_and_keeps_the_old_one_published_until_its_tokens_expire()
    {
        await using var host = await TestHost.StartAsync();
        var oldToken = (await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;
        var manager = host.GetRequiredService<SigningKeyManager>();
        var oldKid = new JsonWebToken(oldToken).Kid;

        var newKid = await manager.RotateAsync(default);

        var jwks = await (await host.Client.GetAsync("/.well-known/jwks.json")).JsonAsync();
        jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).Should().BeEquivalentTo(oldKid, newKid);
        (await Me(host, oldToken)).Should().Be(HttpStatusCode.OK);
        var newToken = (await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;
        new JsonWebToken(newToken).Kid.Should().Be(newKid);

        var store = host.GetRequiredService<ISigningKeyStore>();
        (await store.ListUnexpiredAsync(host.Time.GetUtcNow() + TimeSpan.FromHours(23), default)).Select(k => k.Id).Should().Contain(oldKid);
        (await store.ListUnexpiredAsync(host.Time.GetUtcNow() + TimeSpan.FromHours(25), default)).Select(k => k.Id).Should().Equal(newKid);
    }

    [Fact]
    public async Task JWKS_and_discovery_publish_public_keys_only()
    {
        var jwks = await (await _host.Client.GetAsync("/.well-known/jwks.json")).JsonAsync();
        var discovery = await (await _host.Client.GetAsync("/.well-known/openid-configuration")).JsonAsync();

        var key = jwks.GetProperty("keys").EnumerateArray().Single();
        key.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("kty", "kid", "alg", "use", "crv", "x", "y");
        key.GetProperty("use").GetString().Should().Be("sig");
        discovery.GetProperty("issuer").GetString().Should().Be(TestHost.Issuer);
        discovery.GetProperty("jwks_uri").GetString().Should().Be(TestHost.Issuer + "/.well-known/jwks.json");
        discovery.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()).Should().Equal("ES256");
    }

    [Fact]
    public async Task RS256_can_be_chosen()
    {
        await using var host = await TestHost.StartAsync(o => o.SigningAlgorithm = SigningAlgorithm.RS256);
        var token = (await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;

        Decode(token.Split('.')[0]).GetProperty("alg").GetString().Should().Be("RS256");
        (await Me(host, token)).Should().Be(HttpStatusCode.OK);
        var key = (await (await host.Client.GetAsync("/.well-known/jwks.json")).JsonAsync()).GetProperty("keys")[0];
        key.GetProperty("kty").GetString().Should().Be("RSA");
        key.TryGetProperty("d", out _).Should().BeFalse();
    }

    [Fact]
    public async Task HS256_works_only_when_chosen_and_its_key_is_never_published()
    {
        await using var host = await TestHost.StartAsync(o => o.SigningAlgorithm = SigningAlgorithm.HS256);
        var token = (await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;

        Decode(token.Split('.')[0]).GetProperty("alg").GetString().Should().Be("HS256");
        (await Me(host, token)).Should().Be(HttpStatusCode.OK);
        (await (await host.Client.GetAsync("/.well-known/jwks.json")).JsonAsync()).GetProperty("keys").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Signing_keys_are_stored_encrypted()
    {
        var stored = await _host.GetRequiredService<ISigningKeyStore>().ListUnexpiredAsync(_host.Time.GetUtcNow(), default);
        var key = await _host.GetRequiredService<SigningKeyManager>().GetCurrentAsync(default);
        var pkcs8 = Convert.ToBase64String(((ECDsaSecurityKey)key.SecurityKey).ECDsa.ExportPkcs8PrivateKey());

        stored.Should().ContainSingle().Which.ProtectedKey.Should().NotContain(pkcs8[..40]);
    }

    private static async Task<HttpStatusCode> Me(TestHost host, string token) =>
        (await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).StatusCode;

    /// <summary>Signs by hand, so header and key can disagree the way an attacker would make them.</summary>
    private static string Sign(SecurityKey key, string algorithm, string kid, Dictionary<string, object> claims, Dictionary<string, object>? extraHeader = null, string typ = "at+jwt")
    {
        var header = new Dictionary<string, object> { ["alg"] = algorithm, ["kid"] = kid, ["typ"] = typ };
        foreach (var (name, value) in extraHeader ?? [])
        {
            header[name] = value;
        }

        var input = B64(JsonSerializer.Serialize(header)) + "." + B64(JsonSerializer.Serialize(claims));
        var data = Encoding.ASCII.GetBytes(input);
        var signature = key switch
        {
            ECDsaSecurityKey ec => ec.ECDsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            SymmetricSecurityKey symmetric => HMACSHA256.HashData(symmetric.Key, data),
            _ => throw new NotSupportedException(),
        };
        // Our validator accepts only low-S ECDSA signatures (see Security/TokenForgeryTests), as the issuer makes them.
        return EcdsaSignatures.ToLowS(input + "." + Base64UrlEncoder.Encode(signature));
    }

    private static Dictionary<string, object> With(Dictionary<string, object> claims, string name, object value) => new(claims) { [name] = value };

    private static JsonElement Decode(string segment) => JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(segment)).RootElement.Clone();

    private static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}

public sealed class TokenTests(SharedHost fixture) : TokenTests<SharedHost>(fixture);

public sealed class TokenOnPostgreSqlTests(PostgreSqlSharedHost fixture) : TokenTests<PostgreSqlSharedHost>(fixture);
