using System.Text.RegularExpressions;

namespace ArticleBot.Core.Language.English;

/// <summary>What kind of proper name a dictionary word is.</summary>
public enum ProperNameKind
{
    /// <summary>A person (a name with life years, a title or trade: "Lavoisier (1743-1794), French chemist").</summary>
    Person,

    /// <summary>A company, school, party or other body.</summary>
    Organisation,

    /// <summary>A country, city, river or other place ("Dodoma, capital of Tanzania").</summary>
    Place,

    /// <summary>Any other proper name (a work, an event, a dynasty).</summary>
    Thing,
}

/// <summary>
/// Reads the kind of a proper name from its CC-CEDICT gloss: only glosses whose first meaning is capitalised are
/// names, and words of the gloss tell the kind. Generic: no list of particular names.
/// </summary>
public static partial class ProperNames
{
    /// <summary>The kind of name an entry's glosses describe, or null when its first meaning is not a proper name.</summary>
    public static ProperNameKind? KindOf(string glosses)
    {
        ArgumentNullException.ThrowIfNull(glosses);
        var first = glosses.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null || first.Length < 2 || !char.IsUpper(first[0]) || first.StartsWith("CL:", StringComparison.Ordinal) || first.StartsWith("Taiwan pr.", StringComparison.Ordinal))
        {
            return null;
        }

        var text = first.ToLowerInvariant();
        return LifeYearsRegex().IsMatch(first) || PersonRegex().IsMatch(text) ? ProperNameKind.Person
            : PlaceRegex().IsMatch(text) ? ProperNameKind.Place
            : OrganisationRegex().IsMatch(text) ? ProperNameKind.Organisation
            : ProperNameKind.Thing;
    }

    [GeneratedRegex(@"\(\s*(?:c\.\s*)?\d{2,4}\s*(?:bc\s*)?[-–]\s*\d{2,4}")]
    private static partial Regex LifeYearsRegex();

    [GeneratedRegex(@"\b(?:name|emperor|king|queen|prince|princess|duke|poet|writer|author|novelist|painter|philosopher|politician|president|scientist|chemist|physicist|mathematician|general|saint|pope|composer|singer|actor|actress|explorer|missionary|statesman|scholar|monk|founder|inventor)\b")]
    private static partial Regex PersonRegex();

    [GeneratedRegex(@"\b(?:capital|city|province|county|prefecture|country|state|river|lake|mountains?|island|sea|ocean|district|region|town|village|kingdom|republic|peninsula|bay|desert|continent|valley|port|strait|municipality|township)\b")]
    private static partial Regex PlaceRegex();

    [GeneratedRegex(@"\b(?:company|corporation|university|college|bank|party|association|organization|institute|agency|ministry|foundation|newspaper|club|team|academy|council|school)\b")]
    private static partial Regex OrganisationRegex();
}
