using DataPlatform.Benchmarks;
using DataPlatform.Benchmarks.Loader;

// Benchmark dispatcher: `dotnet run -c Release --project tests/DataPlatform.Benchmarks -- <benchmark> [--quick]`.
// One file (or folder) per benchmark; add a case below to register another one.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var name = args.Length > 0 ? args[0] : string.Empty;
if (name == "pipeline")
{
    return await DataPlatform.Benchmarks.Pipeline.PipelineBenchmark.RunAsync([.. args.Skip(1)], cancellation.Token); // own options: --scale N
}

var options = BenchmarkOptions.Parse(args.Skip(1));
return name switch
{
    "loader" => await LoaderBenchmark.RunAsync(options, cancellation.Token),
    "bronze" => await DataPlatform.Benchmarks.Bronze.BronzeBenchmark.RunAsync(options, cancellation.Token),
    "transforms" => await DataPlatform.Benchmarks.Transforms.TransformsBenchmark.RunAsync(options, cancellation.Token),
    _ => BenchmarkOptions.Usage(name),
};
