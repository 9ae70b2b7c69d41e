using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HostApp.Tests;

/// <summary>
/// Threat: a first visit over plain HTTP can be downgraded. Outside Development the host sends
/// <c>Strict-Transport-Security</c> on HTTPS answers (RFC 6797 §7.2: never on plain HTTP), for a year.
/// </summary>
public sealed class HstsTests
{
    private const string PublicHost = "auth.example.test";

    [Fact]
    public async Task Https_answers_carry_hsts_for_a_year_and_plain_http_answers_do_not()
    {
        var directory = Path.Combine(Path.GetTempPath(), "jak-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var certificatePath = Path.Combine(directory, "tls.pfx");
        await File.WriteAllBytesAsync(certificatePath, SelfSignedCertificate(PublicHost).Export(X509ContentType.Pfx, "test"));
        var httpsPort = HostProcess.FreePort();
        await using var host = await HostProcess.StartListeningAsync(directory, new Dictionary<string, string>
        {
            ["Kestrel__Certificates__Default__Path"] = certificatePath,
            ["Kestrel__Certificates__Default__Password"] = "test",
        }, $"https://127.0.0.1:{httpsPort}");

        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var https = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{httpsPort}") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = PublicHost; // HSTS is never sent for localhost or loopback addresses.
        using var secure = await https.SendAsync(request);

        secure.StatusCode.Should().Be(HttpStatusCode.OK);
        secure.Headers.GetValues("Strict-Transport-Security").Single().Should().Be("max-age=31536000");

        using var plain = host.NewClient();
        using var plainRequest = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        plainRequest.Headers.Host = PublicHost;
        using var insecure = await plain.SendAsync(plainRequest);
        insecure.StatusCode.Should().Be(HttpStatusCode.OK);
        insecure.Headers.Contains("Strict-Transport-Security").Should().BeFalse("RFC 6797 §7.2: not over plain HTTP");
    }

    private static X509Certificate2 SelfSignedCertificate(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
    }
}
