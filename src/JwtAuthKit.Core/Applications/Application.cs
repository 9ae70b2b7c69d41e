namespace JwtAuthKit.Applications;

/// <summary>
/// A client application (tenant) served by this deployment: a website or mobile app with its own users,
/// roles, settings and API keys. Its <see cref="ClientId"/> is the <c>aud</c> of its access tokens.
/// </summary>
public sealed class Application
{
    /// <summary>The application's id.</summary>
    public required string Id { get; init; }

    /// <summary>A display name, unique within the deployment.</summary>
    public required string Name { get; set; }

    /// <summary>The public client id, used as the JWT audience.</summary>
    public required string ClientId { get; init; }

    /// <summary>The application's authentication settings.</summary>
    public ApplicationSettings Settings { get; set; } = new();

    /// <summary>When the application was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the application was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
