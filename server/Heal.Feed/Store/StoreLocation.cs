using System.Text.RegularExpressions;
using Npgsql;

namespace Heal.Feed.Store;

/// <summary>
/// Where a store is, parsed once from what a user typed (<c>--store</c>, the language server's <c>store</c> option,
/// <c>.heal/settings.json</c>): a PostgreSQL URL (<c>postgres://user:password@host:5432/db?sslmode=require</c>, also
/// <c>postgresql://</c>), a PostgreSQL connection string (<c>Host=…;Database=…</c>), or else a SQLite file path
/// (relative paths against a base folder). Open it with <see cref="ErrorStores"/>.
/// </summary>
/// <remarks>
/// <see cref="Display"/> and <see cref="ToString"/> never contain the password; only <see cref="ConnectionString"/> does,
/// and it goes to the database driver only.
/// </remarks>
public sealed partial class StoreLocation
{
    // libpq URL parameters Heal passes on, and the Npgsql keyword each becomes.
    private static readonly Dictionary<string, string> s_urlParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
    };

    private StoreLocation(StoreKind kind, string path, string connectionString, string display)
    {
        Kind = kind;
        Path = path;
        ConnectionString = connectionString;
        Display = display;
    }

    public StoreKind Kind { get; }

    /// <summary>The SQLite file's full path; empty for PostgreSQL.</summary>
    public string Path { get; }

    /// <summary>The Npgsql connection string, password included; empty for SQLite. Never print it.</summary>
    public string ConnectionString { get; }

    /// <summary>The location for messages and logs: the file path, or <c>postgres://user@host:port/db</c>.</summary>
    public string Display { get; }

    /// <summary>True when <paramref name="text"/> names a PostgreSQL database rather than a file.</summary>
    public static bool IsPostgres(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || ConnectionStringHost().IsMatch(text);

    /// <summary>
    /// Parses <paramref name="text"/>; a relative file path is resolved against <paramref name="baseDirectory"/> (the
    /// current directory when null). Throws <see cref="StoreException"/> with what is wrong for a malformed URL or
    /// connection string.
    /// </summary>
    public static StoreLocation Parse(string text, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new StoreException("the store location is empty: give a file path, a postgres:// URL or a Host=…; connection string.");
        }

        if (IsPostgres(trimmed))
        {
            return PostgresLocation(trimmed);
        }

        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), trimmed));
        return new StoreLocation(StoreKind.Sqlite, full, "", full);
    }

    public override string ToString() => Display;

    /// <summary>
    /// A postgres:// URL or a Host=…; connection string. A method of its own, never inlined, so that parsing a file path
    /// (the default, and every <c>heal errors</c> on one machine) does not load Npgsql.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static StoreLocation PostgresLocation(string trimmed)
    {
        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromBuilder(FromUrl(trimmed));
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(trimmed);
        }
        catch (ArgumentException e)
        {
            // The message names the keyword, never a value.
            throw new StoreException($"the PostgreSQL connection string is not valid: {e.Message}", e);
        }

        return FromBuilder(builder);
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        // The scheme is not one Uri knows, so parse it as http to get host, port, user info and path the standard way.
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal) + 3;
        if (!Uri.TryCreate("http://" + text[schemeEnd..], UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new StoreException("the PostgreSQL URL is not valid: expected postgres://user:password@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (!uri.IsDefaultPort)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!s_urlParameters.TryGetValue(name, out var keyword))
            {
                throw new StoreException($"the PostgreSQL URL has the parameter '{name}', which Heal does not pass on; it knows {string.Join(", ", s_urlParameters.Keys)}.");
            }

            try
            {
                builder[keyword] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new StoreException($"the PostgreSQL URL's parameter '{name}' is not valid: {e.Message}", e);
            }
        }

        return builder;
    }

    private static StoreLocation FromBuilder(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new StoreException("the PostgreSQL location names no host.");
        }

        builder.ApplicationName ??= "heal";
        var user = string.IsNullOrEmpty(builder.Username) ? "" : Uri.EscapeDataString(builder.Username) + "@";
        var host = builder.Host.Contains(':', StringComparison.Ordinal) ? $"[{builder.Host}]" : builder.Host;
        var display = $"postgres://{user}{host}:{builder.Port}/{Uri.EscapeDataString(builder.Database ?? "")}";
        return new StoreLocation(StoreKind.Postgres, "", builder.ConnectionString, display);
    }

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringHost();
}
