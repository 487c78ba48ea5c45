namespace Heal.VisualStudio.Packaging;

/// <summary>
/// What goes into the VSIX: the manifest, the extension's assemblies (the first is the one with the package and the
/// MEF exports), the folders they reference for MetadataLoadContext, and the server folder (bundled under <c>server/</c>).
/// </summary>
public sealed record VsixInputs(string Manifest, IReadOnlyList<string> Assemblies, IReadOnlyList<string> ReferencePaths, string ServerDirectory, string Output);
