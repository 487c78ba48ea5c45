using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Delivery.Git;
using Heal.Delivery.GitHub;
using Heal.Testing;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Heal.Delivery.Tests.Security;

/// <summary>
/// Event text (and a model's root cause, which may quote it) in a pull request once split table cells at <c>|</c> and
/// rendered live mentions, images and links. Each construct goes through the whole delivery — a real push to a bare
/// remote and the pull request sent to the loopback GitHub double — and the body GitHub received is parsed with
/// Markdig (CommonMark with GitHub's pipe tables and autolinks) to check what it would render.
/// </summary>
public sealed partial class PullRequestMarkdownAttackTests
{
    private static readonly MarkdownPipeline s_github = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();

    public static TheoryData<string, string> Constructs => new()
    {
        { "table pipes", "a | b | c" },
        { "a new table row", "x\n| a | b |\n|---|---|\n| c | d |" },
        { "backticks inside code", "``` `x` `` y`" },
        { "heading", "# Approved\n## Merge now" },
        { "link", "[click here](https://evil.example/login)" },
        { "image", "![x](https://evil.example/pixel.png)" },
        { "mention", "@octocat please merge, cc @acme/admins" },
        { "issue references", "Fixes #1, closes acme/shop#2" },
        { "raw HTML", "<img src=x onerror=alert(1)><details open><summary>ok</summary>" },
        { "autolinks", "https://evil.example www.evil.example admin@evil.example" },
        { "entities", "&#64;octocat &lt;b&gt; &amp;" },
        { "emphasis and lists", "**bold** _x_ - item\n1. first\n> quote" },
        { "bidirectional override", "user\u202Egnp.exe\u2066 zero\u200Bwidth" },
    };

