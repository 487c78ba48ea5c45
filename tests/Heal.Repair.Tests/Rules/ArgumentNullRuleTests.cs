using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class ArgumentNullRuleTests
{
    private const string Ane = "System.ArgumentNullException";
    private static readonly ArgumentNullRule Rule = new();

    private static string Message(string parameter) => $"Value cannot be null. (Parameter '{parameter}')";

    [Fact]
    public void Apply_SameMemberHasSiblingFallback_AppliesSameFallbackToArgument()
    {
        var result = RuleCheck.Fixes(Rule, """
            //- src/Blog/PostView.cs
            using System.Collections.Generic;

            namespace Blog;

            public sealed class PostView
            {
                public int TagCount(Post post) => (post.Tags ?? []).Count;

                public string TagLine(Post post)
                {
                    return string.Join(", ", post.Tags); // <- throws
                }
            }

            public sealed class Post
            {
                public List<string> Tags { get; set; }
            }
            """, Ane, Message("values"), """
            //- src/Blog/PostView.cs
            using System.Collections.Generic;

            namespace Blog;

            public sealed class PostView
            {
                public int TagCount(Post post) => (post.Tags ?? []).Count;

                public string TagLine(Post post)
                {
                    return string.Join(", ", post.Tags ?? []);
                }
            }

            public sealed class Post
            {
                public List<string> Tags { get; set; }
            }
            """);
        Assert.Equal("null-fallback", result.FixKind);
        Assert.Contains("`post.Tags` is null", result.RootCause);
    }

    [Fact]
    public void Apply_ExtensionReceiverFromGetValueOrDefault_UsesFilesEmptyCollectionIdiom()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Orders/Totals.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Orders;

            public sealed class Totals
            {
                private readonly Dictionary<int, List<Line>> _lines = new();

                public int Count(Order order)
                {
                    var notes = order.Notes ?? [];
                    return notes.Count;
                }

                public decimal Total(int orderId)
                {
                    var lines = _lines.GetValueOrDefault(orderId);
                    return lines.Sum(l => l.Price * l.Quantity); // <- throws
                }
            }

            public sealed class Order { public List<string> Notes { get; set; } }
            public sealed class Line { public decimal Price { get; set; } public int Quantity { get; set; } }
            """, Ane, Message("source"), """
            //- src/Orders/Totals.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Orders;

            public sealed class Totals
            {
                private readonly Dictionary<int, List<Line>> _lines = new();

                public int Count(Order order)
                {
                    var notes = order.Notes ?? [];
                    return notes.Count;
                }

                public decimal Total(int orderId)
                {
                    var lines = _lines.GetValueOrDefault(orderId);
                    return (lines ?? []).Sum(l => l.Price * l.Quantity);
                }
            }

            public sealed class Order { public List<string> Notes { get; set; } }
            public sealed class Line { public decimal Price { get; set; } public int Quantity { get; set; } }
            """);
    }

    [Fact]
    public void Apply_NullableSettingPassedToPathCombine_GuardsLikeMethodsOwnOneLineGuard()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Host/Paths.cs
            #nullable enable
            using System.IO;

            namespace Host;

            public sealed class Paths
            {
                public string? LogDirectory(Settings? settings)
                {
                    if (settings == null) return null;
                    return Path.Combine(settings.Root, "logs"); // <- throws
                }
            }

            public sealed class Settings
            {
                public string? Root { get; set; }
            }
            """, Ane, Message("path1"), """
            //- src/Host/Paths.cs
            #nullable enable
            using System.IO;

            namespace Host;

            public sealed class Paths
            {
                public string? LogDirectory(Settings? settings)
                {
                    if (settings == null) return null;
                    if (settings.Root == null) return null;
                    return Path.Combine(settings.Root, "logs");
                }
            }

            public sealed class Settings
            {
                public string? Root { get; set; }
            }
            """);
    }

    [Fact]
    public void Apply_CallerPassesGetValueOrDefaultResultWithoutPrecedent_DeclinesInsteadOfSkipping()
    {
        // Skipping the audit record is a guess: nothing in the caller says a login without roles goes unrecorded.
        RuleCheck.Declines(Rule, """
            //- src/Audit/AuditLog.cs
            using System.Collections.Generic;

            namespace Audit;

            public sealed class AuditLog
            {
                private readonly List<string> _entries = new();

                public void Record(string user, IEnumerable<string> roles)
                {
                    _entries.Add(user + ": " + string.Join("|", roles)); // <- throws
                }
            }
            //- src/Audit/LoginHandler.cs
            using System.Collections.Generic;

            namespace Audit;

            public sealed class LoginHandler
            {
                private readonly Dictionary<string, List<string>> _roles = new();
                private readonly AuditLog _log = new();

                public void OnLogin(string user)
                {
                    var roles = _roles.GetValueOrDefault(user);
                    _log.Record(user, roles); // <- caller 1
                }
            }
            """, Ane, Message("values"), "nothing there says what it should do");
    }

    [Fact]
    public void Apply_NullableSequenceWithFilesEnumerableEmptyIdiom_FallsBackToEmptySequence()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Auth/Access.cs
            #nullable enable
            using System.Collections.Generic;
            using System.Linq;

            namespace Auth;

            public sealed class Access
            {
                public int AliasCount(User user) => (user.Aliases ?? Enumerable.Empty<string>()).Count();

                public bool IsIn(User user, string role)
                {
                    return user.Roles.Contains(role); // <- throws
                }
            }

            public sealed class User
            {
                public IEnumerable<string>? Aliases { get; set; }
                public IEnumerable<string>? Roles { get; set; }
            }
            """, Ane, Message("source"), """
            //- src/Auth/Access.cs
            #nullable enable
            using System.Collections.Generic;
            using System.Linq;

            namespace Auth;

            public sealed class Access
            {
                public int AliasCount(User user) => (user.Aliases ?? Enumerable.Empty<string>()).Count();

                public bool IsIn(User user, string role)
                {
                    return (user.Roles ?? Enumerable.Empty<string>()).Contains(role);
                }
            }

            public sealed class User
            {
                public IEnumerable<string>? Aliases { get; set; }
                public IEnumerable<string>? Roles { get; set; }
            }
            """);
    }

    [Fact]
    public void Apply_TwoSourcesFromOrDefault_DeclinesAsAmbiguous()
    {
        RuleCheck.Declines(Rule, """
            //- src/Orders/Ids.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Orders;

            public sealed class Ids
            {
                private readonly Dictionary<int, List<int>> _open = new();
                private readonly Dictionary<int, List<int>> _closed = new();

                public List<int> All(int customer)
                {
                    var open = _open.GetValueOrDefault(customer);
                    var closed = _closed.GetValueOrDefault(customer);
                    return open.Select(i => i).Concat(closed.Select(i => -i)).ToList(); // <- throws
                }
            }
            """, Ane, Message("source"), "ambiguous");
    }

    [Fact]
    public void Apply_ParameterFromOutsideLinkedFrames_DeclinesAsExternalInput()
    {
        RuleCheck.Declines(Rule, """
            //- src/Api/Csv.cs
            using System.Collections.Generic;

            namespace Api;

            public static class Csv
            {
                public static string Row(IEnumerable<string> cells) => string.Join(";", cells); // <- throws
            }
            """, Ane, Message("values"), "outside the linked frames");
    }

    [Fact]
    public void Apply_ArgumentComputedOnTheLine_Declines()
    {
        RuleCheck.Declines(Rule, """
            //- src/Files/Store.cs
            using System.IO;

            namespace Files;

            public sealed class Store
            {
                private string _root;

                public string Folder(bool archived) => archived ? null : _root;

                public string PathOf(string name, bool archived)
                {
                    return Path.Combine(Folder(archived), name); // <- throws
                }
            }
            """, Ane, Message("path1"), "computed on the line");
    }

    [Fact]
    public void Apply_OrDefaultLocalInValueMethodWithoutConvention_Declines()
    {
        RuleCheck.Declines(Rule, """
            //- src/Files/Exporter.cs
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            namespace Files;

            public sealed class Exporter
            {
                private readonly List<string> _folders = new();

                public int Export(string prefix, string name)
                {
                    var folder = _folders.FirstOrDefault(f => f.StartsWith(prefix));
                    File.WriteAllText(Path.Combine(folder, name), "");
                    return 1; // <- throws
                }
            }
            """, Ane, Message("path1"), "no library call");
    }

    [Fact]
    public void Apply_OrDefaultLocalInValueMethodWithoutConventionOnThrowingLine_DeclinesAsUninferable()
    {
        RuleCheck.Declines(Rule, """
            //- src/Files/Exporter.cs
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            namespace Files;

            public sealed class Exporter
            {
                private readonly List<string> _folders = new();

                public int Export(string prefix, string name)
                {
                    var folder = _folders.FirstOrDefault(f => f.StartsWith(prefix));
                    File.WriteAllText(Path.Combine(folder, name), ""); // <- throws
                    return 1;
                }
            }
            """, Ane, Message("path1"), "cannot be inferred");
    }

    [Fact]
    public void Matches_MessageWithoutParameterName_DoesNotMatch()
    {
        var site = RuleFixture.Build("""
            //- src/A.cs
            public static class A
            {
                public static string B(string[] x) => string.Join(",", x); // <- throws
            }
            """, Ane, "Value cannot be null.");
        Assert.False(Rule.Matches(site));
    }
}
