using Spectre.Console;

namespace DataPlatform.Hosting.Output;

/// <summary>
/// Standard output, where results go (summary tables, connection hints); logs go to stderr. Live progress is shown
/// only on an interactive terminal without <c>CI=true</c>.
/// </summary>
internal sealed class ConsoleOutput(IAnsiConsole console, TextWriter writer, bool isTerminal)
{
    private const int RedirectedWidth = 160;

    public IAnsiConsole Console { get; } = console;

    /// <summary>The plain writer behind <see cref="Console"/> (JSON, SQL).</summary>
    public TextWriter Writer { get; } = writer;

    /// <summary>Whether stdout is a terminal and the environment is not CI.</summary>
    public bool IsTerminal { get; } = isTerminal;

    public static ConsoleOutput Create(WarehouseHostIO io)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(io.Out),
            Ansi = io.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = io.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = io.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!io.IsTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return new ConsoleOutput(console, io.Out, io.IsTerminal);
    }
}
