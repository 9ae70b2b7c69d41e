namespace JwtAuthKit.Applications;

/// <summary>
/// An application declared in configuration (<c>JwtAuthKit:Applications:N</c>), created or updated at start.
/// </summary>
public sealed class DeclaredApplication
{
    /// <summary>The application's name. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>The client id; generated when left out.</summary>
    public string? ClientId { get; set; }

    /// <summary>A publishable key (<c>pk_…</c>) to accept; stored hashed.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>A secret key (<c>sk_…</c>) to accept; stored hashed.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The application's settings; fields left out keep their defaults.</summary>
    public ApplicationSettings Settings { get; set; } = new();
}
