using Heal.VisualStudio.Packaging;

// heal-vsix pack --manifest M --assembly A... --references FILE --server DIR --out heal.vsix
// heal-vsix verify VSIX [--require PATH]... [--target "ID VERSION"]...
// heal-vsix r2r ASSEMBLY
// Exit 0 on success, 1 when the VSIX has problems (each printed), 2 for usage errors.
try
{
    return args switch
    {
        ["pack", .. var rest] => Pack(Options.Parse(rest)),
        ["verify", var vsix, .. var rest] => Verify(vsix, Options.Parse(rest)),
        ["r2r", var assembly] => Describe(assembly),
        _ => Usage("expected 'pack' or 'verify VSIX'"),
    };
}
catch (ArgumentException e)
{
    return Usage(e.Message);
}

static int Pack(Options options)
{
    var references = File.ReadAllLines(options.Single("references")).Where(l => l.Length > 0).ToList();
    var inputs = new VsixInputs(options.Single("manifest"), options.All("assembly"), references, options.Single("server"), options.Single("out"));
    VsixPackager.Pack(inputs);
    Console.WriteLine($"packed {inputs.Output} ({new FileInfo(inputs.Output).Length / 1024 / 1024.0:0.0} MiB)");
    return 0;
}

static int Verify(string vsix, Options options)
{
    var schemas = Path.Combine(AppContext.BaseDirectory, "schemas");
    var problems = VsixVerifier.Verify(vsix, schemas, options.All("require"), options.All("target"));
    foreach (var problem in problems)
    {
        Console.Error.WriteLine("heal-vsix: " + problem);
    }

    Console.WriteLine(problems.Count == 0 ? $"verified {vsix}" : $"{vsix}: {problems.Count} problem(s)");
    return problems.Count == 0 ? 0 : 1;
}

// Prints what the assembly was compiled for; exit 1 unless it is ReadyToRun for Windows x64 (what the VSIX bundles).
static int Describe(string assembly)
{
    var description = ReadyToRun.Describe(assembly);
    Console.WriteLine(description);
    return description == "ReadyToRun for windows-x64" ? 0 : 1;
}

static int Usage(string problem)
{
    Console.Error.WriteLine($"heal-vsix: {problem}");
    Console.Error.WriteLine("usage: heal-vsix pack --manifest M --assembly A [--assembly B] --references FILE --server DIR --out VSIX");
    Console.Error.WriteLine("       heal-vsix verify VSIX [--require PATH]... [--target \"ID VERSION\"]...");
    Console.Error.WriteLine("       heal-vsix r2r ASSEMBLY");
    return 2;
}
