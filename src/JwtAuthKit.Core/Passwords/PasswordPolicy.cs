using System.Globalization;
using System.Text;
using JwtAuthKit.Applications;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Passwords;

/// <summary>
/// The password rules of NIST SP 800-63B 5.1.1.2: a minimum and maximum length, no composition rules,
/// and refusal of common or context-specific passwords.
/// </summary>
internal sealed class PasswordPolicy(CommonPasswordList commonPasswords, IOptions<JwtAuthKitOptions> options)
{
    private readonly int _maxLength = options.Value.PasswordHashing.MaxPasswordLength;

    public JwtAuthKitError? Check(string? password, ApplicationSettings settings, string? email, string field = "password")
    {
        if (string.IsNullOrEmpty(password))
        {
            return Weak(field, "A password is required.");
        }

        // Length counts user-perceived characters after normalization, not UTF-16 code units.
        var length = new StringInfo(password.Normalize(NormalizationForm.FormKC)).LengthInTextElements;
        if (length < settings.PasswordMinLength)
        {
            return Weak(field, $"The password must be at least {settings.PasswordMinLength} characters long.");
        }

        if (password.Length > _maxLength)
        {
            return Weak(field, $"The password must be at most {_maxLength} characters long.");
        }

        if (commonPasswords.Contains(password) || commonPasswords.Contains(password.Trim()))
        {
            return Weak(field, "This password is too common; choose one that is harder to guess.");
        }

        if (email is not null && (string.Equals(password, email, StringComparison.OrdinalIgnoreCase)
            || string.Equals(password, email.Split('@')[0], StringComparison.OrdinalIgnoreCase)))
        {
            return Weak(field, "The password must not be your email address.");
        }

        if (password.Distinct().Count() == 1)
        {
            return Weak(field, "The password must not repeat a single character.");
        }

        return null;
    }

    private static JwtAuthKitError Weak(string field, string message) => Errors.WeakPassword(field, message);
}
