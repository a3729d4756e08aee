using ArticleBot.Core.Answering;
using Spectre.Console;

namespace ArticleBot.Cli;

/// <summary>
/// Writes answers for people: Spectre.Console colour and layout on a terminal, plain text when stdout is
/// redirected. Article text is always escaped, so brackets in quotes are never read as markup.
/// </summary>
public sealed class AnswerRenderer(TextWriter output, bool rich)
{
    private const int QuotePreview = 160;

    /// <summary>A renderer for the process's stdout.</summary>
    public static AnswerRenderer ForConsole() => new(Console.Out, !Console.IsOutputRedirected);

    /// <summary>Writes the answer and its sources (or the closest passages, when not grounded).</summary>
    public void Write(ArticleAnswer answer, bool fullQuotes = false)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (rich)
        {
            AnsiConsole.MarkupLine(answer.Grounded ? $"[bold]{Markup.Escape(answer.Text)}[/]" : $"[yellow]{Markup.Escape(answer.Text)}[/]");
            WriteRichList(answer.Grounded ? "Sources" : "Closest passages (not citations)", answer.Grounded ? answer.Citations : answer.Closest, fullQuotes);
            return;
        }

        output.WriteLine(answer.Text);
        WritePlainList(answer.Grounded ? "Sources:" : "Closest passages (not citations):", answer.Grounded ? answer.Citations : answer.Closest, fullQuotes);
    }

    /// <summary>Writes the sources of an answer in full (the chat's /sources).</summary>
    public void WriteSources(ArticleAnswer answer) =>
        (rich ? (Action)(() => WriteRichList("Sources", answer.Grounded ? answer.Citations : answer.Closest, true))
              : () => WritePlainList("Sources:", answer.Grounded ? answer.Citations : answer.Closest, true))();

    private void WritePlainList(string title, IReadOnlyList<Citation> citations, bool fullQuotes)
    {
        if (citations.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(title);
        foreach (var c in citations)
        {
            output.WriteLine($"[{c.N}] {Location(c)}: {Quote(c, fullQuotes)}");
        }
    }

    private static void WriteRichList(string title, IReadOnlyList<Citation> citations, bool fullQuotes)
    {
        if (citations.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title)).Expand();
        table.AddColumn(new TableColumn("n").RightAligned());
        table.AddColumn("where");
        table.AddColumn("quote");
        foreach (var c in citations)
        {
            table.AddRow(new Text(c.N.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(Location(c)), new Text(Quote(c, fullQuotes)));
        }

        AnsiConsole.Write(table);
    }

    private static string Location(Citation c) => $"{c.Source} §{c.Section ?? "—"} ({c.PassageId}, {c.Start}-{c.End})";

    private static string Quote(Citation c, bool full) =>
        full || c.Quote.Length <= QuotePreview ? $"“{c.Quote}”" : $"“{TrimAt(c.Quote, QuotePreview)}…”";

    private static string TrimAt(string text, int length) =>
        char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
