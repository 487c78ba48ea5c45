using Heal.Core.Model;
using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>Adds to a fixture's crash what a real event carries beyond the in-app frames: library frames, contexts.</summary>
public static class SiteEvent
{
    /// <summary>The library frame the throwing in-app frame called (e.g. <c>DateOnly DateOnly.ParseExact(string s, …)</c>).</summary>
    public static Func<CrashSite, CrashSite> CalledLibrary(string function) => site =>
    {
        var frame = StackFrame.Create(function: function, inApp: false);
        var exception = site.Exception with { Frames = site.Exception.Frames.Add(frame) };
        return site with { Exception = exception, Event = site.Event with { Exceptions = [exception] } };
    };

    /// <summary>The SDK's "Current Culture" context, as the Sentry .NET SDK sends it.</summary>
    public static Func<CrashSite, CrashSite> Culture(string name) => site =>
        site with
        {
            Event = site.Event with
            {
                Contexts = site.Event.Contexts.SetItem("Current Culture", $$"""{"name":"{{name}}","display_name":"{{name}}","calendar":"GregorianCalendar"}"""),
            },
        };

    public static Func<CrashSite, CrashSite> Then(this Func<CrashSite, CrashSite> first, Func<CrashSite, CrashSite> second) => site => second(first(site));
}
