using System.Globalization;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.ArticleTools;

/// <summary>
/// Puts what a Chinese sentence states into English words for an English reader: amounts with Chinese units
/// converted (250億美元 → US$25 billion), dates (1月15日 → 15 January), qualifiers (超 → more than), what a figure
/// measures (周活 → weekly active users), and names in their English form (gazetteer, alias list, pinyin).
/// </summary>
public sealed class EnglishFacts(EntityFinder entities, ArticleSearch search, ScriptFolding folder)
{
    private static readonly string[] s_months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    // What a figure measures, by the words of its clause (folded, Simplified); the first found wins.
    private static readonly (string Cue, string English, bool Before)[] s_measures =
    [
        ("周活", "weekly active users", false), ("日活", "daily active users", false), ("月活", "monthly active users", false),
        ("年收入", "a year", false), ("每年", "a year", false), ("一年", "a year", false), ("年营收", "a year", false),
        ("总收入", "in total revenue", false), ("营收", "in revenue", false), ("收入", "in revenue", false),
        ("市值", "in market value", false), ("估值", "valuation", false), ("红包", "in red packets", false),
        ("算力", "in computing power", false), ("投资", "of investment", false), ("投入", "invested", false),
        ("用户", "users", false), ("性能", "performance", false), ("份额", "share", false),
    ];

    private static readonly Dictionary<string, string> s_qualifiers = new(StringComparer.Ordinal)
    {
        ["超過"] = "more than", ["超过"] = "more than", ["突破"] = "more than", ["超"] = "more than", ["逾"] = "more than",
        ["可達"] = "up to", ["可达"] = "up to", ["多達"] = "as many as", ["多达"] = "as many as", ["達"] = "", ["达"] = "",
        ["近"] = "nearly", ["約"] = "about", ["约"] = "about", ["僅"] = "only", ["仅"] = "only", ["至少"] = "at least",
    };

    private static readonly Dictionary<string, string> s_countUnits = new(StringComparer.Ordinal)
    {
        ["倍"] = "times", ["公里"] = "km", ["千米"] = "km", ["米"] = "m", ["家"] = "companies", ["个"] = string.Empty, ["個"] = string.Empty,
        ["人"] = "people", ["名"] = "people", ["天"] = "days", ["年"] = "years", ["次"] = "times", ["款"] = "products", ["卡"] = "cards",
    };

    /// <summary>A figure in English: "more than 900 million weekly active users", "US$25 billion a year", "15 January".</summary>
    public static string Figure(FigureMention mention, string? measure = null)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var text = mention.Kind switch
        {
            FigureKind.Date => Date(mention),
            FigureKind.Percent => Number(mention.Value) + "%",
            FigureKind.Amount => Money(mention),
            _ => (Number(mention.Value) + " " + s_countUnits.GetValueOrDefault(mention.Unit, string.Empty)).Trim(),
        };

        if (s_qualifiers.TryGetValue(mention.Qualifier, out var qualifier) && qualifier.Length > 0 && mention.Kind != FigureKind.Date)
        {
            text = qualifier + " " + text;
        }

        if (measure is not null && mention.Kind is FigureKind.Amount or FigureKind.Count)
        {
            var folded = ScriptFolding.Default.Fold(measure);
            if (s_measures.FirstOrDefault(m => folded.Contains(m.Cue, StringComparison.Ordinal)) is { Cue: not null } found)
            {
                text += " " + found.English;
            }
        }

        return text;
    }

    /// <summary>The English names of the entities a Chinese text names, in order.</summary>
    public IReadOnlyList<string> Names(string text) => [.. entities.NamedIn(text).Select(e => EnglishName(e))];

    /// <summary>An entity's English name: the gazetteer's, else the pinyin of its Chinese name, else the name.</summary>
    public string EnglishName(ArticleEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!string.Equals(entity.English, entity.Name, StringComparison.Ordinal) || entity.Name.All(c => c < 128))
        {
            return entity.English;
        }

        var pinyin = search.Lexicon.Value.Pinyin(folder.Fold(entity.Name));
        return pinyin is null ? entity.Name : $"{char.ToUpperInvariant(pinyin[0])}{pinyin[1..]} ({entity.Name})";
    }

    /// <summary>Names and figures of a sentence in English, for the line before its Chinese quote.</summary>
    public string Gist(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var names = Names(sentence);
        var figures = FigureReader.Read(sentence).Select(f => Figure(f, ArticleFigures.MeasureOf(sentence, f))).Distinct().ToList();
        var parts = new List<string>();
        if (names.Count > 0)
        {
            parts.Add("about " + Join(names.Take(5).ToList()));
        }

        if (figures.Count > 0)
        {
            parts.Add("figures: " + string.Join(", ", figures.Take(4)));
        }

        return parts.Count == 0 ? string.Empty : string.Join("; ", parts);
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string Join(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count switch
        {
            0 => string.Empty,
            1 => items[0],
            _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
        };
    }

    private static string Date(FigureMention mention)
    {
        var year = (int)(mention.Value / 10000);
        var month = (int)(mention.Value / 100 % 100);
        var day = (int)(mention.Value % 100);
        var text = (day > 0 ? day.ToString(CultureInfo.InvariantCulture) + " " : string.Empty)
            + (month > 0 ? s_months[month - 1] : string.Empty)
            + (year > 0 ? (month > 0 ? " " : string.Empty) + year.ToString(CultureInfo.InvariantCulture) : string.Empty);
        return mention.Unit switch
        {
            "末" or "底" => "the end of " + text,
            "初" => "the start of " + text,
            "上半年" => "the first half of " + text,
            "下半年" => "the second half of " + text,
            _ => text,
        };
    }

    private static string Money(FigureMention mention)
    {
        var amount = Number(mention.Value);
        return mention.Unit switch
        {
            "美元" or "美金" => "US$" + amount,
            "元" or "人民币" or "人民幣" => amount + " yuan",
            "港元" or "港幣" => "HK$" + amount,
            "欧元" or "歐元" => "€" + amount,
            "日元" => amount + " yen",
            _ => amount,
        };
    }

    /// <summary>A number in words of scale: 2.5e10 → "25 billion", 9e8 → "900 million", 1600 → "1,600".</summary>
    public static string Number(double value)
    {
        static string Scaled(double v, double scale, string word) => (v / scale).ToString("0.##", CultureInfo.InvariantCulture) + " " + word;
        return value switch
        {
            >= 1e12 => Scaled(value, 1e12, "trillion"),
            >= 1e9 => Scaled(value, 1e9, "billion"),
            >= 1e6 => Scaled(value, 1e6, "million"),
            _ => value.ToString(value % 1 == 0 ? "#,0" : "#,0.##", CultureInfo.InvariantCulture),
        };
    }
}
