using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>Documentation that calls a missing entry an error outweighs a sibling's default.</summary>
public sealed class KeyNotFoundDocumentedErrorTests
{
    [Fact]
    public void Apply_TypeDocumentsMissingEntryAsError_DeclinesDespiteSiblingDefault()
    {
        RuleCheck.Declines(new KeyNotFoundRule(), """
            //- src/Customs/Tariffs.cs
            using System.Collections.Generic;

            namespace Customs;

            /// <summary>Duty rates by commodity code. A missing code is an error in the tariff file and must stop the declaration.</summary>
            public sealed class Tariffs
            {
                public const string DefaultChapter = "99";
                public const decimal DefaultDuty = 0m;

                private readonly Dictionary<string, string> _chapters = new();
                private readonly Dictionary<string, decimal> _duties = new();

                public string ChapterFor(string code) =>
                    _chapters.TryGetValue(code, out var chapter) ? chapter : DefaultChapter;

                public decimal DutyFor(string code) =>
                    _duties[code]; // <- throws
            }
            """, "System.Collections.Generic.KeyNotFoundException", "The given key '0101' was not present in the dictionary.", "documentation");
    }
}