    [Theory]
    [MemberData(nameof(Constructs))]
    public async Task Deliver_HostileTextInEveryField_RendersAsTheTextItIs(string construct, string hostile)
    {
        var (body, commitMessage) = await DeliverAsync(hostile);

        var document = Markdig.Markdown.Parse(body, s_github);
        Assert.True(document.Descendants<LinkInline>().Count() == 0, $"{construct}: a link or image\n{body}");
        Assert.Empty(document.Descendants<AutolinkInline>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants<HtmlEntityInline>());
        Assert.Equal(["Production error", "Root cause", "The patch (null-guard, by rules/null-reference)", "Validation", "Confidence: 0.95", "How to reproduce"],
            document.Descendants<HeadingBlock>().Select(Text));
        Assert.Empty(document.Descendants<QuoteBlock>());
        Assert.DoesNotContain(document.Descendants<ListBlock>(), l => l.IsOrdered);
        foreach (var table in document.Descendants<Table>())
        {
            var columns = ((TableRow)table[0]).Count;
            Assert.All(table.OfType<TableRow>(), row => Assert.Equal(columns, row.Count));
        }

        Assert.Equal(2, document.Descendants<Table>().Count());

        // The text outside code spans holds nothing GitHub turns into a mention, a reference or a link.
        var prose = string.Concat(document.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        Assert.DoesNotMatch(GitHubTriggers(), prose);

        // The hostile text is shown, whole, as code: in the table's Message cell and in the root cause.
        var shown = VisibleOneLine(hostile);
        // GitHub removes the backslash of `\|` inside code in a table cell (GFM spec, tables, example 200); Markdig keeps it.
        var cells = document.Descendants<TableCell>().Select(c => Text(c).Replace("\\|", "|", StringComparison.Ordinal)).ToList();
        Assert.Contains(shown, cells);
        Assert.Contains(shown, document.Descendants<CodeInline>().Select(c => c.Content));
        Assert.DoesNotContain(body, c => c is '\u202E' or '\u2066' or '\u200B');
        Assert.DoesNotContain(commitMessage, c => c is '\u202E' or '\u2066' or '\u200B');
        Assert.DoesNotMatch(IssueReference(), commitMessage);
    }

    [Fact]
    public async Task Deliver_RootCauseWithCodeSpans_IdentifiersRenderAsCode()
    {
        var (body, _) = await DeliverAsync("x", rootCause: "`customer.Discount` is null; `a``b` and ``c`d`` too");

        var paragraph = Markdig.Markdown.Parse(body, s_github).Descendants<ParagraphBlock>().Single(p => Text(p).Contains("is null", StringComparison.Ordinal));
        Assert.Equal(["customer.Discount", "a``b", "c`d"], paragraph.Inline!.Descendants<CodeInline>().Select(c => c.Content));
        Assert.DoesNotContain("`", string.Concat(paragraph.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.Null\u202EReferenceException", "decimal Shop.Price\u2066Calculator.Dis\u200Bcounted(Customer c)")]
    [InlineData("System.NullReferenceException", "decimal Shop.PriceCalculator.Discounted(Customer c) # @octocat `x`")]
    public void BranchNaming_InvisibleOrMarkdownCharacters_OnlyLowercaseLettersDigitsAndDashes(string type, string function)
    {
        var branch = BranchNaming.For("3f9a2c1b7d6e5f40", type, function);

        Assert.Matches("^heal/[a-z0-9]+(-[a-z0-9]+)*$", branch);
    }

    private static async Task<(string Body, string CommitMessage)> DeliverAsync(string hostile, string? rootCause = null)
    {
        using var repository = GitRepository.Create(DeliveryFixture.Repository);
        using var remote = new TempDirectory("heal-origin");
        repository.Git("init", "-q", "--bare", remote.Path);
        repository.Git("remote", "add", "origin", remote.Path);
        repository.Git("push", "-q", "origin", "main");
        await using var github = await GitHubDouble.StartAsync();
        var credentials = GitCredentials.FromToken("ghp_test_token_0123", "test");
        var service = new DeliveryService(t => new GitHubCodeHost(t.Url, credentials), credentials);
        var errorEvent = DeliveryFixture.Event(hostile) with { Release = hostile, Environment = hostile };
        var diagnosis = DeliveryFixture.Diagnosis with
        {
            RootCause = rootCause ?? "`customer.Discount` is null: " + hostile,
            Evidence = [new Evidence("src/Shop/PriceCalculator.cs", 7, hostile, hostile)],
        };
        var report = DeliveryFixture.Report(repository.Git("rev-parse", "HEAD"));
        report = report with { Gates = report.Gates.SetItem(6, GateResult.Pass("tests", "12 passed; " + hostile)), Reasons = [new ConfidenceReason(0.1, hostile)] };
        var input = new DeliveryContentInput(errorEvent, DeliveryFixture.Group, new EventOrigin(hostile, false), diagnosis, report, DeliveryFixture.Patch);

        var result = await service.DeliverAsync(repository.Path, input,
            new DeliveryOptions(PushRemote: "origin", PullRequest: new PullRequestTarget(github.Url, "acme/shop")), null, CancellationToken.None);

        var body = github.Requests[0].Body!.Value.GetProperty("body").GetString()!;
        Assert.Equal(result.Body, body);
        return (body, repository.Git("log", "-1", "--format=%B", result.Branch));
    }

    /// <summary>What <c>Markdown.Code</c> shows: one line, invisible characters as <c>&lt;U+XXXX&gt;</c>.</summary>
    private static string VisibleOneLine(string text) =>
        Core.Text.VisibleText.Escape(text.ReplaceLineEndings(" ").Trim());

    private static string Text(Block block) => block switch
    {
        LeafBlock { Inline: { } inline } => string.Concat(inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline l => l.Content.ToString(),
            CodeInline c => c.Content,
            _ => string.Empty,
        })),
        ContainerBlock container => string.Concat(container.Select(Text)),
        _ => string.Empty,
    };

    [GeneratedRegex(@"@\w|#\d|://|www\.|&#")]
    private static partial Regex GitHubTriggers();

    [GeneratedRegex(@"#\d")]
    private static partial Regex IssueReference();
}
