namespace Heal.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => CommandLine.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}
