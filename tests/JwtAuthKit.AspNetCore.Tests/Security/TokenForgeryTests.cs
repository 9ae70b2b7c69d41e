using System.Net;
using System.Net.Http.Headers;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>Tokens that verify mathematically but that we must not accept (RFC 7515 §4.1.11, RFC 8725, ECDSA malleability).</summary>
public sealed class TokenForgeryTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_token_whose_signature_has_a_high_S_is_refused_although_it_verifies()
    {
        var genuine = await SignInAsync();
        var parts = genuine.Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var flipped = (N - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var forgedSignature = new byte[64];
        signature.AsSpan(0, 32).CopyTo(forgedSignature);
        flipped.CopyTo(forgedSignature, 64 - flipped.Length);
        var forged = parts[0] + "." + parts[1] + "." + Base64UrlEncoder.Encode(forgedSignature);

        // The forged signature is a valid ECDSA signature of the same token by the same key…
        var key = (ECDsaSecurityKey)(await Host.GetRequiredService<SigningKeyManager>().GetCurrentAsync(default)).SecurityKey;
        key.ECDsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), forgedSignature, HashAlgorithmName.SHA256).Should().BeTrue();

        // …and still it is refused, while the genuine one works.
        (await MeAsync(genuine)).Should().Be(HttpStatusCode.OK);
        (await MeAsync(forged)).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Issued_tokens_always_have_a_low_S()
    {
        for (var i = 0; i < 16; i++)
        {
            var token = await SignInAsync();
            var s = new BigInteger(Base64UrlEncoder.DecodeBytes(token.Split('.')[2]).AsSpan(32), isUnsigned: true, isBigEndian: true);
            s.Should().BeLessThanOrEqualTo(N / 2, "one signature in two would have a high S if it were not normalized");
            (await MeAsync(token)).Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_token_naming_a_critical_header_extension_is_refused()
    {
        var genuine = await SignInAsync();
        var header = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(genuine.Split('.')[0]))!;
        header["crit"] = new[] { "urn:example:must-understand" };
        header["urn:example:must-understand"] = true;
        var key = (ECDsaSecurityKey)(await Host.GetRequiredService<SigningKeyManager>().GetCurrentAsync(default)).SecurityKey;

        var forged = Resign(key, header, genuine.Split('.')[1]);
        var control = Resign(key, JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(genuine.Split('.')[0]))!, genuine.Split('.')[1]);

        (await MeAsync(control)).Should().Be(HttpStatusCode.OK, "the same token re-signed without crit is valid");
        (await MeAsync(forged)).Should().Be(HttpStatusCode.Unauthorized);
    }

    private static string Resign(ECDsaSecurityKey key, Dictionary<string, object> header, string payload)
    {
        var input = Base64UrlEncoder.Encode(JsonSerializer.Serialize(header)) + "." + payload;
        var signature = key.ECDsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return EcdsaSignatures.ToLowS(input + "." + Base64UrlEncoder.Encode(signature));
    }

    private async Task<string> SignInAsync() =>
        (await Host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;

    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await Host.Client.SendAsync(request)).StatusCode;
    }
}
