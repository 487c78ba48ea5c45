using Heal.Core.Model;

namespace Heal.Feed.Sources;

/// <summary>What one read of a followed file found.</summary>
/// <param name="Lines">Complete lines, in file order.</param>
/// <param name="Problems">Lines that could not be taken (too long), with their line numbers.</param>
/// <param name="Restarted">True when the file was truncated or replaced since the last read, so reading restarted at its start.</param>
/// <param name="More">True when the read stopped at its byte budget and more complete lines may be waiting.</param>
internal sealed record FileFollowBatch(IReadOnlyList<JsonLine> Lines, IReadOnlyList<ParseProblem> Problems, bool Restarted, bool More);
