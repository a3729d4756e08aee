using System.Collections.Frozen;

namespace ArticleBot.Core.Language.Segmentation;

/// <summary>
/// Words that ask rather than tell: question words, particles, and words about "the article" itself.
/// They are removed from queries (never from the index) so the content words decide what matches.
/// Chinese entries are in folded (Simplified, lower-case) form; longer ones are removed first.
/// </summary>
internal static class StopWords
{
    /// <summary>Chinese stop phrases, longest first.</summary>
    public static readonly string[] Chinese =
    [
        "这篇文章", "这篇报道", "文章中", "文章里", "根据文章", "据文章", "请问一下",
        "是什么", "什么样", "为什么", "怎么样", "是多少", "有多少", "多少钱", "哪一天", "哪一年", "哪一个", "哪一家",
        "什么时候", "哪家公司", "哪个公司", "什么公司", "哪些", "哪个", "时候", "哪家", "哪里", "哪儿", "哪天", "哪年", "什么", "甚么", "多少", "几个", "如何", "怎么", "怎样",
        "多长时间", "哪方面", "何时", "何地", "何处", "何人", "何种", "何者", "何年", "何月", "何日", "何为", "何谓", "何故", "何以", "多久", "多长", "多大", "多高", "多远",
        "多重", "几岁", "几年", "几月", "几日", "几号", "哪位", "哪国", "哪种", "哪项", "哪类", "哪部", "哪本", "哪所", "哪座", "哪条", "哪次", "哪场",
        "为何", "是否", "是不是", "有没有", "请问", "文章", "本文", "文中", "这篇", "报道", "提到", "说到", "讲到",
        "形容为", "形容成", "形容", "描述为", "描述", "称为", "称作", "叫做", "比喻为", "比喻", "意思是", "意思", "大概", "大约", "到底", "究竟", "可以", "可能", "分别", "指的", "一下", "告诉", "我们", "你们", "他们",
        "谁", "哪", "吗", "呢", "吧", "啊", "呀", "么", "的", "了", "是", "在", "和", "与", "及", "或", "被", "把", "着", "过",
        "几", "啥", "请", "也", "都", "就", "又", "还", "这", "那", "其",
    ];

    /// <summary>English stop words (lower case).</summary>
    public static readonly FrozenSet<string> English = new[]
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "as",
        "into", "than", "then", "this", "that", "these", "those", "there", "here", "it", "its", "it's", "is", "are",
        "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "having",
        "can", "could", "would", "should", "will", "shall", "may", "might", "must", "what", "which", "who", "whom",
        "whose", "when", "where", "why", "how", "much", "many", "some", "any", "each", "all", "i", "me", "my", "we",
        "our", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "article", "text", "story",
        "according", "tell", "please", "say", "says", "said", "mention", "mentioned", "mentions", "describe",
        "described", "explain", "called", "call", "named", "kind", "sort", "type", "whether", "if", "so", "not", "no",
        "yes", "also", "just", "only", "very", "more", "most", "get", "got", "does", "s", "let", "give", "know",
        "think", "doing", "go", "goes", "going", "way", "ways", "thing", "things", "one", "use", "used", "using",
        "make", "makes", "made", "happen", "happened", "happens", "mean", "means", "meant", "refer", "refers",
        "talk", "talks",
    }.ToFrozenSet(StringComparer.Ordinal);
}
