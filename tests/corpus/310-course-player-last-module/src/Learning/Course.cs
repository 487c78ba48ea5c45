namespace Learning;

public sealed record Module(string Id, string Title, int Minutes);

public sealed record Course(string Code, string Title, IReadOnlyList<Module> Modules);
