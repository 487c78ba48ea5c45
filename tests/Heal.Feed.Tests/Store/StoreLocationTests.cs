using Heal.Feed.Store;
using Npgsql;

namespace Heal.Feed.Tests.Store;

public sealed class StoreLocationTests
{
    [Theory]
    [InlineData("postgres://heal:s%40cret@db.example:6432/errors?sslmode=require", "db.example", 6432, "heal", "s@cret", "errors", "postgres://heal@db.example:6432/errors")]
    [InlineData("postgresql://app@10.0.0.5/heal", "10.0.0.5", 5432, "app", null, "heal", "postgres://app@10.0.0.5:5432/heal")]
    [InlineData("Host=db;Port=5433;Username=u;Password=p;Database=d", "db", 5433, "u", "p", "d", "postgres://u@db:5433/d")]
    [InlineData("Database=d; host=db", "db", 5432, null, null, "d", "postgres://db:5432/d")]
    public void Parse_PostgresLocation_ConnectionStringAndDisplayWithoutPassword(string text, string host, int port, string? user, string? password, string database, string display)
    {
        var location = StoreLocation.Parse(text);

        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal((StoreKind.Postgres, host, port, user, password, database), (location.Kind, builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
        Assert.Equal(display, location.Display);
        Assert.Equal(display, location.ToString());
    }

    [Fact]
    public void Parse_UrlWithSslMode_PassesItOn()
    {
        var builder = new NpgsqlConnectionStringBuilder(StoreLocation.Parse("postgres://u:p@h/d?sslmode=require").ConnectionString);
        Assert.Equal(SslMode.Require, builder.SslMode);
    }

    [Theory]
    [InlineData(".heal/feed.db")]
    [InlineData("/var/lib/heal/feed.db")]
    [InlineData("weird=name.db")]
    public void Parse_FilePath_IsSqliteResolvedAgainstTheBase(string text)
    {
        var location = StoreLocation.Parse(text, "/work/repo");

        Assert.Equal((StoreKind.Sqlite, Path.GetFullPath(Path.Combine("/work/repo", text))), (location.Kind, location.Path));
        Assert.Equal("", location.ConnectionString);
    }

    [Theory]
    [InlineData("postgres://u:p@h/d?statement_timeout=5", "statement_timeout")]
    [InlineData("postgres:///d", "not valid")]
    [InlineData("Host=h;Bogus Keyword=1", "not valid")]
    [InlineData("   ", "empty")]
    public void Parse_MalformedLocation_IsAStoreExceptionSayingWhat(string text, string expected)
    {
        var error = Assert.Throws<StoreException>(() => StoreLocation.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
