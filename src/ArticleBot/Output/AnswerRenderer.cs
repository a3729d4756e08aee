using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Text;
using Spectre.Console;

namespace ArticleBot.Output;

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
        WriteFallbackNotice(answer);
        if (rich)
        {
            AnsiConsole.MarkupLine(answer.Grounded ? $"[bold]{Markup.Escape(answer.Text)}[/]" : $"[yellow]{Markup.Escape(answer.Text)}[/]");
        }
        else
        {
            output.WriteLine(answer.Text);
        }

        WriteSourcesOf(answer, fullQuotes);
    }

    /// <summary>Writes a piece of a streamed answer as it arrives.</summary>
    public void WriteDelta(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (rich)
        {
            AnsiConsole.Markup(Markup.Escape(text));
        }
        else
        {
            output.Write(text);
        }
    }

    /// <summary>Ends a streamed answer: a line break, the fallback notice if any, then the sources.</summary>
    public void EndStream(ArticleAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        output.WriteLine();
        if (rich)
        {
            AnsiConsole.WriteLine();
        }

        WriteSourcesOf(answer, fullQuotes: false);
    }

    /// <summary>Says that the model failed and the extractive answer stands in, and why.</summary>
    public void WriteFallbackNotice(ArticleAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Fallback is { } reason)
        {
            WriteFallbackNotice(reason);
        }
    }

    /// <summary>Says that the model failed and the extractive answer stands in, and why.</summary>
    public void WriteFallbackNotice(string reason)
    {

        if (rich)
        {
            AnsiConsole.MarkupLine($"[grey](offline answer: {Markup.Escape(reason)})[/]");
        }
        else
        {
            output.WriteLine($"(offline answer: {reason})");
        }
    }

    private void WriteSourcesOf(ArticleAnswer answer, bool fullQuotes)
    {
        var list = answer.Grounded ? answer.Citations : answer.Closest;
        var title = answer.Grounded ? "Sources" : "Closest passages (not citations)";
        if (rich)
        {
            WriteRichList(title, list, fullQuotes);
        }
        else
        {
            WritePlainList(title + ":", list, fullQuotes);
        }
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

    /// <summary>Where a quote is: the seed file, section and offsets; for an imported web article its title and address too.</summary>
    private static string Location(Citation c) => c.Url is { } url
        ? $"{c.Title ?? c.Source} <{url}> ({c.PassageId}, {c.Start}-{c.End})"
        : $"{c.Source} §{c.Section ?? "—"} ({c.PassageId}, {c.Start}-{c.End})";

    private static string Quote(Citation c, bool full) =>
        full || c.Quote.Length <= QuotePreview ? $"“{c.Quote}”" : $"“{TextCut.AtMost(c.Quote, QuotePreview)}…”";
}
