using System.Runtime.InteropServices;

namespace DataPlatform.Hosting;

/// <summary>Ctrl+C and SIGTERM cancel a host's work instead of killing the process, so a run can mark its batch failed and exit 130.</summary>
internal static class HostSignals
{
    /// <summary>Cancels <paramref name="cancellation"/> on Ctrl+C (SIGINT) and SIGTERM until the returned handle is disposed.</summary>
    public static IDisposable CancelOnSignals(CancellationTokenSource cancellation)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        void Handle(PosixSignalContext context)
        {
            context.Cancel = true;
            cancellation.Cancel();
        }

        return new Registrations(
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle));
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
