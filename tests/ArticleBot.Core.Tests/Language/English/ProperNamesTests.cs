using ArticleBot.Core.Language.English;

namespace ArticleBot.Core.Tests.Language.English;

public sealed class ProperNamesTests
{
    [Theory]
    [InlineData("Dodoma, capital of Tanzania/", ProperNameKind.Place)]
    [InlineData("Antoine Lavoisier (1743-1794), French chemist/", ProperNameKind.Person)]
    [InlineData("Tencent, Chinese tech company/", ProperNameKind.Organisation)]
    [InlineData("Peking University/", ProperNameKind.Organisation)]
    [InlineData("Eastern Han dynasty 25-220/", ProperNameKind.Thing)]
    [InlineData("Einstein (name)/", ProperNameKind.Person)]
    public void KindOf_CapitalisedFirstMeaning_IsANameOfTheKindItsWordsSay(string glosses, ProperNameKind expected)
    {
        Assert.Equal(expected, ProperNames.KindOf(glosses));
    }

    [Theory]
    [InlineData("to pass away/to die/")]
    [InlineData("surname Fan/")]
    [InlineData("CL:個|个[ge4]/")]
    public void KindOf_OrdinaryWord_IsNotAName(string glosses)
    {
        Assert.Null(ProperNames.KindOf(glosses));
    }
}
