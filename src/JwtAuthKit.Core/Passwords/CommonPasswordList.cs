using System.Collections.Frozen;
using System.Text;

namespace JwtAuthKit.Passwords;

/// <summary>
/// The 30,000 most common passwords (the password list of zxcvbn, MIT licence, drawn from public breach
/// corpora), refused at sign-up and password change as NIST SP 800-63B 5.1.1.2 asks.
/// </summary>
internal sealed class CommonPasswordList
{
    private readonly FrozenSet<string> _passwords;

    public CommonPasswordList()
    {
        using var stream = typeof(CommonPasswordList).Assembly.GetManifestResourceStream("JwtAuthKit.Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        _passwords = set.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password);
}
