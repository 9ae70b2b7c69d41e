namespace JwtAuthKit.Smtp;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text; only for a server on the same machine or network you trust.</summary>
    None = 0,

    /// <summary>Plain connection upgraded with STARTTLS, which must succeed (port 587).</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 2,

    /// <summary>TLS on port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto = 3,
}
