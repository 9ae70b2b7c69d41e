using JwtAuthKit.Passwords;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Core.Tests;

internal static class TestOptions
{
    public static IOptions<JwtAuthKitOptions> With(PasswordHashingOptions hashing) =>
        Options.Create(new JwtAuthKitOptions { Issuer = "https://issuer.test", PasswordHashing = hashing });

    public static PasswordHashingOptions Fast(int memoryKiB = 1024, int iterations = 1) =>
        new() { MemorySizeKiB = memoryKiB, Iterations = iterations, Parallelism = 1, MaxConcurrentHashes = 2 };
}
