namespace ArticleBot.Core.Language.Mentions;

/// <summary>The kind of thing a question asks for (its expected answer type).</summary>
public enum AnswerKind
{
    /// <summary>Nothing more specific could be told from the question.</summary>
    Any,

    /// <summary>A person: 誰, who.</summary>
    Person,

    /// <summary>A company, party, team, institution: 哪家公司, which company.</summary>
    Organisation,

    /// <summary>A place or country: 哪裡, 哪個國家, where.</summary>
    Place,

    /// <summary>A number, amount, sum of money or percentage: 多少, how many.</summary>
    Number,

    /// <summary>A date, year, time or period: 何時, 哪一年, when.</summary>
    Date,

    /// <summary>An age: 幾歲, how old.</summary>
    Age,

    /// <summary>A length of time: 多久, how long.</summary>
    Duration,

    /// <summary>A named thing (a work, a product, a species): 什麼, which, what.</summary>
    NamedThing,

    /// <summary>A yes/no question: 是否, 嗎, is/does/can ….</summary>
    YesNo,

    /// <summary>A reason: 為什麼, why.</summary>
    Reason,

    /// <summary>A way or method: 如何, 怎樣, how.</summary>
    Manner,

    /// <summary>What something is: 什麼是, what is.</summary>
    Definition,
}

/// <summary>A mention of a typed thing in a text: where it is and what it is.</summary>
/// <param name="Kind">What the mention is (a number, a date, a place ...).</param>
/// <param name="Start">Its start in the text searched.</param>
/// <param name="Length">Its length in chars.</param>
/// <param name="Text">The mention itself.</param>
/// <param name="Core">The part that identifies it (a name without its suffix, a number's digits), used to tell
/// whether the question already names it.</param>
public readonly record struct Mention(AnswerKind Kind, int Start, int Length, string Text, string Core);
