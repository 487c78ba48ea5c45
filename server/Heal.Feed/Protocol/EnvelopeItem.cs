namespace Heal.Feed.Protocol;

/// <summary>One item of an envelope that Heal keeps: its type and its payload bytes, exactly as sent.</summary>
/// <param name="Type">The item header's <c>type</c>, e.g. <c>event</c>.</param>
/// <param name="Offset">Byte offset of the payload inside the (decompressed) envelope, for error messages.</param>
/// <param name="Payload">The payload, a slice of the envelope buffer; never copied.</param>
public sealed record EnvelopeItem(string Type, int Offset, ReadOnlyMemory<byte> Payload);
