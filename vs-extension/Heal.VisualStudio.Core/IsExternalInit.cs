namespace System.Runtime.CompilerServices;

/// <summary>Lets <c>init</c> accessors and records compile for netstandard2.0, which lacks this marker type.</summary>
internal static class IsExternalInit
{
}
