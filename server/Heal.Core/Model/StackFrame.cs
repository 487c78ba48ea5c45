using System.Collections.Immutable;

namespace Heal.Core.Model;

/// <summary>One frame of a stack trace as an SDK or a pasted trace reported it. Every field may be missing.</summary>
/// <param name="File">The file name as reported (Sentry's <c>filename</c>): relative, bare, or absolute for Node.</param>
/// <param name="AbsolutePath">Sentry's <c>abs_path</c>: the path on the machine that built or ran the code.</param>
/// <param name="Function">The function as reported; for .NET often a signature (<c>int Worker.Helper(int a, int b)</c>).</param>
/// <param name="Module">Namespace, class or module (<c>module</c>).</param>
/// <param name="Package">Assembly or package (<c>package</c>).</param>
/// <param name="Line">One-based line, when known.</param>
/// <param name="Column">One-based column, when known.</param>
/// <param name="InApp">True for the application's own code, false for libraries, null when the SDK did not say.</param>
/// <param name="ContextLine">The source line of <see cref="Line"/> when the SDK sent it.</param>
/// <param name="PreContext">Lines before <see cref="ContextLine"/>, oldest first.</param>
/// <param name="PostContext">Lines after <see cref="ContextLine"/>.</param>
/// <param name="Vars">Local variables as strings (Python sends them).</param>
public sealed record StackFrame(
    string? File,
    string? AbsolutePath,
    string? Function,
    string? Module,
    string? Package,
    int? Line,
    int? Column,
    bool? InApp,
    string? ContextLine,
    ImmutableArray<string> PreContext,
    ImmutableArray<string> PostContext,
    ImmutableDictionary<string, string> Vars)
{
    /// <summary>The best path to link to source: <see cref="AbsolutePath"/> when present, else <see cref="File"/>.</summary>
    public string? Path => AbsolutePath ?? File;

    public static StackFrame Create(string? file = null, string? absolutePath = null, string? function = null, string? module = null, int? line = null, int? column = null, bool? inApp = null) =>
        new(file, absolutePath, function, module, null, line, column, inApp, null,
            ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableDictionary<string, string>.Empty);
}
