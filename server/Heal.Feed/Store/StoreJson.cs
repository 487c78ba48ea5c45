using System.Text.Json.Serialization;

namespace Heal.Feed.Store;

/// <summary>Source-generated JSON for the little JSON the store writes itself (the problems column).</summary>
[JsonSerializable(typeof(string[]), TypeInfoPropertyName = "StringArray")]
internal sealed partial class StoreJson : JsonSerializerContext;
