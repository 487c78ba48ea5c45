using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.Delivery.Tests;

/// <summary>A validated null-guard patch for a one-file repository, and the event and group it came from.</summary>
internal static class DeliveryFixture
{
    public const string Repository = """
        //- src/Shop/PriceCalculator.cs
        namespace Shop;

        public static class PriceCalculator
        {
            public static decimal Discounted(Customer customer, decimal price)
            {
                return price * (1 - customer.Discount.Rate);
            }
        }
        """;

    public const string Patch = """
        diff --git a/src/Shop/PriceCalculator.cs b/src/Shop/PriceCalculator.cs
        --- a/src/Shop/PriceCalculator.cs
        +++ b/src/Shop/PriceCalculator.cs
        @@ -5,5 +5,10 @@ public static class PriceCalculator
             public static decimal Discounted(Customer customer, decimal price)
             {
        +        if (customer.Discount == null)
        +        {
        +            return price;
        +        }
        +
                 return price * (1 - customer.Discount.Rate);
             }
         }
        """;

    public static ErrorEvent Event(string message = "Object reference not set to an instance of an object.") =>
        new("0123456789abcdef0123456789abcdef", new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), "csharp", "1.4.2", "production", "web-1", null, "error",
            [new ExceptionInfo("System.NullReferenceException", message, "System", new ExceptionMechanism("AppDomain.UnhandledException", false, null),
                [StackFrame.Create(file: "src/Shop/PriceCalculator.cs", absolutePath: "/home/runner/work/shop/shop/src/Shop/PriceCalculator.cs",
                    function: "decimal Shop.PriceCalculator.Discounted(Customer customer, decimal price)", line: 7, inApp: true)])],
            null, null, ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty, ImmutableArray<string>.Empty, null);

    public static ErrorGroup Group { get; } = new("3f9a2c1b7d6e5f40", new string('a', 64), "System.NullReferenceException",
        "Object reference not set to an instance of an object.", 37, new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), "1.4.2", GroupStatus.Open, null, "0123456789abcdef0123456789abcdef");

    public static Diagnosis Diagnosis { get; } = Core.Model.Diagnosis.Diagnosed("rules/null-reference",
        "`customer.Discount` is null for customers without a discount; `Discounted` dereferences it without the check `Describe` does.",
        Patch, ["src/Shop/PriceCalculator.cs"], "null-guard", 0.86, [new ConfidenceReason(0.2, "sibling method guards the same member")],
        [new Evidence("src/Shop/PriceCalculator.cs", 7, "return price * (1 - customer.Discount.Rate);", "throwing frame")]);

    public static ValidationReport Report(string baseCommit, bool passed = true, double confidence = 0.95) =>
        new(passed, [
            GateResult.Pass("scope", "only stack-trace files: src/Shop/PriceCalculator.cs"),
            GateResult.Pass("size", "5 changed lines (limit 30)"),
            GateResult.Pass("dependencies", "no new package, project or assembly reference"),
            GateResult.Pass("applies", "applies cleanly with git apply"),
            GateResult.Pass("syntax", "1 C# file parses without errors"),
            GateResult.Pass("build", "Shop built"),
            passed ? GateResult.Pass("tests", "12 passed in 1 affected test project") : GateResult.Fail("tests", "1 of 12 failed"),
            GateResult.Pass("reproduction", "DiscountedRegressionTests fails without the fix and passes with it"),
        ], confidence, [new ConfidenceReason(0.86, "rules/null-reference proposed it")], baseCommit, null, null, ImmutableDictionary<string, double>.Empty);
}
