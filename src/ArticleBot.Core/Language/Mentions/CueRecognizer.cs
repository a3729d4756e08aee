namespace ArticleBot.Core.Language.Mentions;

/// <summary>
/// Finds the words that mark a reason (因為, because), a manner (通過, by) or a definition (是指, refers to) in
/// folded text: the "mentions" of answers to why, how and what-is questions.
/// </summary>
public static class CueRecognizer
{
    private static readonly (AnswerKind Kind, string[] Cues)[] s_cues =
    [
        (AnswerKind.Reason, ["因为", "由于", "所以", "因此", "因而", "为了", "以便", "原因", "导致", "造成", "致使", "基于", "鉴于", "以免", "从而", "之所以", "because", "due to", "owing to", "since ", "so that", "in order to", "as a result", "caused", "led to", "therefore", "reason"]),
        (AnswerKind.Manner, ["通过", "透过", "利用", "借助", "采用", "使用", "凭借", "依靠", "经由", "方法", "方式", "以", "用", "by ", "through", "using", "via", "with the help", "method", "by means of"]),
        (AnswerKind.Definition, ["是指", "指的是", "是一种", "是一个", "是一类", "是一座", "是一位", "是一家", "是一部", "称为", "被称为", "又称", "简称", "即是", "就是", "意思是", "定义为", "是", "refers to", "is a ", "is an ", "are a ", "means", "known as", "defined as"]),
    ];

    /// <summary>The reason, manner and definition cues of a folded text.</summary>
    public static IEnumerable<Mention> Find(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        foreach (var (kind, cues) in s_cues)
        {
            foreach (var cue in cues)
            {
                var at = folded.IndexOf(cue, StringComparison.Ordinal);
                if (at >= 0)
                {
                    yield return new Mention(kind, at, cue.Length, cue, cue);
                }
            }
        }
    }
}
