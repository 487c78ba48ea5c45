using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>A throwing parse takes the whole failure path of a sibling parse that already fails gracefully.</summary>
public sealed class FailedParsePathTests
{
    private const string Format = "System.FormatException";
    private const string Message = "The input string 'ten' was not in a correct format.";
    private static readonly FormatRule Rule = new();

    [Fact]
    public void Apply_SiblingTryParseRecordsError_CopiesErrorRenamedToThisInput()
    {
        RuleCheck.Fixes(Rule, Loader("""
                        if (!double.TryParse(cells[1], out var weight))
                        {
                            problems.Add($"row {row}: weight '{cells[1]}' is invalid");
                            continue;
                        }

                        var count = int.Parse(cells[2]); // <- throws
            """), Format, Message, Loader("""
                        if (!double.TryParse(cells[1], out var weight))
                        {
                            problems.Add($"row {row}: weight '{cells[1]}' is invalid");
                            continue;
                        }

                        if (!int.TryParse(cells[2], out var count))
                        {
                            problems.Add($"row {row}: weight '{cells[2]}' is invalid");
                            continue;
                        }
            """));
    }

    [Fact]
    public void Apply_SiblingErrorUsesItsParsedValue_Declines()
    {
        RuleCheck.Declines(Rule, Loader("""
                        if (!double.TryParse(cells[1], out var weight))
                        {
                            problems.Add($"row {row}: weight {weight} is invalid");
                            continue;
                        }

                        var count = int.Parse(cells[2]); // <- throws
            """), Format, Message, "cannot be adapted");
    }

    [Fact]
    public void Apply_MethodRecordsOtherErrorsButNoParseFailure_DeclinesInsteadOfSkippingSilently()
    {
        RuleCheck.Declines(Rule, Loader("""
                        if (cells.Length < 3)
                        {
                            problems.Add($"row {row}: too few cells");
                            continue;
                        }

                        var weight = 0.0;
                        var count = int.Parse(cells[2]); // <- throws
            """), Format, Message, "cannot be adapted");
    }

    [Fact]
    public void Apply_BareGuardAboutSameInputBesideRecordingGuard_UsesTheGuardAboutTheInput()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Freight/Codes.cs
            using System.Collections.Generic;

            namespace Freight;

            public static class Codes
            {
                public static int? Zone(string code, List<string> problems)
                {
                    if (code == null)
                    {
                        return null;
                    }

                    if (problems.Count > 10)
                    {
                        problems.Add("too many problems");
                        return null;
                    }

                    var zone = int.Parse(code); // <- throws
                    return zone;
                }
            }
            """, Format, Message, """
            //- src/Freight/Codes.cs
            using System.Collections.Generic;

            namespace Freight;

            public static class Codes
            {
                public static int? Zone(string code, List<string> problems)
                {
                    if (code == null)
                    {
                        return null;
                    }

                    if (problems.Count > 10)
                    {
                        problems.Add("too many problems");
                        return null;
                    }

                    if (!int.TryParse(code, out var zone))
                    {
                        return null;
                    }
                    return zone;
                }
            }
            """);
    }

    private static string Loader(string body) => $$"""
        //- src/Freight/ManifestLoader.cs
        using System.Collections.Generic;

        namespace Freight;

        public static class ManifestLoader
        {
            public static List<(double Weight, int Count)> Load(string[] rows, List<string> problems)
            {
                var parcels = new List<(double, int)>();
                for (var row = 0; row < rows.Length; row++)
                {
                    if (rows[row].Length == 0)
                    {
                        continue;
                    }

                    var cells = rows[row].Split(';');
        {{body.TrimEnd()}}
                    parcels.Add((weight, count));
                }

                return parcels;
            }
        }
        """;
}
