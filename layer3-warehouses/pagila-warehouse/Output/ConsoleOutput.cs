using Spectre.Console;

namespace DataPlatform.Warehouses.Pagila.Output;

/// <summary>
/// Standard output, where results go (summary tables, connection hints); logs go to stderr. Live progress is shown
/// only on an interactive terminal without <c>CI=true</c>.
/// </summary>
internal sealed class ConsoleOutput(IAnsiConsole console, bool isTerminal)
{
    private const int RedirectedWidth = 160;

    public IAnsiConsole Console { get; } = console;

    /// <summary>Whether stdout is a terminal and the environment is not CI.</summary>
    public bool IsTerminal { get; } = isTerminal;

    public static ConsoleOutput Create()
    {
        var redirected = System.Console.IsOutputRedirected;
        var ci = string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariables.Ci), "true", StringComparison.OrdinalIgnoreCase);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(System.Console.Out),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected || ci ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return new ConsoleOutput(console, !redirected && !ci);
    }
}
