using Settings;

namespace Settings.Behaviour.Tests;

public class MaxRetriesBehaviour
{
    private const string Json = """{"Host":"smtp.example.org","Port":587,"UseTls":true,"MaxRetries":5,"RetryDelaySeconds":2.5}""";

    [Fact]
    public void MaxRetries_JsonNumber_IsRead() => Assert.Equal(5, new MailerSettings(SettingsLoader.FromJson(Json)).MaxRetries);

    [Fact]
    public void Describe_FullSettings_ListsEverything() =>
        Assert.Equal("smtp.example.org:587 tls=True retries=5 delay=2.5s", new MailerSettings(SettingsLoader.FromJson(Json)).Describe());

    [Fact]
    public void MaxRetries_IntValue_IsRead() =>
        Assert.Equal(3, new MailerSettings(new Dictionary<string, object?> { ["MaxRetries"] = 3 }).MaxRetries);
}
