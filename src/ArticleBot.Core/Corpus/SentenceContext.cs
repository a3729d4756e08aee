using ArticleBot.Core.Text;

namespace ArticleBot.Core.Corpus;

/// <summary>
/// Sentences that lean on the one before: they open with a pronoun or a demonstrative (這種, 該, 此, 其, 他們, 牠們,
/// 它, this, it ...) and cannot be understood, or quoted, alone.
/// </summary>
public static class SentenceContext
{
    // Folded (Simplified, lower case) openings.
    private static readonly string[] s_openings =
    [
        "这种", "这些", "这个", "这位", "这项", "这款", "这部", "这座", "这是", "这一", "这", "该", "此", "其", "他们", "她们", "它们", "牠们", "他", "她", "它", "牠",
        "前者", "后者", "上述", "同年", "当年", "次年", "翌年",
        "this ", "these ", "those ", "it ", "its ", "they ", "their ", "he ", "she ", "his ", "her ", "such ", "however", "the latter", "the former",
    ];

    /// <summary>True when a folded sentence opens by pointing back to something said before it.</summary>
    public static bool LeansOnPrevious(string foldedSentence)
    {
        ArgumentNullException.ThrowIfNull(foldedSentence);
        var text = foldedSentence.TrimStart(' ', '　', '“', '「', '"', '(', '（');
        foreach (var opening in s_openings)
        {
            if (text.StartsWith(opening, StringComparison.Ordinal))
            {
                // 其他 ("other"), 其实 ("in fact") and 他人 ("others") do not point back.
                return !(text.StartsWith("其他", StringComparison.Ordinal) || text.StartsWith("其实", StringComparison.Ordinal) || text.StartsWith("他人", StringComparison.Ordinal));
            }
        }

        return false;
    }

    /// <summary>
    /// True when a folded sentence speaks of a person by pronoun anywhere in it (為紀念他, 她的): asked who, the answer is
    /// whom the pronoun stands for, named before it.
    /// </summary>
    public static bool RefersToSomeoneBefore(string foldedSentence)
    {
        ArgumentNullException.ThrowIfNull(foldedSentence);
        for (var i = foldedSentence.IndexOfAny(['他', '她']); i >= 0; i = foldedSentence.IndexOfAny(['他', '她'], i + 1))
        {
            var next = i + 1 < foldedSentence.Length ? foldedSentence[i + 1] : '\0';
            var previous = i > 0 ? foldedSentence[i - 1] : '\0';
            if (next != '人' && previous != '其' && previous != '吉')
            {
                return true; // not 他人 (others), 其他 (other), 吉他 (guitar)
            }
        }

        return false;
    }

    /// <summary>True when a raw sentence (either script) opens by pointing back; folds only its opening.</summary>
    public static bool LeansOnPrevious(string text, int start, int end, ScriptFolding folder)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(folder);
        var length = Math.Min(end - start, 12);
        if (length > 0 && char.IsHighSurrogate(text[start + length - 1]))
        {
            length--;
        }

        return length > 0 && LeansOnPrevious(folder.Fold(text.Substring(start, length)));
    }
}
