using System.Text.RegularExpressions;

namespace ArticleBot.Core.Answering.Recognizers;

/// <summary>
/// Finds names in folded text: organisations and places by their Chinese suffix (…公司, …大學, …市, …河) or Latin
/// form (… inc, … university), people by a transliteration dot (安雅·羅素法), a common surname with a title
/// or verb of saying, or a capitalised Latin name; named things by title marks (《…》) and quotes. Optionally a
/// lexicon of known proper names (e.g. CC-CEDICT entries glossed with a capitalised name) adds whole words.
/// These are candidates, not a full named-entity tagger: precise enough to tell a sentence that names a
/// country from one that does not.
/// </summary>
public static partial class NameRecognizer
{
    private static readonly string[] s_organisationSuffixes =
    [
        "有限公司", "公司", "集团", "银行", "大学", "学院", "中学", "小学", "学校", "委员会", "协会", "基金会", "组织", "联盟", "研究院",
        "研究所", "研究中心", "实验室", "医院", "电视台", "广播电台", "报社", "出版社", "俱乐部", "球队", "足球队", "篮球队", "乐团", "乐队", "合唱团",
        "政党", "共产党", "民主党", "共和党", "国民党", "工党", "政府", "法院", "议会", "国会", "内阁", "军团", "舰队", "部队", "航空", "铁路局",
        "教会", "教区", "修会", "寺", "新闻社", "通讯社", "工作室", "企业", "机构", "联合会", "学会", "商会", "交易所", "天文台", "博物馆", "图书馆",
        "基金", "电视网", "杂志", "日报", "晚报", "时报", "工厂", "厂", "部", "局", "署", "厅", "社", "队", "党", "军", "朝廷", "王朝", "幕府",
    ];

    private static readonly string[] s_placeSuffixes =
    [
        "自治区", "特别行政区", "行政区", "共和国", "王国", "帝国", "联邦", "合众国", "公国", "大陆", "半岛", "群岛", "列岛", "海峡", "盆地", "高原", "平原",
        "沙漠", "山脉", "山区", "流域", "地区", "街道", "省", "市", "县", "州", "郡", "区", "镇", "乡", "村", "城", "港", "湾", "岛", "屿", "河", "江", "湖",
        "海", "洋", "山", "峰", "国", "洲", "机场", "公园", "广场",
    ];

    private static readonly string[] s_places =
    [
        "中国", "美国", "英国", "法国", "德国", "日本", "韩国", "朝鲜", "俄罗斯", "印度", "加拿大", "澳洲", "澳大利亚", "意大利", "西班牙", "葡萄牙", "荷兰",
        "比利时", "瑞士", "瑞典", "挪威", "芬兰", "丹麦", "波兰", "奥地利", "希腊", "土耳其", "埃及", "以色列", "伊朗", "伊拉克", "沙特", "巴西", "阿根廷",
        "墨西哥", "智利", "秘鲁", "古巴", "越南", "泰国", "缅甸", "新加坡", "马来西亚", "印尼", "印度尼西亚", "菲律宾", "蒙古", "台湾", "香港", "澳门",
        "北京", "上海", "南京", "广州", "深圳", "东京", "伦敦", "巴黎", "纽约", "欧洲", "亚洲", "非洲", "美洲", "大洋洲", "南极", "北极", "欧盟", "苏联",
    ];

    private static readonly string[] s_titles =
    [
        "先生", "女士", "小姐", "教授", "博士", "医生", "总统", "主席", "总理", "首相", "部长", "市长", "州长", "省长", "国王", "女王", "王后", "皇帝", "天皇",
        "将军", "元帅", "总裁", "董事长", "首席执行官", "创始人", "创办人", "经理", "主教", "教宗", "教皇", "牧师", "院士", "导演", "演员", "歌手", "作家",
        "诗人", "画家", "记者", "球员", "教练", "选手", "法官", "律师", "大使", "议员", "公爵", "伯爵", "亲王", "王子", "公主", "大名", "将军", "太子",
    ];

    // The most common Chinese surnames: with a title or a verb of saying after the name, a safe person cue.
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    /// <summary>All name mentions of a folded text; <paramref name="knownNames"/> (optional) says whether a Han word is a known proper name.</summary>
    public static IEnumerable<Mention> Find(string folded, Func<string, AnswerKind?>? knownNames = null)
    {
        ArgumentNullException.ThrowIfNull(folded);
        foreach (Match match in HanWordRegex().Matches(folded))
        {
            foreach (var mention in FindInHan(match.Value, match.Index, knownNames))
            {
                yield return mention;
            }
        }

        foreach (Match match in TransliteratedRegex().Matches(folded))
        {
            yield return new Mention(AnswerKind.Person, match.Index, match.Length, match.Value, match.Value);
        }

        foreach (Match match in TitleRegex().Matches(folded))
        {
            yield return new Mention(AnswerKind.NamedThing, match.Index, match.Length, match.Value, match.Groups["t"].Value);
        }

        foreach (Match match in LatinNameRegex().Matches(folded))
        {
            var kind = match.Groups["org"].Success ? AnswerKind.Organisation : AnswerKind.NamedThing;
            yield return new Mention(kind, match.Index, match.Length, match.Value, match.Groups["n"].Value);
        }
    }

