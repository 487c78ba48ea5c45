using Settings;

namespace Settings.Tests;

public class MailerSettingsTests
{
    private static MailerSettings Load(string json) => new(SettingsLoader.FromJson(json));

    [Fact]
    public void Port_JsonNumber_IsRead() => Assert.Equal(587, Load("""{"Host":"smtp.example.org","Port":587}""").Port);

    [Fact]
    public void UseTls_Missing_IsFalse() => Assert.False(Load("""{"Host":"smtp.example.org"}""").UseTls);

    [Fact]
    public void RetryDelay_WholeNumber_IsSeconds() => Assert.Equal(TimeSpan.FromSeconds(30), Load("""{"RetryDelaySeconds":30}""").RetryDelay);

    [Fact]
    public void FromJson_Number_IsLong() => Assert.IsType<long>(SettingsLoader.FromJson("""{"Port":25}""")["Port"]);
}
