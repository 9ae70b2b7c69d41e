using System.Net.Mail;

namespace JwtAuthKit.Users;

/// <summary>Normalizes and checks email addresses.</summary>
public static class EmailAddress
{
    /// <summary>The longest address accepted (RFC 5321 §4.5.3.1.3 path limit less the brackets).</summary>
    public const int MaxLength = 254;

    /// <summary>Trims and lower-cases an address: accounts are unique by this form.</summary>
    /// <param name="email">The address as typed.</param>
    /// <returns>The normalized address.</returns>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>Whether a normalized address is a plain <c>local@domain</c> mailbox we can send to.</summary>
    /// <param name="normalized">The normalized address.</param>
    /// <returns><see langword="true"/> when it is valid.</returns>
    public static bool IsValid(string normalized)
    {
        if (normalized.Length is < 3 or > MaxLength || normalized.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var at = normalized.LastIndexOf('@');
        if (at < 1 || at > 64 || at == normalized.Length - 1)
        {
            return false;
        }

        var domain = normalized[(at + 1)..];
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        // MailAddress also accepts display-name forms ("A <a@b.c>"); insist that it read back unchanged.
        return MailAddress.TryCreate(normalized, out var parsed) && parsed.Address == normalized && parsed.DisplayName.Length == 0;
    }
}
