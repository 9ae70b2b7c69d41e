using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace JwtAuthKit.Testing;

/// <summary>A real SMTP server in the test process (the SmtpServer package) that keeps what it receives.</summary>
public sealed class InProcessSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Channel<MimeMessage> _received = Channel.CreateUnbounded<MimeMessage>();
    private readonly List<MimeMessage> _all = [];

    private InProcessSmtpServer(int port, ISmtpServerOptions options, ServiceProvider services, TimeSpan delay)
    {
        Port = port;
        services.Add(new Store(this, delay));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts a server; with a certificate it offers STARTTLS, with credentials it requires AUTH; with a delay it takes
    /// that long to accept each message (a slow relay).
    /// </summary>
    public static async Task<InProcessSmtpServer> StartAsync(int? port = null, X509Certificate2? certificate = null, (string User, string Password)? credentials = null, TimeSpan? delay = null)
    {
        var chosen = port ?? FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, chosen));
                if (certificate is not null)
                {
                    endpoint.Certificate(certificate);
                }

                if (credentials is not null)
                {
                    endpoint.AuthenticationRequired(true).AllowUnsecureAuthentication(certificate is null);
                }
            })
            .Build();
        var services = new ServiceProvider();
        if (credentials is { } c)
        {
            services.Add(new Authenticator(c.User, c.Password));
        }

        var server = new InProcessSmtpServer(chosen, options, services, delay ?? TimeSpan.Zero);
        await WaitUntilListeningAsync(chosen);
        return server;
    }

    public static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var message = await _received.Reader.ReadAsync(cancel.Token);
            if (match is null || match(message))
            {
                return message;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static async Task WaitUntilListeningAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new TimeoutException($"The SMTP server did not start on port {port}.");
    }

    private void Receive(MimeMessage message)
    {
        lock (_all)
        {
            _all.Add(message);
        }

        _received.Writer.TryWrite(message);
    }

    private sealed class Store(InProcessSmtpServer owner, TimeSpan delay) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            owner.Receive(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Authenticator(string user, string password) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user1, string password1, CancellationToken cancellationToken) =>
            Task.FromResult(user1 == user && password1 == password);
    }
}
