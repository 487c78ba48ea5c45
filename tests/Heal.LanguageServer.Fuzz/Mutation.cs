namespace Heal.LanguageServer.Fuzz;

/// <summary>
/// One mutated piece of input: the bytes to write, how many more bytes its header promised than it carries (the fuzzer
/// sends that many filler bytes after it, as a client that lied would have to), and the names of the mutations applied.
/// </summary>
public sealed record Mutation(byte[] Wire, long Owed, string Name);
