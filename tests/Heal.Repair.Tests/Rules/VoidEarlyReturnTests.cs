using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>An early return from a void method only when the type already leaves early for missing values.</summary>
public sealed class VoidEarlyReturnTests
{
    private const string Nre = "System.NullReferenceException";
    private const string Message = "Object reference not set to an instance of an object.";
    private static readonly NullReferenceRule Rule = new();

    [Fact]
    public void Apply_VoidMethodNoSiblingLeavesEarly_Declines()
    {
        RuleCheck.Declines(Rule, Garage(""), Nre, Message, "cannot be inferred");
    }

    [Fact]
    public void Apply_VoidMethodSiblingLeavesEarlyForAnotherValue_ReturnsEarly()
    {
        var sibling = """
                public void Wash(string plate)
                {
                    var bay = _bays.FirstOrDefault(b => b.Free);
                    if (bay == null)
                    {
                        return;
                    }

                    bay.Start(plate);
                }

            """;
        RuleCheck.Fixes(Rule, Garage(sibling), Nre, Message, Garage(sibling).Replace(
            "        var car = _cars.FirstOrDefault(c => c.Plate == plate);\n        car.Park(); // <- throws",
            "        var car = _cars.FirstOrDefault(c => c.Plate == plate);\n        if (car == null)\n        {\n            return;\n        }\n\n        car.Park();",
            StringComparison.Ordinal));
    }

    private static string Garage(string sibling) => $$"""
        //- src/Cars/Garage.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Cars;

        public sealed class Garage
        {
            private readonly List<Car> _cars = new();
            private readonly List<Bay> _bays = new();

        {{sibling}}    public void Park(string plate)
            {
                var car = _cars.FirstOrDefault(c => c.Plate == plate);
                car.Park(); // <- throws
            }
        }

        public sealed class Car
        {
            public string Plate { get; set; } = "";
            public void Park() { }
        }

        public sealed class Bay
        {
            public bool Free { get; set; }
            public void Start(string plate) { }
        }
        """;
}
