using System.Globalization;
using System.Text;

namespace ArticleBot.Core.Answering;

/// <summary>Cleans what a user typed before it is answered.</summary>
public static class QuestionText
{
    /// <summary>The default limit on a question's length, in characters (<c>Llm:MaxQuestionChars</c>).</summary>
    public const int MaxLength = 4000;

    /// <summary>
    /// Removes control characters, zero-width and bidi marks, collapses whitespace and cuts overlong input
    /// (never inside a surrogate pair). Returns an empty string when nothing is left.
    /// </summary>
    public static string Clean(string? question, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(question))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(question.Length, maxLength));
        var pendingSpace = false;
        for (var i = 0; i < question.Length && builder.Length < maxLength; i++)
        {
            var c = question[i];
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || category == UnicodeCategory.Control)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (category == UnicodeCategory.Format)
            {
                continue; // zero-width spaces and joiners, bidi controls, BOM
            }

            if (char.IsHighSurrogate(c) && (i + 1 >= question.Length || !char.IsLowSurrogate(question[i + 1])))
            {
                continue; // a lone surrogate
            }

            if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(question[i - 1])))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            if (char.IsHighSurrogate(c) && builder.Length + 2 > maxLength)
            {
                break;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
