namespace DataPlatform.Hosting.Running;

/// <summary>The database meant for the synthetic source exists but was not created by the host: it is never dropped or written.</summary>
internal sealed class SyntheticSourceConflictException : Exception
{
    public SyntheticSourceConflictException()
    {
    }

    public SyntheticSourceConflictException(string message)
        : base(message)
    {
    }

    public SyntheticSourceConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
