namespace JwtAuthKit.AspNetCore.Tests.Infrastructure;

public static class Unique
{
    public static string Email(string name = "user") => $"{name}.{Guid.NewGuid():N}@example.com";
}
