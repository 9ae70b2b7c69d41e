namespace JwtAuthKit.Administration;

/// <summary>A custom role as an administrator writes it.</summary>
/// <param name="Name">The name: 1 to 64 characters of <c>a-z 0-9 _ . : -</c>.</param>
/// <param name="Description">What the role is for, at most 500 characters.</param>
/// <param name="Permissions">The permissions it grants, at most 100, each 1 to 100 characters of <c>A-Z a-z 0-9 _ . : * -</c>.</param>
public sealed record RoleDefinition(string? Name, string? Description, IList<string>? Permissions);
