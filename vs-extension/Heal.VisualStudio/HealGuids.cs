namespace Heal.VisualStudio;

/// <summary>The extension's GUIDs, named once: the package, its tool windows and its options page (heal.pkgdef repeats them).</summary>
public static class HealGuids
{
    public const string Package = "6f3f6a2e-6d3c-4a57-9c1f-5b1e7c8a9d01";

    public const string ProductionErrorsToolWindow = "b2d7c1e4-3a5f-4e8b-8c9d-0e1f2a3b4c5d";

    public const string PatchReviewToolWindow = "c3e8d2f5-4b6a-4f9c-9d0e-1f2a3b4c5d6e";

    public const string OptionsPage = "d4f9e3a6-5c7b-4a0d-8e1f-2a3b4c5d6e7f";
}
