using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.Validation;

/// <summary>A patch to prove against a repository.</summary>
/// <param name="RepositoryRoot">The user's repository. Read-only: validation works in a worktree of it.</param>
/// <param name="Patch">A unified diff in git format, paths relative to the repository root.</param>
/// <param name="Diagnosis">The diagnosis that proposed the patch (its confidence and reasons are combined with the gates').</param>
/// <param name="AllowedFiles">Repository-relative files of the error's linked in-app frames: the strict scope.</param>
/// <param name="Release">The event's release. Untrusted: it picks the base instead of HEAD only when it is a tag or a full commit id in the history of HEAD or of origin's default branch (see <see cref="Git.TrustedBase"/>).</param>
/// <param name="RegressionTest">Optional unified diff adding a test that reproduces the crash; it must fail before the patch and pass after.</param>
/// <param name="CrashExceptionType">The crash's exception type (untrusted; only compared with test output): without the fix the regression test must fail with it.</param>
/// <param name="Untrusted">No person and no deterministic rule wrote the patch (a model did): it is built and tested only in the sandbox, or not at all unless <see cref="ValidationPolicy.AllowUnsandboxed"/>.</param>
public sealed record ValidationRequest(
    string RepositoryRoot,
    string Patch,
    Diagnosis Diagnosis,
    ImmutableArray<string> AllowedFiles,
    string? Release,
    ValidationPolicy Policy,
    string? RegressionTest = null,
    string? CrashExceptionType = null,
    bool Untrusted = false);
