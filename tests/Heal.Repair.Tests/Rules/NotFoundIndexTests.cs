using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary><c>Substring</c> at an <c>IndexOf</c> that found nothing, where sibling code treats "not found" as normal.</summary>
public sealed class NotFoundIndexTests
{
    private const string Aoor = "System.ArgumentOutOfRangeException";
    private const string Message = "startIndex ('-1') must be a non-negative value. (Parameter 'startIndex')";
    private static readonly IndexRangeRule Rule = new();

    private const string Sibling = """
            public static string Local(string address)
            {
                var at = address.IndexOf('@');
                return at < 0 ? address : address.Substring(0, at);
            }

        """;

    [Fact]
    public void Apply_SiblingTestsSameSearchForNotFound_ReturnsEmptySuffix()
    {
        RuleCheck.Fixes(Rule, Mail(Sibling + """
                public static string Domain(string address)
                {
                    return address.Substring(address.IndexOf('@')).Trim(); // <- throws
                }
            """), Aoor, Message, Mail(Sibling + """
                public static string Domain(string address)
                {
                    var at = address.IndexOf('@');
                    return at < 0 ? string.Empty : address.Substring(at).Trim();
                }
            """));
    }

    [Fact]
    public void Apply_NothingTreatsNotFoundAsNormal_Declines()
    {
        RuleCheck.Declines(Rule, Mail("""
                public static string Domain(string address)
                {
                    return address.Substring(address.IndexOf('@')).Trim(); // <- throws
                }
            """), Aoor, Message, "not evident");
    }

    private static string Mail(string members) => $$"""
        //- src/Mail/Addresses.cs
        namespace Mail;

        public static class Addresses
        {
        {{members.TrimEnd()}}
        }
        """;
}
