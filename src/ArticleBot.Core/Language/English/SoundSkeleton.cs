using System.Text;

namespace ArticleBot.Core.Language.English;

/// <summary>
/// The consonant skeleton of a name, the same for an English spelling and the toneless pinyin of its Chinese
/// transliteration: vowels and glides dropped, sounds Chinese does not tell apart merged (r and l, b and p, d and t,
/// g, k and q, the sibilants), doubled sounds collapsed. "Iqbal" and 伊克巴勒 (yikebale) are both KBL, and
/// "Dickinson" and 狄金森 (dijinsen) share one skeleton too. A match of skeletons is weaker evidence than a match
/// of spellings, so <see cref="EnglishLexicon"/> gives it a lower confidence and only for names.
/// </summary>
public static class SoundSkeleton
{
    /// <summary>The skeleton of an English name (lower or mixed case).</summary>
    public static string OfEnglish(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var s = name.ToLowerInvariant();
        var result = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            switch (c)
            {
                case 'p' when next == 'h':
                    Add(result, 'F');
                    i++;
                    break;
                case 's' when next == 'h':
                case 't' when next is 'h' or 'z' or 's':
                    Add(result, 'S');
                    i++;
                    break;
                case 'c' when next == 'h':
                    Add(result, 'J');
                    i++;
                    break;
                case 'c' when next == 'k':
                    // "ki" is written ji in pinyin (Dickinson 狄金森).
                    Add(result, i + 2 < s.Length && s[i + 2] == 'i' ? 'J' : 'K');
                    i++;
                    break;
                case 'k' when next == 'i':
                    Add(result, 'J');
                    break;
                case 'c':
                    Add(result, next is 'e' or 'i' or 'y' ? 'S' : 'K');
                    break;
                case 'g':
                    Add(result, next is 'e' or 'i' or 'y' ? 'J' : 'K');
                    break;
                case 'x':
                    Add(result, 'K');
                    Add(result, 'S');
                    break;
                default:
                    if (Common(c) is { } sound)
                    {
                        Add(result, sound);
                    }

                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// True when an English name's skeleton and a transliteration's match: equal, or equal once up to two of the
    /// English t/d and r/l sounds are dropped, as transliteration often drops them before a consonant or at the end
    /// (an r before a consonant, a final d). The first sound is never dropped, and at least three
    /// sounds must remain.
    /// </summary>
    public static bool Matches(string englishSkeleton, string pinyinSkeleton)
    {
        ArgumentNullException.ThrowIfNull(englishSkeleton);
        ArgumentNullException.ThrowIfNull(pinyinSkeleton);
        if (string.Equals(englishSkeleton, pinyinSkeleton, StringComparison.Ordinal))
        {
            return true;
        }

        var dropped = englishSkeleton.Length - pinyinSkeleton.Length;
        if (dropped is < 1 or > MaxDropped || pinyinSkeleton.Length < 3 || englishSkeleton[0] != pinyinSkeleton[0])
        {
            return false;
        }

        var p = 0;
        for (var e = 0; e < englishSkeleton.Length; e++)
        {
            if (p < pinyinSkeleton.Length && englishSkeleton[e] == pinyinSkeleton[p])
            {
                p++;
            }
            else if (englishSkeleton[e] is not ('D' or 'L') || dropped-- == 0)
            {
                return false;
            }
        }

        return p == pinyinSkeleton.Length;
    }

    private const int MaxDropped = 2;

    /// <summary>The skeleton of toneless pinyin written without syllable breaks ("yikebale").</summary>
    public static string OfPinyin(string pinyin)
    {
        ArgumentNullException.ThrowIfNull(pinyin);
        var result = new StringBuilder(pinyin.Length);
        for (var i = 0; i < pinyin.Length; i++)
        {
            var c = pinyin[i];
            var next = i + 1 < pinyin.Length ? pinyin[i + 1] : '\0';
            if (c is 'z' or 'c' or 's' && next == 'h')
            {
                Add(result, c == 's' ? 'S' : 'J');
                i++;
                continue;
            }

            var sound = c switch
            {
                'j' or 'q' => 'J',
                'z' or 'c' or 's' or 'x' => 'S',
                _ => Common(c),
            };
            if (sound is { } s)
            {
                Add(result, s);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// The characters Chinese uses to spell foreign names (the common ones of the standard transliteration tables), in
    /// Simplified form. A corpus word made only of them may be a transliteration; 人议案通 is not, whatever its sounds.
    /// </summary>
    private const string TransliterationCharacters =
        "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼宾波伯勃博布查达戴丹道德登迪蒂丁东杜顿多厄恩尔法范菲芬丰弗伏福富盖甘冈戈格葛贡古圭哈海汉豪赫亨洪胡华怀霍"
        + "基吉加贾杰捷金景卡凯坎康考柯科克肯库夸奎昆拉莱兰朗劳勒雷蕾里莉利丽林琳隆卢鲁露伦罗洛马玛迈麦曼芒梅美门蒙米密敏明莫默姆穆纳娜奈南内尼妮宁"
        + "纽努诺欧帕潘庞佩彭皮珀普奇齐恰乔切钦琼丘萨塞桑瑟森沙莎尚舍申施什史舒斯松苏索塔泰坦汤唐陶特滕提汀廷图托瓦万旺威韦维温文沃乌伍西希锡夏谢辛欣"
        + "休雅亚扬耶伊因英尤约泽扎詹兹佐卓茨采策翁赛斐缪拿娅黛琪珊薇荷柏赖歇嘉恺楠妮蕾";

    /// <summary>True when every character of a folded Chinese word is one that spells foreign names.</summary>
    public static bool LooksTransliterated(string chinese)
    {
        ArgumentNullException.ThrowIfNull(chinese);
        return chinese.Length >= 2 && chinese.All(c => TransliterationCharacters.Contains(c, StringComparison.Ordinal));
    }

    /// <summary>Letters both spellings write alike; null for vowels and glides.</summary>
    private static char? Common(char c) => c switch
    {
        'b' or 'p' => 'B',
        'd' or 't' => 'D',
        'k' or 'q' => 'K',
        'j' => 'J',
        'z' or 's' => 'S',
        'f' or 'v' or 'w' => 'F',
        'l' or 'r' => 'L',
        'm' => 'M',
        'n' => 'N',
        'h' => 'H',
        _ => null,
    };

    private static void Add(StringBuilder builder, char sound)
    {
        if (builder.Length == 0 || builder[^1] != sound)
        {
            builder.Append(sound);
        }
    }
}
