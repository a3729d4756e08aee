using System.Collections.Frozen;

namespace ArticleBot.Core.Language.English;

/// <summary>
/// English adjectives of nationality and their places (Welsh → Wales, Danish → Denmark): CC-CEDICT glosses 威尔士 as
/// "Wales", so a question about the Welsh government needs the place's glosses, and a capitalised adjective is no name
/// to transliterate.
/// </summary>
public static class EnglishDemonyms
{
    /// <summary>The place of a lower-case adjective of nationality, or null.</summary>
    public static string? Place(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        return s_places.GetValueOrDefault(lower);
    }

    private static readonly FrozenDictionary<string, string> s_places = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["scottish"] = "scotland", ["scots"] = "scotland", ["british"] = "britain", ["english"] = "england", ["welsh"] = "wales",
        ["irish"] = "ireland", ["french"] = "france", ["german"] = "germany", ["italian"] = "italy", ["spanish"] = "spain",
        ["portuguese"] = "portugal", ["dutch"] = "netherlands", ["belgian"] = "belgium", ["swiss"] = "switzerland",
        ["austrian"] = "austria", ["danish"] = "denmark", ["swedish"] = "sweden", ["norwegian"] = "norway",
        ["finnish"] = "finland", ["polish"] = "poland", ["hungarian"] = "hungary", ["greek"] = "greece",
        ["roman"] = "rome", ["russian"] = "russia", ["ukrainian"] = "ukraine", ["turkish"] = "turkey",
        ["persian"] = "persia", ["iranian"] = "iran", ["iraqi"] = "iraq", ["syrian"] = "syria", ["egyptian"] = "egypt",
        ["sudanese"] = "sudan", ["ethiopian"] = "ethiopia", ["nigerian"] = "nigeria", ["kenyan"] = "kenya",
        ["arab"] = "arabia", ["arabian"] = "arabia", ["saudi"] = "saudi arabia", ["israeli"] = "israel", ["afghan"] = "afghanistan",
        ["pakistani"] = "pakistan", ["indian"] = "india", ["chinese"] = "china", ["japanese"] = "japan", ["korean"] = "korea",
        ["vietnamese"] = "vietnam", ["thai"] = "thailand", ["indonesian"] = "indonesia", ["filipino"] = "philippines",
        ["taiwanese"] = "taiwan", ["mongolian"] = "mongolia", ["tibetan"] = "tibet", ["american"] = "united states",
        ["canadian"] = "canada", ["mexican"] = "mexico", ["brazilian"] = "brazil", ["argentine"] = "argentina",
        ["argentinian"] = "argentina", ["chilean"] = "chile", ["peruvian"] = "peru", ["cuban"] = "cuba",
        ["australian"] = "australia", ["european"] = "europe", ["african"] = "africa", ["asian"] = "asia",
        ["soviet"] = "soviet union", ["prussian"] = "prussia", ["bavarian"] = "bavaria", ["venetian"] = "venice",
        ["parisian"] = "paris", ["londoner"] = "london", ["byzantine"] = "byzantium", ["napoleonic"] = "napoleon",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
