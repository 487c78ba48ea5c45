using Heal.Repair.Regression;

namespace Heal.Repair.Tests.Security;

/// <summary>
/// Event values reach a regression test only as literals. Roslyn escapes control characters there but not format
/// characters, so a bidirectional override from an event once reached the written test as it was, making the test read
/// differently from what it does. Now every invisible character is a <c>\uXXXX</c> escape.
/// </summary>
public sealed class RegressionTestTextAttackTests
{
    [Theory]
    [InlineData("A-17\u202E71-A", "\"A-17\\u202E71-A\"")]
    [InlineData("key\u2066\u2069", "\"key\\u2066\\u2069\"")]
    [InlineData("zero\u200Bwidth\uFEFF", "\"zero\\u200Bwidth\\uFEFF\"")]
    [InlineData("line\u2028break", "\"line\\u2028break\"")]
    [InlineData("tab\tand\nnewline", "\"tab\\tand\\nnewline\"")]
    [InlineData("\"; File.Delete(\"x\"); //", "\"\\\"; File.Delete(\\\"x\\\"); //\"")]
    public void String_EventValueWithInvisibleOrCodeCharacters_OneLiteralWithEveryInvisibleCharacterEscaped(string value, string expected)
    {
        var literal = CSharpLiterals.String(value);

        Assert.Equal(expected, literal);
        Assert.DoesNotContain(literal, c => Core.Text.VisibleText.IsUnsafe(c));
    }
}
