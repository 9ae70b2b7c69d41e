namespace JwtAuthKit.Passwords.Foreign;

/// <summary>
/// The foreign hash formats JwtAuthKit reads, each recognised by its shape. Firebase's modified scrypt is not among
/// them: no maintained implementation is published on NuGet (see docs/migrating.md).
/// </summary>
internal sealed class ForeignPasswordHashes
{
    private readonly IForeignHashFormat[] _formats =
    [
        new AspNetIdentityV2Format(),
        new AspNetIdentityV3Format(),
        new DjangoPbkdf2Format(),
        new DjangoBcryptFormat(),
        new BcryptFormat(),
        new Argon2PhcFormat(),
    ];

    /// <summary>The format of <paramref name="hash"/>, or <see langword="null"/> when none recognises it.</summary>
    public IForeignHashFormat? Find(string hash) => hash.Length is > 0 and <= 1024 ? Array.Find(_formats, f => f.Recognizes(hash)) : null;
}
