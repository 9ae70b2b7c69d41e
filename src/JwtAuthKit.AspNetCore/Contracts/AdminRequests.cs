using System.Text.Json.Serialization;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>Body of <c>POST /api/admin/users</c>.</summary>
internal sealed class CreateUserRequest
{
    /// <summary>The email address.</summary>
    [JsonPropertyName("email")] public string? Email { get; set; }

    /// <summary>A password; left out, the user signs in by email link or code, or after a reset.</summary>
    [JsonPropertyName("password")] public string? Password { get; set; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>The roles; the application's default role when left out.</summary>
    [JsonPropertyName("roles")] public IList<string>? Roles { get; set; }

    /// <summary>Whether the address counts as verified already.</summary>
    [JsonPropertyName("email_verified")] public bool EmailVerified { get; set; }
}

/// <summary>Body of <c>PATCH /api/admin/users/{id}</c>: only the fields it names change.</summary>
internal sealed class UpdateUserRequest
{
    private string? _name;

    /// <summary>The new display name; <see langword="null"/> clears it.</summary>
    [JsonPropertyName("name")]
    public string? Name
    {
        get => _name;
        set
        {
            _name = value;
            HasName = true;
        }
    }

    /// <summary>Whether the body named <c>name</c>.</summary>
    [JsonIgnore] public bool HasName { get; private set; }

    /// <summary>Whether the user may sign in; <see langword="false"/> also ends every session.</summary>
    [JsonPropertyName("is_active")] public bool? IsActive { get; set; }

    /// <summary>Whether the address counts as verified.</summary>
    [JsonPropertyName("email_verified")] public bool? EmailVerified { get; set; }
}

/// <summary>Body of <c>PUT /api/admin/users/{id}/roles</c>.</summary>
internal sealed class SetRolesRequest
{
    /// <summary>The user's roles from now on.</summary>
    [JsonPropertyName("roles")] public IList<string>? Roles { get; set; }
}

/// <summary>Body of <c>POST /api/admin/roles</c> and <c>PUT /api/admin/roles/{name}</c>.</summary>
internal sealed class RoleRequest
{
    /// <summary>The role name (creation only; the path names it on update).</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>What the role is for.</summary>
    [JsonPropertyName("description")] public string? Description { get; set; }

    /// <summary>The permissions it grants, such as <c>posts:write</c>.</summary>
    [JsonPropertyName("permissions")] public IList<string>? Permissions { get; set; }
}
