using System.Security.Cryptography;

namespace JwtAuthKit.Mfa;

/// <summary>Makes and reads recovery codes: ten per set, each 16 base32 characters (80 random bits) shown as four groups.</summary>
internal static class RecoveryCodes
{
    public const int PerSet = 10;
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789"; // 32 symbols, no 0/o, 1/l

    /// <summary>A new set: the codes to show once, and the records to store (hashes only).</summary>
    public static (IReadOnlyList<string> Codes, IReadOnlyList<RecoveryCode> Records) NewSet(string applicationId, string userId, DateTimeOffset now)
    {
        var codes = new List<string>(PerSet);
        var records = new List<RecoveryCode>(PerSet);
        for (var i = 0; i < PerSet; i++)
        {
            var raw = RandomNumberGenerator.GetString(Alphabet, 16);
            var code = string.Join('-', raw.Chunk(4).Select(c => new string(c)));
            codes.Add(code);
            records.Add(new RecoveryCode
            {
                Id = Guid.CreateVersion7(now).ToString(),
                ApplicationId = applicationId,
                UserId = userId,
                CodeHash = Hash(code),
                CreatedAt = now,
            });
        }

        return (codes, records);
    }

    /// <summary>The hash of a code as typed: case, spaces and dashes do not matter.</summary>
    public static string? HashInput(string? input)
    {
        if (input is null || input.Length > 64)
        {
            return null;
        }

        var normalized = new string([.. input.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant)]);
        return normalized.Length == 16 ? SecretTokens.Hash(normalized) : null;
    }

    private static string Hash(string code) => SecretTokens.Hash(code.Replace("-", "", StringComparison.Ordinal));
}
