namespace ArticleBot.Core.Language.Mentions;

/// <summary>
/// Tells the kind of answer a question expects from its wording, in Chinese (either script) and English. Works
/// on folded text (<see cref="Text.ScriptFolding.Fold"/>: NFKC, lower case, Simplified), so one cue list serves
/// both Chinese scripts. The more specific kinds are tried first: "how old" before "how", 几岁 before 几.
/// </summary>
public static class AnswerKindClassifier
{
    // Each rule: the kind, then cues. A cue starting with '^' must open the question.
    private static readonly (AnswerKind Kind, string[] Cues)[] s_rules =
    [
        (AnswerKind.Age, ["几岁", "多少岁", "多大年纪", "年龄", "年纪多大", "岁数", "how old", "what age", "at what age", "aged how"]),
        (AnswerKind.Duration, ["多久", "多长时间", "多长的时间", "多少年的时间", "几年时间", "历时多", "持续多", "how long", "how many years", "how many days", "how many months", "how many hours", "how many weeks", "for what period", "what period of time"]),
        (AnswerKind.Date, ["西元几年", "公元几年", "几几年", "什么时候", "什么时间", "何时", "哪一年", "哪年", "哪一天", "哪天", "几月", "几号", "日期", "年份", "哪个年代", "什么年代", "哪个世纪", "哪个朝代", "什么朝代", "哪个时期", "什么时期", "何年", "^when", " when ", "what year", "which year", "what date", "which day", "what day", "what time", "what century", "which century", "what decade", "which decade", "what month", "which month", "in what period", "what era"]),
        (AnswerKind.Number, ["多少", "几", "百分之几", "比例", "比率", "比重", "占比", "多高", "多重", "多远", "多长", "多大", "多深", "多宽", "how many", "how much", "what percentage", "what percent", "what share", "what proportion", "what fraction", "what number", "how large", "how big", "how high", "how tall", "how far", "how deep", "how wide", "how heavy", "what amount", "what population", "what size", "the population of", "the number of", "the amount of", "the percentage of", "the size of", "the length of", "the height of", "the cost of", "the price of"]),
        (AnswerKind.Reason, ["为什么", "为何", "原因", "何故", "怎么会", "理由", "why", "what reason", "what caused", "what led to", "for what purpose", "what was the purpose"]),
        (AnswerKind.Organisation, ["哪家", "哪间", "哪个公司", "什么公司", "哪个组织", "什么组织", "哪个机构", "什么机构", "哪个团体", "哪支", "哪个队", "什么队", "哪个球队", "哪所", "哪个大学", "什么大学", "哪个学校", "哪个政党", "什么政党", "which company", "what company", "which firm", "what firm", "which organization", "what organization", "which organisation", "what organisation", "which team", "what team", "which university", "what university", "which school", "what school", "which party", "what party", "which agency", "what agency", "which institution", "which group", "what group", "which band", "what band", "which network", "what network", "which club"]),
        (AnswerKind.Place, ["哪里", "哪儿", "何处", "何地", "哪个国家", "哪国", "什么国家", "哪个城市", "什么城市", "哪座城", "哪个地方", "什么地方", "哪个地区", "什么地区", "哪个省", "哪个州", "哪个县", "哪个岛", "哪条河", "哪座山", "位于", "坐落", "^where", " where ", "which country", "what country", "which city", "what city", "which state", "what state", "which region", "what region", "which province", "what province", "what place", "which place", "which continent", "what continent", "which island", "what island", "which river", "what river", "what location", "which town", "what town"]),
        (AnswerKind.Person, ["谁", "哪位", "何人", "什么人", "哪个人", "哪些人", "名字是", "叫什么名字", "^who", " who ", "whom", "whose", "which person", "what person", "which player", "what player", "which king", "which president", "which emperor", "which artist", "which scientist", "which writer", "which author", "what was the name of the", "what is the name of the"]),
        (AnswerKind.Manner, ["如何", "怎样", "怎么", "怎麽", "通过什么", "用什么方法", "以什么方式", "什么方式", "什么方法", "^how ", " how "]),
        (AnswerKind.Definition, ["什么是", "是什么意思", "何谓", "指的是什么", "是指什么", "的定义", "^what is a ", "^what is an ", "^what are ", "^what does", "what is meant by", "define "]),
        (AnswerKind.YesNo, ["是否", "是不是", "有没有", "能不能", "会不会", "可不可以", "吗", "^is ", "^are ", "^was ", "^were ", "^does ", "^do ", "^did ", "^can ", "^could ", "^has ", "^have ", "^had ", "^will ", "^would ", "^should "]),
        (AnswerKind.NamedThing, ["什么", "哪个", "哪些", "哪一", "哪种", "何种", "^what", " what ", "^which", " which ", "what kind", "what type", "what sort", "name of"]),
    ];

    /// <summary>The kind of answer a folded question expects; <see cref="AnswerKind.Any"/> when the wording says nothing.</summary>
    public static AnswerKind Classify(string foldedQuestion)
    {
        ArgumentNullException.ThrowIfNull(foldedQuestion);
        var text = Text.QuestionClause.Main(foldedQuestion.Trim());
        foreach (var (kind, cues) in s_rules)
        {
            foreach (var cue in cues)
            {
                if (cue[0] == '^' ? text.StartsWith(cue.AsSpan(1), StringComparison.Ordinal) : text.Contains(cue, StringComparison.Ordinal))
                {
                    return kind;
                }
            }
        }

        return AnswerKind.Any;
    }

    /// <summary>True when mentions of <paramref name="mention"/> can answer a question asking for <paramref name="asked"/>.</summary>
    public static bool Answers(AnswerKind asked, AnswerKind mention) => asked switch
    {
        AnswerKind.Number => mention is AnswerKind.Number or AnswerKind.Age or AnswerKind.Duration or AnswerKind.Date,
        AnswerKind.Age => mention is AnswerKind.Age or AnswerKind.Number or AnswerKind.Date,
        AnswerKind.Duration => mention is AnswerKind.Duration or AnswerKind.Date or AnswerKind.Number,
        AnswerKind.Date => mention is AnswerKind.Date,
        AnswerKind.Person => mention is AnswerKind.Person or AnswerKind.Organisation,
        AnswerKind.Organisation => mention is AnswerKind.Organisation or AnswerKind.Person or AnswerKind.Place,
        AnswerKind.Place => mention is AnswerKind.Place or AnswerKind.Organisation,
        AnswerKind.Reason => mention is AnswerKind.Reason,
        AnswerKind.Manner => mention is AnswerKind.Manner,
        AnswerKind.NamedThing => mention is AnswerKind.NamedThing or AnswerKind.Person or AnswerKind.Organisation or AnswerKind.Place,
        _ => true,
    };

    /// <summary>
    /// True when the kind has a recogniser reliable enough that a text without such a mention cannot answer
    /// (numbers, dates, ages, durations); names, reasons and manners are only preferred, never required.
    /// </summary>
    public static bool IsStrict(AnswerKind kind) => kind is AnswerKind.Number or AnswerKind.Date or AnswerKind.Age or AnswerKind.Duration;
}
