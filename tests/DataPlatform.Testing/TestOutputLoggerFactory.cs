using Microsoft.Extensions.Logging;

namespace DataPlatform.Testing;

/// <summary>Builds logger factories for tests: messages go to the test output and, optionally, to a <see cref="ListLoggerProvider"/>.</summary>
public static class TestOutputLoggerFactory
{
    /// <summary>
    /// A factory writing to <paramref name="output"/> (default: the current test's output, when there is one) and capturing into
    /// <paramref name="capture"/> when given.
    /// </summary>
    public static ILoggerFactory Create(ITestOutputHelper? output = null, ListLoggerProvider? capture = null, LogLevel minimumLevel = LogLevel.Trace)
    {
        output ??= TestContext.Current.TestOutputHelper;
        return LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(minimumLevel);
            if (output is not null)
            {
                builder.AddProvider(new TestOutputLoggerProvider(output));
            }

            if (capture is not null)
            {
                builder.AddProvider(capture);
            }
        });
    }
}
