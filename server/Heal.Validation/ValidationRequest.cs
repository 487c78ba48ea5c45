using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.Validation;

/// <summary>A patch to prove against a repository.</summary>
/// <param name="RepositoryRoot">The user's repository. Read-only: validation works in a worktree of it.</param>
/// <param name="Patch">A unified diff in git format, paths relative to the repository root.</param>
/// <param name="Diagnosis">The diagnosis that proposed the patch (its confidence and reasons are combined with the gates').</param>
/// <param name="AllowedFiles">Repository-relative files of the error's linked in-app frames: the strict scope.</param>
/// <param name="Release">The event's release; when it names a commit of the repository, validation checks that commit out instead of HEAD. Untrusted.</param>
/// <param name="RegressionTest">Optional unified diff adding a test that reproduces the crash; it must fail before the patch and pass after.</param>
/// <param name="CrashExceptionType">The crash's exception type (untrusted; only compared with test output): without the fix the regression test must fail with it.</param>
public sealed record ValidationRequest(
    string RepositoryRoot,
    string Patch,
    Diagnosis Diagnosis,
    ImmutableArray<string> AllowedFiles,
    string? Release,
    ValidationPolicy Policy,
    string? RegressionTest = null,
    string? CrashExceptionType = null);
