using System.Net.Security;

namespace JwtAuthKit.Smtp;

/// <summary>The SMTP server JwtAuthKit sends its mail through (configuration section <c>JwtAuthKit:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name. Required.</summary>
    public string Host { get; set; } = "";

    /// <summary>The port. <value>The default value is 587.</value></summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured. <value>The default value is <see cref="SmtpSecurity.Auto"/>.</value></summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>The user name for AUTH, or none to send without authenticating.</summary>
    public string? Username { get; set; }

    /// <summary>The password for AUTH.</summary>
    public string? Password { get; set; }

    /// <summary>The default sender address. Required.</summary>
    public string From { get; set; } = "";

    /// <summary>The default sender name.</summary>
    public string? FromName { get; set; }

    /// <summary>How long one connection and send may take. <value>The default value is 30 seconds.</value></summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Replaces the system's check of the server's TLS certificate (for a private CA). Code only; leave unset to
    /// trust the system's certificate store.
    /// </summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }
}
