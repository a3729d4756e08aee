using System.IO.Compression;
using System.Text;
using ArticleBot.Core.Language.English;
using ArticleBot.Core.Search;

namespace ArticleBot.Core.Tests.Fakes;

/// <summary>An <see cref="EnglishLexicon"/> built from a few CC-CEDICT lines over a corpus of the given words.</summary>
internal static class CedictLexicon
{
    public static EnglishLexicon Build(string cedictLines, params string[] corpusWords)
    {
        using var gzip = new MemoryStream();
        using (var writer = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            writer.Write(Encoding.UTF8.GetBytes(cedictLines));
        }

        gzip.Position = 0;
        return EnglishLexicon.Build(corpusWords.Contains, corpusWords, gzip);
    }
}
