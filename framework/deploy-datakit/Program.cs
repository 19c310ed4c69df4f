using DataPlatform.DeployDatakit;
using DataPlatform.Hosting;

using var cancellation = new CancellationTokenSource();
using var signals = HostSignals.CancelOnSignals(cancellation);
return await DeployDatakitHost.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
