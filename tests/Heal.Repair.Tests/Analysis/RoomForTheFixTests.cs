using Heal.Repair.Analysis;
using Heal.Repair.Tests.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Tests.Analysis;

/// <summary>
/// The behaviour-keeping rewrites that make room for a fix: where they must refuse (an expression tree, a loop header, a
/// value the statement declares, a target-typed value, a call with effects before the value) and what they write.
/// </summary>
public sealed class RoomForTheFixTests
{
    private const string Fixture = """
        //- src/Bakery/Ovens.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Linq.Expressions;

        namespace Bakery;

        public sealed record Tray(int? Loaves, int Slots);

        public sealed class Ovens
        {
            private int _fired;

            public Expression<Func<Tray, int>> Loaded = t => t.Loaves.Value; // <- throws

            public int Heat(int degrees, List<Tray> trays)
            {
                while (degrees / Fire() > 3)
                {
                    degrees--;
                }

                Split(out var spare, degrees / (spare - 1));
                var perTray = degrees / trays.Count(t => t.Slots > 0);
                return Fire() + degrees / trays.Count;
            }

            private int Fire() => ++_fired;

            private static void Split(out int spare, int share) => spare = share;
        }
        """;

    private static (SyntaxNode Root, SemanticModel Model) Site()
    {
        var site = RuleFixture.Build(Fixture, "System.InvalidOperationException", "Nullable object must have a value.");
        return (site.Throwing.Root, site.Throwing.SemanticModel);
    }

    private static T Find<T>(SyntaxNode root, string text) where T : SyntaxNode =>
        root.DescendantNodes().OfType<T>().First(n => n.ToString() == text);

    [Fact]
    public void BodyBlock_ExpressionTreeLambda_Declines()
    {
        var (root, model) = Site();
        Assert.Null(BodyBlock.Around(root, Find<MemberAccessExpressionSyntax>(root, "t.Loaves.Value"), model, out var why));
        Assert.Contains("expression tree", why, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalHoist_LoopHeader_Declines()
    {
        var (root, model) = Site();
        Assert.Null(LocalHoist.Of(root, Find<InvocationExpressionSyntax>(root, "Fire()"), model, "divisor", out _));
    }

    [Fact]
    public void LocalHoist_ValueReadsALocalTheStatementDeclares_Declines()
    {
        var (root, model) = Site();
        Assert.Null(LocalHoist.Of(root, Find<BinaryExpressionSyntax>(root, "spare - 1"), model, "divisor", out _));
    }

    [Fact]
    public void LocalHoist_CallWithEffectsEvaluatedBefore_Declines()
    {
        var (root, model) = Site();
        var count = root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Last(n => n.ToString() == "trays.Count");
        Assert.Null(LocalHoist.Of(root, count, model, "divisor", out var why));
        Assert.Contains("evaluates first", why, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalHoist_AfterOnlyAParameter_DeclaresTheLocalBeforeTheStatement()
    {
        var (root, model) = Site();
        var rewrite = LocalHoist.Of(root, Find<InvocationExpressionSyntax>(root, "trays.Count(t => t.Slots > 0)"), model, "divisor", out _);
        Assert.NotNull(rewrite);
        var text = rewrite!.Root.ToFullString();
        Assert.Contains("        var divisor = trays.Count(t => t.Slots > 0);\n        var perTray = degrees / divisor;\n", text, StringComparison.Ordinal);
        Assert.Equal("divisor", rewrite.Marked!.ToString());
    }
}
