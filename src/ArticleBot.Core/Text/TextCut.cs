namespace ArticleBot.Core.Text;

/// <summary>
/// Cuts text to a length limit without splitting a surrogate pair: the one place that knows how, for answers,
/// quotes, Discord messages and queries alike.
/// </summary>
public static class TextCut
{
    /// <summary>
    /// The longest prefix of <paramref name="text"/> of at most <paramref name="maxLength"/> UTF-16 code units that
    /// does not end inside a surrogate pair.
    /// </summary>
    public static string AtMost(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var length = maxLength > 0 && char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..length];
    }
}
