using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>Unboxing a number stored as <c>object</c> with the wrong exact type: converted the way sibling reads convert.</summary>
public sealed class UnboxingTests
{
    private const string Cast = "System.InvalidCastException";
    private static readonly InvalidCastRule Rule = new();

    [Fact]
    public void Apply_SiblingConvertsSameSource_ConvertsWithSiblingArguments()
    {
        RuleCheck.Fixes(Rule, Options("public long Timeout => (long)_bag[\"timeout\"]; // <- throws"),
            Cast, "Unable to cast object of type 'System.Int32' to type 'System.Int64'.",
            Options("public long Timeout => Convert.ToInt64(_bag[\"timeout\"], CultureInfo.InvariantCulture);"));
    }

    [Fact]
    public void Apply_MessageNamesNoNumberAndNoSiblingConverts_Declines()
    {
        RuleCheck.Declines(Rule, """
            //- src/Jobs/Options.cs
            using System.Collections.Generic;

            namespace Jobs;

            public sealed class Options
            {
                private readonly Dictionary<string, object> _bag = new();

                public long Timeout => (long)_bag["timeout"]; // <- throws
            }
            """, Cast, "Unable to cast object of type 'System.String' to type 'System.Int64'.", "");
    }

    private static string Options(string member) => $$"""
        //- src/Jobs/Options.cs
        using System;
        using System.Collections.Generic;
        using System.Globalization;

        namespace Jobs;

        public sealed class Options
        {
            private readonly Dictionary<string, object> _bag = new();

            public int Retries => Convert.ToInt32(_bag["retries"], CultureInfo.InvariantCulture);

            {{member}}
        }
        """;
}
