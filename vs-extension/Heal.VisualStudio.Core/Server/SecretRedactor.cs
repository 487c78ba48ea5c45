using System.Collections.Generic;
using System.Linq;

namespace Heal.VisualStudio.Core.Server;

/// <summary>Masks secret values in text bound for a log (the server never logs tokens; this holds even if it did).</summary>
public sealed class SecretRedactor(IEnumerable<string> secrets)
{
    private readonly string[] _secrets = secrets.Where(s => s.Length >= 4).OrderByDescending(s => s.Length).ToArray();

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "***");
        }

        return text;
    }
}
