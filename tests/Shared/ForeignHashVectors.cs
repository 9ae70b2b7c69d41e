using System.Security.Cryptography;
using System.Text;

namespace JwtAuthKit.Tests.Shared;

/// <summary>
/// Password hashes made by other systems with their own algorithms and parameters, each with the password it hides and
/// where it comes from. Published vectors are copied as published; the few built here say how, and build the bytes
/// with a code path independent of the verifier under test.
/// </summary>
internal static class ForeignHashVectors
{
    public sealed record Vector(string Name, string Password, string Hash, string Source);

    public static IReadOnlyList<Vector> All { get; } =
    [
        // dotnet/aspnetcore src/Identity/test/Identity.Test/PasswordHasherTest.cs ("my password").
        new("identity-v2", "my password", "AAABAgMEBQYHCAkKCwwNDg+ukCEMDf0yyQ29NYubggHIVY0sdEUfdyeM+E1LtH1uJg==", "aspnetcore PasswordHasherTest V2_SHA1_1000iter_128salt_256subkey"),
        new("identity-v3-sha1", "my password", "AQAAAAAAAAD6AAAAEAhftMyfTJylOlZT+eEotFXd1elee8ih5WsjXaR3PA9M", "aspnetcore PasswordHasherTest V3_SHA1_250iter_128salt_128subkey"),
        new("identity-v3-sha256", "my password", "AQAAAAEAA9CQAAAAIESkQuj2Du8Y+kbc5lcN/W/3NiAZFEm11P27nrSN5/tId+bR1SwV8CO1Jd72r4C08OLvplNlCDc3oQZ8efcW+jQ=", "aspnetcore PasswordHasherTest V3_SHA256_250000iter_256salt_256subkey"),
        new("identity-v3-sha512", "my password", "AQAAAAIAACcQAAAAEAABAgMEBQYHCAkKCwwNDg9B0Oxwty+PGIDSp95gcCfzeDvA4sGapUIUov8usXfD6A==", "aspnetcore PasswordHasherTest V3_SHA512_10000iter_128salt_256subkey"),

        // django tests/auth_tests/test_hashers.py, test_pbkdf2 (Django 1.4 and 1.10 iteration counts) and passlib's django_pbkdf2_sha1 test.
        new("django-pbkdf2-sha256", "letmein", "pbkdf2_sha256$10000$seasalt$FQCNpiZpTb0zub+HBsH6TOwyRxJ19FwvjbweatNmK/Y=", "Django 1.4 test_hashers test_pbkdf2"),
        new("django-pbkdf2-sha256-unicode", "lètmein", "pbkdf2_sha256$30000$seasalt$VrX+V8drCGo68wlvy6rfu8i1d1pfkdeXA4LJkRGJodY=", "Django 1.10 test_hashers test_pbkdf2"),
        new("django-pbkdf2-sha1", "not a password", "pbkdf2_sha1$10000$wz5B6WkasRoF$atJmJ1o+XfJxKq1+Nu1f1i57Z5I=", "passlib test_handlers_django django_pbkdf2_sha1_test"),

        // django tests/auth_tests/test_hashers.py, test_argon2 ("Old hashes with version attribute").
        new("django-argon2i", "secret", "argon2$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$YC9+jJCrQhs5R6db7LlN8Q", "Django test_hashers test_argon2"),

        // The Argon2 reference implementation's tests (phc-winner-argon2 src/test.c, "password", "somesalt").
        new("argon2i-phc", "password", "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8", "phc-winner-argon2 test.c"),
        new("argon2id-phc", "password", "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4", "libsodium/argon2 reference vectors"),

        // jBCrypt's TestBCrypt vectors (also in OpenBSD's and BCrypt.Net's tests).
        new("bcrypt-2a", "abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", "jBCrypt TestBCrypt"),
        new("bcrypt-2a-symbols", "~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO", "jBCrypt TestBCrypt"),

        // $2b$ (OpenBSD 2014, Node's bcrypt, Auth0) and $2y$ (PHP password_hash, Supabase's GoTrue writes $2a$) differ
        // from $2a$ only for passwords of 255 bytes or more: the same vector under the other prefixes.
        new("bcrypt-2b", "abc", "$2b$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", "jBCrypt TestBCrypt, $2b$ prefix"),
        new("bcrypt-2y", "abc", "$2y$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", "jBCrypt TestBCrypt, $2y$ prefix"),

        // Django's BCryptSHA256PasswordHasher, built by hand as hashers.py does: bcrypt of the hex SHA-256 of the password,
        // the bcrypt part from jBCrypt's salt "$2a$06$If6bvum7DFjUnE9p2uDeDu" computed by BCrypt.Net directly.
        new("django-bcrypt-sha256", "lètmein", "bcrypt_sha256$" + BCrypt.Net.BCrypt.HashPassword(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("lètmein"))), "$2b$06$If6bvum7DFjUnE9p2uDeDu"), "built as Django's hashers.py does"),
    ];

    public static Vector Get(string name) => All.Single(v => v.Name == name);
}
