
namespace DataPlatform.Framework.Transforms;

/// <summary>
/// A transform cannot run the same way in memory and in the server (client evaluation, a culture-sensitive or
/// non-portable member, a dropped column, a bad key): thrown when the transform is built, before any row is written.
/// </summary>
public sealed class TransformBuildException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TransformBuildException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TransformBuildException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TransformBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
