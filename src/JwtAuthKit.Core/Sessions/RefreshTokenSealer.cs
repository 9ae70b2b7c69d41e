using System.Security.Cryptography;
using System.Text;

namespace JwtAuthKit.Sessions;

/// <summary>
/// Seals a successor refresh token under a key derived from its predecessor (HMAC-SHA-256, then AES-256-GCM):
/// only someone who holds the predecessor can read it, and the store never holds a usable token.
/// </summary>
internal static class RefreshTokenSealer
{
    private static readonly byte[] Label = "jwtauthkit refresh-token successor v1"u8.ToArray();
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Seal(string predecessor, string successor)
    {
        var key = DeriveKey(predecessor);
        var plaintext = Encoding.UTF8.GetBytes(successor);
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length));
        CryptographicOperations.ZeroMemory(key);
        return output;
    }

    public static string? Open(string predecessor, byte[] sealedSuccessor)
    {
        if (sealedSuccessor.Length <= NonceSize + TagSize)
        {
            return null;
        }

        var key = DeriveKey(predecessor);
        var length = sealedSuccessor.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedSuccessor.AsSpan(0, NonceSize), sealedSuccessor.AsSpan(NonceSize, length), sealedSuccessor.AsSpan(NonceSize + length), plaintext);
            return Encoding.UTF8.GetString(plaintext);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] DeriveKey(string predecessor) => HMACSHA256.HashData(Label, Encoding.UTF8.GetBytes(predecessor));
}
