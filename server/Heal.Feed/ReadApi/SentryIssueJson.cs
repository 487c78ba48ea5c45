using System.Globalization;
using System.Text.Json;
using Heal.Core.Model;

namespace Heal.Feed.ReadApi;

/// <summary>
/// A group written as an issue of Sentry's <c>GET /api/0/projects/{org}/{project}/issues/</c>: the fields Sentry documents
/// for the list, with the group's id (16 hex digits, a string as in Sentry) as the issue id.
/// </summary>
public static class SentryIssueJson
{
    public static void Write(Utf8JsonWriter w, ErrorGroup group, string project)
    {
        var (status, substatus) = Status(group.Status);
        var frame = group.TopFrame;
        w.WriteStartObject();
        w.WriteString("id", group.Id);
        w.WriteString("shortId", "HEAL-" + group.Id.ToUpperInvariant());
        w.WriteString("title", group.Message is { Length: > 0 } message ? $"{ShortType(group.Type)}: {message}" : group.Type);
        w.WriteString("culprit", frame?.Function ?? frame?.File ?? "");
        w.WriteNull("permalink");
        w.WriteNull("logger");
        w.WriteString("level", "error");
        w.WriteString("status", status);
        w.WriteString("substatus", substatus);
        w.WriteStartObject("statusDetails");
        w.WriteEndObject();
        w.WriteBoolean("isPublic", false);
        w.WriteString("platform", "csharp");
        w.WriteStartObject("project");
        w.WriteString("id", project);
        w.WriteString("name", project);
        w.WriteString("slug", project);
        w.WriteEndObject();
        w.WriteString("type", "error");
        w.WriteStartObject("metadata");
        w.WriteString("type", group.Type);
        w.WriteString("value", group.Message);
        if (frame is not null)
        {
            w.WriteString("filename", frame.File ?? frame.AbsolutePath);
            w.WriteString("function", frame.Function);
        }

        w.WriteEndObject();
        w.WriteNumber("numComments", 0);
        w.WriteNull("assignedTo");
        w.WriteBoolean("isBookmarked", false);
        w.WriteBoolean("isSubscribed", false);
        w.WriteBoolean("hasSeen", false);
        w.WriteStartArray("annotations");
        w.WriteEndArray();
        // Sentry sends the count as a string (it may exceed what JavaScript numbers hold).
        w.WriteString("count", group.Count.ToString(CultureInfo.InvariantCulture));
        w.WriteNumber("userCount", 0);
        w.WriteString("firstSeen", Iso(group.FirstSeen));
        w.WriteString("lastSeen", Iso(group.LastSeen));
        if (group.LastRelease is { } release)
        {
            w.WriteStartObject("lastRelease");
            w.WriteString("version", release);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("lastRelease");
        }

        w.WriteEndObject();
    }

    /// <summary>Heal's statuses in Sentry's words: open and regressed are unresolved (substatus ongoing or regressed), muted is ignored.</summary>
    public static (string Status, string? Substatus) Status(GroupStatus status) => status switch
    {
        GroupStatus.Regressed => ("unresolved", "regressed"),
        GroupStatus.Resolved => ("resolved", null),
        GroupStatus.Muted => ("ignored", "archived_forever"),
        _ => ("unresolved", "ongoing"),
    };

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string ShortType(string type) => type.LastIndexOf('.') is var dot and >= 0 ? type[(dot + 1)..] : type;
}
