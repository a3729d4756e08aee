using System.Globalization;
using System.Text.RegularExpressions;

namespace ArticleBot.Training.Data;

/// <summary>A claim made from a public question, with what the verifier must say of it.</summary>
/// <param name="Id">The question's id with a suffix (-true, -false).</param>
/// <param name="Kind">claim-true, claim-value (another figure), claim-subject (another person or body) or claim-quality (another thing or quality).</param>
/// <param name="Language">zh-Hant or zh-Hans.</param>
/// <param name="Text">The claim, as a yes/no question.</param>
/// <param name="Gold">The article's answer: a right verdict cites the passage that holds it.</param>
public sealed record MadeClaim(string Id, string Kind, string Language, string Text, string Gold);

/// <summary>
/// Turns the public questions into claims to check, for measuring the claim verifier on thousands of articles nobody
/// tuned it on. A Chinese question with one question word becomes a true claim with its answer in that place
/// (證明硫是元素的是誰？ → 證明硫是元素的是拉瓦錫嗎？), and a false one with another figure (a number changed) or with
/// another answer of the same question word from the same article (another person, place or thing the article names).
/// Why and how questions, and questions with several question words, are left out: their answers are no slot filler.
/// </summary>
public static partial class ClaimMaker
{
    /// <summary>The longest answer put in a claim: longer ones are clauses, not slot fillers.</summary>
    public const int MaxAnswerLength = 10;

    /// <summary>The claims of a slice's articles: at most <paramref name="perArticle"/> questions of each article, each giving a true and (where it can) a false claim.</summary>
    public static IReadOnlyList<MadeClaim> Make(Slice slice, int perArticle)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var claims = new List<MadeClaim>();
        foreach (var article in slice.Articles)
        {
            var usable = article.Questions
                .Where(q => q.Language is "zh-Hant" or "zh-Hans" && q.Answers.Count > 0)
                .Select(q => (Question: q, Slot: Slot(q.Text), Answer: q.Answers[0].Trim()))
                .Where(x => x.Slot is not null && x.Answer.Length is > 0 and <= MaxAnswerLength && !x.Answer.Any(c => c is '，' or '。' or ','))
                .ToList();
            foreach (var (question, slot, answer) in usable.Take(perArticle))
            {
                var (at, length, word) = slot!.Value;
                length = WithMeasure(question.Text, at, length, answer);
                claims.Add(new MadeClaim(question.Id + "-true", "claim-true", question.Language, Claim(question, at, length, answer), answer));
                if (OtherFigure(answer) is { } figure)
                {
                    claims.Add(new MadeClaim(question.Id + "-false", "claim-value", question.Language, Claim(question, at, length, figure), answer));
                    continue;
                }

                // Another answer to the same question word in the same article, that neither holds nor is held by this one.
                var other = usable.Where(u => u.Question.Id != question.Id && u.Slot!.Value.Word == word && OtherFigure(u.Answer) is null
                        && !u.Answer.Contains(answer, StringComparison.Ordinal) && !answer.Contains(u.Answer, StringComparison.Ordinal))
                    .Select(u => u.Answer).FirstOrDefault();
                if (other is not null)
                {
                    var kind = s_who.Contains(word) ? "claim-subject" : "claim-quality";
                    claims.Add(new MadeClaim(question.Id + "-false", kind, question.Language, Claim(question, at, length, other), answer));
                }
            }
        }

        return claims;
    }

    /// <summary>The one question word of a question (where, how long, which), or null when it has none, several, or asks why or how.</summary>
    public static (int At, int Length, string Word)? Slot(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (NotASlotRegex().IsMatch(question))
        {
            return null;
        }

        var matches = QuestionWordRegex().Matches(question);
        return matches.Count == 1 ? (matches[0].Index, matches[0].Length, matches[0].Groups["w"].Value) : null;
    }

    /// <summary>The answer's first number changed (a year moved by 13, any other number doubled), or null when it has none.</summary>
    public static string? OtherFigure(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var number = NumberRegex().Match(answer);
        if (!number.Success || !double.TryParse(number.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var changed = value is >= 1000 and <= 2100 && value == Math.Floor(value) ? value + 13 : value * 2;
        return string.Concat(answer.AsSpan(0, number.Index), changed.ToString(CultureInfo.InvariantCulture), answer.AsSpan(number.Index + number.Length));
    }

    /// <summary>The slot with the measure or noun after the question word that the answer already ends with (多少人 of 26人; 什麼顏色 of 黃色).</summary>
    private static int WithMeasure(string question, int at, int length, string answer)
    {
        for (var extra = 2; extra >= 1; extra--)
        {
            var end = at + length + extra;
            if (end <= question.Length && question[end - 1] == answer[^1] && !char.IsPunctuation(question[end - 1]))
            {
                return length + extra;
            }
        }

        return length;
    }

    private static string Claim(TrainingQuestion question, int at, int length, string filler)
    {
        // Without the question's closing particle (呢, 呀): the claim asks with its own 嗎.
        var text = string.Concat(question.Text.AsSpan(0, at), filler, question.Text.AsSpan(at + length)).TrimEnd('？', '?', '。', ' ', '呢', '呀', '啊', '吧');
        return text + (question.Language == "zh-Hant" ? "嗎？" : "吗？");
    }

    // Question words that ask for a person or body: their false claims name someone else.
    private static readonly HashSet<string> s_who = new(StringComparer.Ordinal) { "誰", "谁", "何人", "哪位", "哪家", "哪個國家", "哪个国家" };

    [GeneratedRegex(@"為什麼|为什么|為何|为何|如何|怎麼|怎么|怎樣|怎样|什麼原因|什么原因|哪些")]
    private static partial Regex NotASlotRegex();

    [GeneratedRegex(@"(?<w>誰|谁|何人|何時|何时|何年|何地|哪位|哪家|哪個國家|哪个国家|哪一年|哪年|哪裡|哪里|哪個|哪个|哪一個|哪一个|哪種|哪种|哪座|哪所|甚麼|什麼|什么|多少|幾|几)")]
    private static partial Regex QuestionWordRegex();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex NumberRegex();
}
