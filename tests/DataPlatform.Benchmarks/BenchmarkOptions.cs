namespace DataPlatform.Benchmarks;

/// <summary>Options shared by all benchmarks.</summary>
internal sealed record BenchmarkOptions(bool Quick)
{
    public static BenchmarkOptions Parse(IEnumerable<string> args)
    {
        var quick = false;
        foreach (var arg in args)
        {
            if (arg == "--quick")
            {
                quick = true;
            }
            else
            {
                throw new ArgumentException($"Unknown option '{arg}'. Options: --quick");
            }
        }

        return new BenchmarkOptions(quick);
    }

    public static int Usage(string name)
    {
        Console.Error.WriteLine(string.IsNullOrEmpty(name) ? "No benchmark given." : $"Unknown benchmark '{name}'.");
        Console.Error.WriteLine("Usage: DataPlatform.Benchmarks <loader> [--quick]");
        return 1;
    }
}