    /// <summary>Capitalised Latin names in unfolded text (folding lower-cases them): "Lady Gaga", "Denver Broncos".</summary>
    public static IEnumerable<Mention> FindLatinCapitalised(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in CapitalisedRegex().Matches(text))
        {
            if (match.Index > 0 && !IsSentenceStart(text, match.Index))
            {
                yield return new Mention(AnswerKind.Person, match.Index, match.Length, match.Value, match.Value.ToLowerInvariant());
            }
        }
    }

    private static bool IsSentenceStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '!' or '?' or '"' or '“' or '\n';
    }

    private static IEnumerable<Mention> FindInHan(string run, int offset, Func<string, AnswerKind?>? knownNames)
    {
        foreach (var place in s_places)
        {
            for (var at = run.IndexOf(place, StringComparison.Ordinal); at >= 0; at = run.IndexOf(place, at + place.Length, StringComparison.Ordinal))
            {
                yield return new Mention(AnswerKind.Place, offset + at, place.Length, place, place);
            }
        }

        foreach (var (suffixes, kind) in new[] { (s_organisationSuffixes, AnswerKind.Organisation), (s_placeSuffixes, AnswerKind.Place) })
        {
            foreach (var suffix in suffixes)
            {
                for (var at = run.IndexOf(suffix, StringComparison.Ordinal); at >= 0; at = run.IndexOf(suffix, at + suffix.Length, StringComparison.Ordinal))
                {
                    // A one-character suffix ends the name only where a word ends: 市 in 市值, 社 in 社會, 部 in 全部分 do not.
                    var end = at + suffix.Length;
                    if (suffix.Length == 1 && end < run.Length && !AfterSuffix.Contains(run[end]))
                    {
                        continue;
                    }

                    // The name before the suffix: two to six characters, not a function word (这个国, 该市 are references, not names).
                    var nameStart = Math.Max(0, at - 4);
                    var name = run[nameStart..at];
                    if (name.Length >= 2 - (suffix.Length > 1 ? 1 : 0) && !IsReference(name))
                    {
                        yield return new Mention(kind, offset + nameStart, at + suffix.Length - nameStart, run[nameStart..(at + suffix.Length)], name.Length > 2 ? name[^2..] : name);
                    }
                }
            }
        }

        foreach (var title in s_titles)
        {
            for (var at = run.IndexOf(title, StringComparison.Ordinal); at >= 0; at = run.IndexOf(title, at + title.Length, StringComparison.Ordinal))
            {
                // A title next to a name: 教宗若望保禄二世, 王栋教练; the name itself is what identifies the person.
                var after = run[(at + title.Length)..];
                var before = run[..at];
                var name = after.Length >= 2 ? after[..Math.Min(3, after.Length)] : before.Length >= 2 ? before[^Math.Min(3, before.Length)..] : string.Empty;
                if (name.Length >= 2)
                {
                    yield return new Mention(AnswerKind.Person, offset + at, title.Length, title, name[..2]);
                }
            }
        }

        for (var i = 0; i + 2 < run.Length; i++)
        {
            // Surname + one or two characters, then a verb of saying, a title, or a comma-like break: 王栋表示.
            if (Surnames.Contains(run[i], StringComparison.Ordinal) && (i == 0 || !char.IsLetter(run[i - 1]) || IsNameBoundary(run, i)))
            {
                foreach (var length in (int[])[3, 2])
                {
                    if (i + length <= run.Length && (i + length == run.Length || IsAfterName(run, i + length)))
                    {
                        yield return new Mention(AnswerKind.Person, offset + i, length, run.Substring(i, length), run.Substring(i, length));
                        break;
                    }
                }
            }
        }

        if (knownNames is not null)
        {
            for (var length = Math.Min(6, run.Length); length >= 2; length--)
            {
                for (var i = 0; i + length <= run.Length; i++)
                {
                    if (knownNames(run.Substring(i, length)) is { } kind)
                    {
                        yield return new Mention(kind, offset + i, length, run.Substring(i, length), run.Substring(i, length));
                    }
                }
            }
        }
    }

    private const string AfterSuffix = "的在是于和与及为了将已曾也都有被把向从到等之内外北南东西中";

    private static readonly string[] s_afterName = ["说", "表示", "指出", "认为", "称", "先生", "女士", "教授", "博士", "担任", "出生", "生于", "于", "在", "是", "曾", "和", "与", "及", "等", "的"];

    private static bool IsAfterName(string run, int at) => s_afterName.Any(a => string.CompareOrdinal(run, at, a, 0, a.Length) == 0);

    private static bool IsNameBoundary(string run, int i) => run[i - 1] is '和' or '与' or '及' or '由' or '被' or '是' or '为' or '给' or '让' or '向' or '对';

    private static bool IsReference(string name) => name.EndsWith('这') || name.EndsWith('该') || name.EndsWith('此') || name.EndsWith('本') || name.EndsWith('各') || name.EndsWith('全') || name.EndsWith('其') || name.EndsWith('那') || name.EndsWith('个');

    [GeneratedRegex(@"[\u3400-\u9fff]+")]
    private static partial Regex HanWordRegex();

    [GeneratedRegex(@"[\u3400-\u9fff]{1,6}(?:[·•・‧][\u3400-\u9fff]{1,8})+")]
    private static partial Regex TransliteratedRegex();

    [GeneratedRegex(@"[《〈「“『""](?<t>[^》〉」”』""]{1,40})[》〉」”』""]")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"\b(?<n>[a-z][a-z0-9&.\-]*(?:\s+[a-z][a-z0-9&.\-]*){0,3})\s+(?<org>inc|corp|corporation|ltd|llc|company|university|college|institute|foundation|association|agency|party|council|ministry|bank|group|club|team)\b|\b(?<n>[a-z]*[a-z][a-z0-9]*[0-9][a-z0-9]*|[a-z]{2,}(?:\s+[a-z]{2,}){0,2})\b(?=[\u3400-\u9fff])")]
    private static partial Regex LatinNameRegex();

    [GeneratedRegex(@"\b[A-Z][a-zA-Z'\-]+(?:\s+(?:of\s+|the\s+|de\s+|van\s+|von\s+)?[A-Z][a-zA-Z'\-]+)*")]
    private static partial Regex CapitalisedRegex();
}
