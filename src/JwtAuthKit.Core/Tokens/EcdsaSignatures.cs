using System.Numerics;
using Microsoft.IdentityModel.Tokens;

namespace JwtAuthKit.Tokens;

/// <summary>
/// ECDSA signature malleability (P-256): for a valid signature (r, s), (r, n − s) is valid too, so one token has two
/// encodings. We issue only the low-S form (s ≤ n/2, as BIP 62/146 and libsecp256k1 do) and refuse the other, so a
/// token's bytes — and anything keyed on them — cannot be varied by a third party (RFC 8725 §2.1 spirit).
/// </summary>
internal static class EcdsaSignatures
{
    private const int P256FieldSize = 32;

    /// <summary>The order n of P-256 (FIPS 186-5 / SEC 2 secp256r1).</summary>
    private static readonly BigInteger P256Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly BigInteger P256HalfOrder = P256Order / 2;

    /// <summary>Whether a JWS ES256 signature (r‖s, 64 bytes) has its S in the upper half of the curve order, or is not 64 bytes.</summary>
    public static bool IsNotLowS(ReadOnlySpan<byte> signature) =>
        signature.Length != 2 * P256FieldSize || new BigInteger(signature[P256FieldSize..], isUnsigned: true, isBigEndian: true) > P256HalfOrder;

    /// <summary>Rewrites an ES256 compact JWS so its signature has low S; the signature stays valid for the same key.</summary>
    public static string ToLowS(string compactJws)
    {
        var dot = compactJws.LastIndexOf('.');
        var signature = Base64UrlEncoder.DecodeBytes(compactJws[(dot + 1)..]);
        if (signature.Length != 2 * P256FieldSize)
        {
            return compactJws;
        }

        var s = new BigInteger(signature.AsSpan(P256FieldSize), isUnsigned: true, isBigEndian: true);
        if (s <= P256HalfOrder)
        {
            return compactJws;
        }

        var low = (P256Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(signature, P256FieldSize, P256FieldSize);
        low.CopyTo(signature, 2 * P256FieldSize - low.Length);
        return compactJws[..(dot + 1)] + Base64UrlEncoder.Encode(signature);
    }
}
