namespace JwtAuthKit.Roles;

/// <summary>A named set of permissions within one application. <c>admin</c> and <c>user</c> are built in.</summary>
public sealed class Role
{
    /// <summary>The record's id.</summary>
    public required string Id { get; init; }

    /// <summary>The application.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The role name, unique within the application.</summary>
    public required string Name { get; init; }

    /// <summary>What the role is for.</summary>
    public string? Description { get; set; }

    /// <summary>Permission strings such as <c>posts:write</c>.</summary>
    public IList<string> Permissions { get; set; } = [];

    /// <summary>When the role was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the role last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
