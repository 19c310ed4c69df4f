using DataPlatform.DeployDatakit;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await DeployDatakitHost.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
