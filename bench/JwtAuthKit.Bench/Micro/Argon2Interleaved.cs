using System.Diagnostics;
using JwtAuthKit.Passwords;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Bench.Micro;

/// <summary>Medians of our hasher and of libsodium alone, measured in turns.</summary>
public sealed record Argon2Comparison(double OursMedianMs, double LibsodiumMedianMs, int Rounds);

/// <summary>
/// Our configured <see cref="IPasswordHasher"/> and libsodium alone (NSec) hashing in turns, A B B A A B…, so that a
/// machine whose speed drifts during the run slows both alike. BenchmarkDotNet runs one benchmark after the other, and
/// on a shared machine the two Argon2 rows were seen minutes and a third of the speed apart; the Argon2 target and the
/// "hash time" of the sign-in target are judged on these medians.
/// </summary>
public static class Argon2Interleaved
{
    public static async Task<Argon2Comparison> RunAsync(int rounds)
    {
        var host = await MicroHost.GetAsync("Sqlite");
        var hasher = host.Services.GetRequiredService<IPasswordHasher>();
        var options = host.Services.GetRequiredService<IOptions<JwtAuthKitOptions>>().Value.PasswordHashing;
        var libsodium = Argon2Benchmarks.Libsodium(options);
        var salt = new byte[16];
        System.Security.Cryptography.RandomNumberGenerator.Fill(salt);

        async Task<double> OursAsync()
        {
            var watch = Stopwatch.StartNew();
            await hasher.HashAsync(Harness.Password, CancellationToken.None);
            return watch.Elapsed.TotalMilliseconds;
        }

        double Libsodium()
        {
            var watch = Stopwatch.StartNew();
            libsodium.DeriveBytes(Harness.Password, salt, 32);
            return watch.Elapsed.TotalMilliseconds;
        }

        await OursAsync();
        Libsodium();
        var ours = new List<double>();
        var alone = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            if (i % 2 == 0)
            {
                ours.Add(await OursAsync());
                alone.Add(Libsodium());
            }
            else
            {
                alone.Add(Libsodium());
                ours.Add(await OursAsync());
            }
        }

        return new Argon2Comparison(Median(ours), Median(alone), rounds);
    }

    /// <summary>
    /// One hash of the bench password with our configured hasher (from the in-process host, started again if the micro
    /// part stopped it), in milliseconds: the scale part times the hash in turns with the sign-ins.
    /// </summary>
    public static async Task<double> TimeOursAsync()
    {
        var hasher = (await MicroHost.GetAsync("Sqlite")).Services.GetRequiredService<IPasswordHasher>();
        var watch = Stopwatch.StartNew();
        await hasher.HashAsync(Harness.Password, CancellationToken.None);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
