using Heal.Feed.Sources;

namespace Heal.Feed.Tests.Sources;

public sealed class SentryApiOptionsTests
{
    [Theory]
    [InlineData("HEAL_SENTRY_ORG=acme HEAL_SENTRY_PROJECT=shop HEAL_SENTRY_TOKEN=t0k", "https://sentry.io/ acme shop", "")]
    [InlineData("HEAL_SENTRY_URL=http://127.0.0.1:9000 HEAL_SENTRY_ORG=acme HEAL_SENTRY_PROJECT=shop SENTRY_AUTH_TOKEN=t0k", "http://127.0.0.1:9000/ acme shop", "")]
    [InlineData("HEAL_SENTRY_ORG=acme", null, "HEAL_SENTRY_PROJECT HEAL_SENTRY_TOKEN")]
    [InlineData("HEAL_SENTRY_URL=not-a-url HEAL_SENTRY_ORG=acme HEAL_SENTRY_PROJECT=shop HEAL_SENTRY_TOKEN=t0k", null, "HEAL_SENTRY_URL")]
    public void FromEnvironment_Variables_ReadsOptionsOrNamesWhatIsMissing(string variables, string? expected, string missing)
    {
        var values = variables.Split(' ').Select(v => v.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        var options = SentryApiOptions.FromEnvironment(values.GetValueOrDefault, out var absent);

        Assert.Equal(expected, options is null ? null : $"{options.BaseUrl} {options.Organization} {options.Project}");
        Assert.Equal(missing, string.Join(" ", absent.Select(a => a.Split(' ')[0])));
        Assert.DoesNotContain("t0k", options?.ToString() ?? "");
    }
}
