using System.Collections.Frozen;

namespace ArticleBot.Core.Language.English;

/// <summary>
/// Irregular English forms (built, sang, children) mapped to the base form that CC-CEDICT glosses use ("to build",
/// "to sing", "child"), for a question's words; the stemmer only strips regular endings. Forms that are also words of
/// their own are left alone: "found" (to found a company), "left", "saw", "rose", "fell", "lay", "wound", "felt" …
/// </summary>
public static class EnglishIrregulars
{
    /// <summary>The base form of a lower-case word, or the word itself when it is not an irregular form.</summary>
    public static string Base(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        return s_forms.TryGetValue(lower, out var root) ? root : lower;
    }

    // base: its irregular forms
    private static readonly (string Base, string[] Forms)[] s_table =
    [
        ("arise", ["arose", "arisen"]), ("awake", ["awoke", "awoken"]), ("beat", ["beaten"]), ("become", ["became"]),
        ("begin", ["began", "begun"]), ("bend", ["bent"]), ("bite", ["bitten"]), ("bleed", ["bled"]),
        ("blow", ["blew", "blown"]), ("break", ["broke", "broken"]), ("breed", ["bred"]), ("bring", ["brought"]),
        ("build", ["built"]), ("burn", ["burnt"]), ("buy", ["bought"]), ("catch", ["caught"]), ("choose", ["chose", "chosen"]),
        ("come", ["came"]), ("creep", ["crept"]), ("deal", ["dealt"]), ("dig", ["dug"]), ("do", ["did", "done"]),
        ("draw", ["drew", "drawn"]), ("dream", ["dreamt"]), ("drink", ["drank", "drunk"]), ("drive", ["drove", "driven"]),
        ("eat", ["ate", "eaten"]), ("feed", ["fed"]), ("fight", ["fought"]), ("flee", ["fled"]), ("fly", ["flew", "flown"]),
        ("forbid", ["forbade", "forbidden"]), ("forecast", ["forecast"]), ("foresee", ["foresaw", "foreseen"]),
        ("forget", ["forgot", "forgotten"]), ("forgive", ["forgave", "forgiven"]), ("freeze", ["froze", "frozen"]),
        ("get", ["got", "gotten"]), ("give", ["gave", "given"]), ("go", ["went", "gone"]), ("grow", ["grew", "grown"]),
        ("hang", ["hung"]), ("hear", ["heard"]), ("hide", ["hid", "hidden"]), ("hold", ["held"]), ("keep", ["kept"]),
        ("know", ["knew", "known"]), ("lead", ["led"]), ("lend", ["lent"]), ("lose", ["lost"]), ("make", ["made"]),
        ("meet", ["met"]), ("mistake", ["mistook", "mistaken"]), ("overcome", ["overcame"]), ("overtake", ["overtook", "overtaken"]),
        ("overthrow", ["overthrew", "overthrown"]), ("pay", ["paid"]), ("ride", ["rode", "ridden"]), ("ring", ["rang", "rung"]),
        ("rise", ["risen"]), ("run", ["ran"]), ("seek", ["sought"]), ("sell", ["sold"]), ("send", ["sent"]),
        ("shake", ["shook", "shaken"]), ("shine", ["shone"]), ("shoot", ["shot"]), ("shrink", ["shrank", "shrunk"]),
        ("sing", ["sang", "sung"]), ("sink", ["sank", "sunk"]), ("sit", ["sat"]), ("sleep", ["slept"]), ("slide", ["slid"]),
        ("speak", ["spoke", "spoken"]), ("spend", ["spent"]), ("spin", ["spun"]), ("spread", ["spread"]),
        ("spring", ["sprang", "sprung"]), ("stand", ["stood"]), ("steal", ["stolen"]), ("stick", ["stuck"]),
        ("sting", ["stung"]), ("strike", ["struck", "stricken"]), ("strive", ["strove", "striven"]),
        ("swear", ["swore", "sworn"]), ("sweep", ["swept"]), ("swim", ["swam", "swum"]), ("swing", ["swung"]),
        ("take", ["took", "taken"]), ("teach", ["taught"]), ("tear", ["torn"]), ("think", ["thought"]),
        ("throw", ["threw", "thrown"]), ("understand", ["understood"]), ("undertake", ["undertook", "undertaken"]),
        ("wake", ["woke", "woken"]), ("wear", ["wore", "worn"]), ("weep", ["wept"]), ("win", ["won"]),
        ("withdraw", ["withdrew", "withdrawn"]), ("write", ["wrote", "written"]),
        ("child", ["children"]), ("man", ["men"]), ("woman", ["women"]), ("foot", ["feet"]), ("tooth", ["teeth"]),
        ("mouse", ["mice"]), ("goose", ["geese"]), ("wife", ["wives"]), ("knife", ["knives"]), ("wolf", ["wolves"]),
        ("crisis", ["crises"]), ("analysis", ["analyses"]), ("thesis", ["theses"]), ("criterion", ["criteria"]),
        ("phenomenon", ["phenomena"]), ("nucleus", ["nuclei"]), ("radius", ["radii"]), ("fungus", ["fungi"]),
    ];

    private static readonly FrozenDictionary<string, string> s_forms =
        s_table.SelectMany(e => e.Forms.Select(f => (Form: f, e.Base))).Where(p => p.Form != p.Base)
            .ToFrozenDictionary(p => p.Form, p => p.Base, StringComparer.Ordinal);
}
