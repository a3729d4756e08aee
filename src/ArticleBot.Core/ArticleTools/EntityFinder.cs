using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ArticleBot.Abstractions;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArticleBot.Core.ArticleTools;

/// <summary>What a named thing is.</summary>
public enum EntityKind
{
    /// <summary>A person.</summary>
    Person,

    /// <summary>A company or another organisation.</summary>
    Organization,

    /// <summary>A product, app or service.</summary>
    Product,

    /// <summary>A country, city or region.</summary>
    Place,
}

/// <summary>A named thing of the article, with where it is mentioned.</summary>
/// <param name="Name">The name as the article writes it (first mention).</param>
/// <param name="English">Its usual English name (the Chinese name when none is known).</param>
/// <param name="Kind">Person, organisation, product or place.</param>
/// <param name="Country">ISO country code when known (from the gazetteer, or from what the text says around it).</param>
/// <param name="Count">How many times it is mentioned.</param>
/// <param name="Passages">The passages that mention it, in document order.</param>
public sealed record ArticleEntity(string Name, string English, EntityKind Kind, string? Country, int Count, IReadOnlyList<Passage> Passages);

/// <summary>
/// Finds the people, organisations, products and places of the corpus: names of a shipped gazetteer
/// (Resources/entities.tsv) and, for any article, names found by generic cues: transliterated names with "·",
/// the byline's author, speakers before 指出/表示/認為 with a common surname, and names ending in 公司/集團/大學.
/// Computed once per corpus, in time linear in its length: each passage is scanned once for the names that start at
/// each of its characters (not once per name), and <see cref="NamedIn(string)"/> looks names up the same way in an index
/// built with the entities.
/// </summary>
public sealed partial class EntityFinder
{
    private static readonly Lazy<IReadOnlyList<GazetteerEntry>> s_gazetteer = new(LoadGazetteer);
    private static readonly string[] s_usCues = ["美国", "硅谷", "大洋彼岸", "美企"];
    private static readonly string[] s_cnCues = ["中国", "国内", "本土", "国产", "中企"];
    private const string CommonSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    private readonly ArticleSearch _search;
    private readonly ScriptFolding _folder;
    private readonly ILogger _logger;
    private readonly Corpus.PerCorpus<Found> _found;

    /// <summary>Creates the finder for a corpus.</summary>
    public EntityFinder(ArticleSearch search, ScriptFolding folder, ILogger<EntityFinder>? logger = null)
    {
        _search = search;
        _folder = folder;
        _logger = logger ?? NullLogger<EntityFinder>.Instance;
        _found = new(corpus => Index(Timed(corpus, _logger)));
    }

    /// <summary>Every entity of the corpus, most mentioned first.</summary>
    public IReadOnlyList<ArticleEntity> All => Current.Entities;

    /// <summary>Every entity of <paramref name="corpus"/> (which need not be the search's current one), most mentioned first.</summary>
    public IReadOnlyList<ArticleEntity> AllOf(Corpus.ArticleCorpus corpus) => _found.For(corpus).Entities;

    /// <summary>
    /// The entities of the search's current corpus, found once per corpus: when the seeds change (the search
    /// reloads), or a Discord server's view is searched, they are found for that corpus.
    /// </summary>
    private Found Current => _found.For(_search.Corpus);

    /// <summary>The entities of one kind (or all when null), of one country (or any when null).</summary>
    public IReadOnlyList<ArticleEntity> Find(EntityKind? kind, string? country) =>
        All.Where(e => (kind is null || e.Kind == kind) && (country is null || string.Equals(e.Country, country, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>
    /// The article's entities a text (a question, in Chinese or English) names, in the order it names them:
    /// by their Chinese names (either script), their English names, or any gazetteer alias.
    /// </summary>
    public IReadOnlyList<ArticleEntity> NamedIn(string text) => NamedIn(text, _search.Corpus);

    /// <summary>The entities of <paramref name="corpus"/> a text names, in the order it names them.</summary>
    public IReadOnlyList<ArticleEntity> NamedIn(string text, Corpus.ArticleCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = _folder.Fold(text);
        var index = _found.For(corpus);

        // Where each name first occurs as a name (a Latin name as a whole word), by one pass over the text.
        var firstAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var at = 0; at < folded.Length; at++)
        {
            if (!index.NamesByFirstChar.TryGetValue(folded[at], out var names))
            {
                continue;
            }

            foreach (var name in names)
            {
                if (!firstAt.ContainsKey(name) && string.CompareOrdinal(folded, at, name, 0, name.Length) == 0 && IsWholeName(folded, at, name))
                {
                    firstAt[name] = at;
                }
            }
        }

        // Each entity by its first name (longest first) that occurs, in the order of All.
        var found = new List<(int At, int Length, ArticleEntity Entity)>();
        foreach (var position in firstAt.Keys.SelectMany(n => index.EntitiesByName[n]).Distinct().Order())
        {
            var entity = index.Entities[position];
            foreach (var name in index.Names[position])
            {
                if (firstAt.TryGetValue(name, out var at))
                {
                    found.Add((at, name.Length, entity));
                    break;
                }
            }
        }

        // A longer name wins over a shorter one inside it (香港大學 over 香港; New York Times over New York).
        return found.Where(f => !found.Any(o => o.Entity != f.Entity && o.At <= f.At && o.At + o.Length >= f.At + f.Length && o.Length > f.Length))
            .OrderBy(f => f.At).Select(f => f.Entity).Distinct().ToList();
    }

    /// <summary>The English name of a Chinese word (folded or not), or null when none is known.</summary>
    public string? EnglishOf(string chinese)
    {
        ArgumentNullException.ThrowIfNull(chinese);
        var folded = _folder.Fold(chinese);
        return s_gazetteer.Value.FirstOrDefault(g => g.Names.Contains(folded))?.English
            ?? All.FirstOrDefault(e => _folder.Fold(e.Name) == folded && e.English != e.Name)?.English;
    }

    /// <summary>Every folded name an entity goes by (its Chinese names and English name, a person's surname), longest first.</summary>
    public IEnumerable<string> NamesOf(ArticleEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Current.NamesOf.TryGetValue(entity, out var names) ? names : ComputeNamesOf(entity);
    }

    private string[] ComputeNamesOf(ArticleEntity entity)
    {
        var entry = s_gazetteer.Value.FirstOrDefault(g => g.English == entity.English);
        var names = new List<string> { _folder.Fold(entity.Name), _folder.Fold(entity.English) };
        if (entry is not null)
        {
            names.AddRange(entry.Names);
            var parts = entity.English.Split(' ');
            if (entity.Kind == EntityKind.Person && parts.Length > 1)
            {
                names.Add(_folder.Fold(parts[^1])); // "Curie" names Marie Curie
            }
        }

        return [.. names.Where(n => n.Length > 1).Distinct().OrderByDescending(n => n.Length)];
    }

    /// <summary>The entities with their names, indexed for <see cref="NamedIn(string)"/>: built once, with the entities.</summary>
    private Found Index(List<ArticleEntity> entities)
    {
        var names = entities.Select(ComputeNamesOf).ToList();
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            foreach (var name in names[i])
            {
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = [];
                }

                list.Add(i);
            }
        }

        var byFirstChar = byName.Keys.GroupBy(n => n[0]).ToDictionary(g => g.Key, g => g.ToArray());
        var namesOf = new Dictionary<ArticleEntity, string[]>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < entities.Count; i++)
        {
            namesOf[entities[i]] = names[i];
        }

        return new Found(entities, names, byName, byFirstChar, namesOf);
    }

    /// <summary>True when the name at <paramref name="at"/> stands as a name: a Latin one as a whole word.</summary>
    private static bool IsWholeName(string folded, int at, string name)
    {
        var end = at + name.Length;
        return !char.IsAsciiLetterOrDigit(name[0])
            || ((at == 0 || !char.IsAsciiLetterOrDigit(folded[at - 1])) && (end == folded.Length || !char.IsAsciiLetterOrDigit(folded[end])));
    }

    /// <summary>The first place <paramref name="name"/> stands as a name in <paramref name="folded"/>, or -1.</summary>
    private static int IndexOfName(ReadOnlySpan<char> folded, string name)
    {
        var from = 0;
        while (from <= folded.Length - name.Length)
        {
            var found = folded[from..].IndexOf(name, StringComparison.Ordinal);
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            var end = at + name.Length;
            if (!char.IsAsciiLetterOrDigit(name[0])
                || ((at == 0 || !char.IsAsciiLetterOrDigit(folded[at - 1])) && (end == folded.Length || !char.IsAsciiLetterOrDigit(folded[end]))))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>Finds the entities, logging how long a whole-article pass took (it runs only when a question needs names).</summary>
    private List<ArticleEntity> Timed(Corpus.ArticleCorpus corpus, ILogger logger)
    {
        var started = Stopwatch.GetTimestamp();
        var entities = Find(corpus);
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.EntitiesFound(logger, entities.Count, corpus.Passages.Count, elapsedMs);
        return entities;
    }

    private List<ArticleEntity> Find(Corpus.ArticleCorpus corpus)
    {
        var passages = corpus.Passages.Where(p => p.Kind is PassageKind.Body or PassageKind.Byline or PassageKind.Caption).ToList();
        var folded = passages.Select(p => _folder.Fold(p.Text)).ToList();
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);

        // Gazetteer names, longest first, each occurrence counted once (阿里巴巴 is not also 阿里). Each passage is
        // masked on its own, trying only the names that occur in it (found in one pass over its characters); the
        // mentions are then counted in the order of a name-by-name sweep over all passages, which decides what an
        // entity's first mention is.
        var gazetteerNames = s_gazetteer.Value.SelectMany(g => g.Names.Select(n => (Entry: g, Name: n))).OrderByDescending(x => x.Name.Length).ToList();
        var byFirstChar = gazetteerNames.Select((x, order) => (x.Name, Order: order)).Where(x => x.Name.Length > 0)
            .GroupBy(x => x.Name[0]).ToDictionary(g => g.Key, g => g.ToArray());
        var masks = new List<char[]>(passages.Count);
        var mentions = new List<(int Order, int Passage)>();
        for (var p = 0; p < passages.Count; p++)
        {
            var mask = folded[p].ToCharArray();
            masks.Add(mask);
            var present = new SortedSet<int>();
            for (var at = 0; at < mask.Length; at++)
            {
                if (byFirstChar.TryGetValue(mask[at], out var starting))
                {
                    foreach (var (name, order) in starting)
                    {
                        if (at + name.Length <= mask.Length && mask.AsSpan(at, name.Length).SequenceEqual(name))
                        {
                            present.Add(order);
                        }
                    }
                }
            }

            foreach (var order in present)
            {
                var name = gazetteerNames[order].Name;
                for (var at = IndexOfName(mask, name); at >= 0; at = IndexOfName(mask, name))
                {
                    mentions.Add((order, p));
                    mask.AsSpan(at, name.Length).Fill('\u0001');
                }
            }
        }

        foreach (var (order, p) in mentions.OrderBy(m => m.Order).ThenBy(m => m.Passage))
        {
            var (entry, name) = gazetteerNames[order];
            Get(candidates, entry.English, entry.Kind, entry.Country).Add(p, passages[p], name);
        }

        // Generic cues, on what the gazetteer left.
        for (var p = 0; p < passages.Count; p++)
        {
            var text = new string(masks[p]);
            foreach (Match m in TransliteratedNameRegex().Matches(text))
            {
                Get(candidates, m.Value, EntityKind.Person, null).Add(p, passages[p], m.Value);
            }

            foreach (Match m in SpeakerRegex().Matches(text))
            {
                var name = m.Groups["name"].Value;
                if (CommonSurnames.Contains(name[0], StringComparison.Ordinal) && !name.Contains('\u0001', StringComparison.Ordinal))
                {
                    Get(candidates, name, EntityKind.Person, null).Add(p, passages[p], name);
                }
            }

            foreach (Match m in OrganizationRegex().Matches(text))
            {
                Get(candidates, m.Value, EntityKind.Organization, null).Add(p, passages[p], m.Value);
            }

            if (passages[p].Kind == PassageKind.Byline && BylineNameRegex().Match(text) is { Success: true } byline
                && CommonSurnames.Contains(byline.Groups["name"].Value[0], StringComparison.Ordinal))
            {
                Get(candidates, byline.Groups["name"].Value, EntityKind.Person, null).Add(p, passages[p], byline.Groups["name"].Value);
            }
        }

        // A generic name mentioned elsewhere counts there too (熊志 in the byline and in the text): every passage is
        // scanned once for every generic name, by the lengths such names have.
        var generic = candidates.Values.Where(c => c.Generic).GroupBy(c => c.FoldedName!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var lookup = generic.GetAlternateLookup<ReadOnlySpan<char>>();
        var lengths = generic.Keys.Select(k => k.Length).Distinct().Order().ToArray();
        for (var p = 0; p < passages.Count; p++)
        {
            var text = folded[p].AsSpan();
            for (var at = 0; at < text.Length; at++)
            {
                foreach (var length in lengths)
                {
                    if (at + length > text.Length)
                    {
                        break;
                    }

                    if (lookup.TryGetValue(text.Slice(at, length), out var named))
                    {
                        foreach (var candidate in named.Where(c => !c.PassageIndexes.Contains(p)))
                        {
                            candidate.Add(p, passages[p], candidate.FoldedName!);
                        }
                    }
                }
            }
        }

        return candidates.Values
            .Select(c => (Candidate: c, Name: Surface(c.Sorted(), passages)))
            .Select(x => new ArticleEntity(x.Name, x.Candidate.Generic ? x.Name : x.Candidate.English, x.Candidate.Kind, x.Candidate.Country ?? CountryFromText(x.Candidate, folded), x.Candidate.Count, x.Candidate.Passages))
            .OrderByDescending(e => e.Count).ThenBy(e => e.Passages[0].Start).ThenBy(e => e.Passages[0].Source, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The name as the article writes it: the first mention's own characters.</summary>
    private string Surface(Candidate candidate, List<Passage> passages)
    {
        var passage = candidate.Passages[0];
        var name = candidate.FirstFoldedMention!;
        for (var length = name.Length; length <= name.Length + 1; length++)
        {
            for (var i = 0; i + length <= passage.Text.Length; i++)
            {
                if (_folder.Fold(passage.Text.Substring(i, length)) == name)
                {
                    return passage.Text.Substring(i, length);
                }
            }
        }

        _ = passages;
        return candidate.English;
    }

    /// <summary>A country the text gives the entity: the cue (美國, 硅谷 / 中國, 國內) most often in its sentences.</summary>
    private static string? CountryFromText(Candidate candidate, List<string> folded)
    {
        int us = 0, cn = 0;
        foreach (var p in candidate.PassageIndexes)
        {
            foreach (var sentence in folded[p].Split('。', '！', '？', '；'))
            {
                if (!sentence.Contains(candidate.FoldedName ?? candidate.FirstFoldedMention!, StringComparison.Ordinal))
                {
                    continue;
                }

                us += s_usCues.Count(c => sentence.Contains(c, StringComparison.Ordinal));
                cn += s_cnCues.Count(c => sentence.Contains(c, StringComparison.Ordinal));
            }
        }

        return us > cn ? "US" : cn > us ? "CN" : null;
    }

    private Candidate Get(Dictionary<string, Candidate> candidates, string key, EntityKind kind, string? country)
    {
        if (!candidates.TryGetValue(key, out var candidate))
        {
            var generic = country is null && !s_gazetteer.Value.Any(g => g.English == key);
            candidates[key] = candidate = new Candidate(key, kind, country, generic ? _folder.Fold(key) : null);
        }

        return candidate;
    }

    private static List<GazetteerEntry> LoadGazetteer()
    {
        var folder = ScriptFolding.Default;
        using var reader = new StreamReader(EmbeddedResources.Open("entities.tsv"), Encoding.UTF8);
        var entries = new List<GazetteerEntry>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (line.StartsWith('#') || fields.Length < 4 || !Enum.TryParse<EntityKind>(fields[2], ignoreCase: true, out var kind))
            {
                continue;
            }

            var names = fields[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(folder.Fold).ToHashSet(StringComparer.Ordinal);
            entries.Add(new GazetteerEntry(names, fields[1], kind, fields[3] == "-" ? null : fields[3]));
        }

        return entries;
    }

    private sealed record GazetteerEntry(HashSet<string> Names, string English, EntityKind Kind, string? Country);

    /// <summary>The entities, each one's names (by position in <see cref="Entities"/>), and the index of names.</summary>
    private sealed record Found(
        List<ArticleEntity> Entities,
        List<string[]> Names,
        Dictionary<string, List<int>> EntitiesByName,
        Dictionary<char, string[]> NamesByFirstChar,
        Dictionary<ArticleEntity, string[]> NamesOf);

    private sealed class Candidate(string english, EntityKind kind, string? country, string? foldedName)
    {
        public string English { get; } = english;

        public EntityKind Kind { get; } = kind;

        public string? Country { get; } = country;

        /// <summary>For names found by cues: the folded name, looked for in every passage.</summary>
        public string? FoldedName { get; } = foldedName;

        public bool Generic => FoldedName is not null;

        public string? FirstFoldedMention { get; private set; }

        public int Count { get; private set; }

        public HashSet<int> PassageIndexes { get; } = [];

        public List<Passage> Passages { get; } = [];

        public void Add(int index, Passage passage, string foldedMention)
        {
            Count++;
            FirstFoldedMention ??= foldedMention;
            if (PassageIndexes.Add(index))
            {
                Passages.Add(passage);
            }
        }

        /// <summary>Puts the passages in document order, once all are added (sorting on each add cost n² log n).</summary>
        public Candidate Sorted()
        {
            Passages.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source) is var s && s != 0 ? s : a.Start.CompareTo(b.Start));
            return this;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3201, EventName = "EntitiesFound", Level = LogLevel.Information,
            Message = "Found {Entities} entities in {Passages} passages in {ElapsedMs} ms")]
        public static partial void EntitiesFound(ILogger logger, int entities, int passages, long elapsedMs);
    }

    // A transliterated name: given name·surname, between the words around it (…竞争者乔治·米勒指出…, …之称的德米斯·哈萨比斯的…).
    [GeneratedRegex(@"(?<=^|[者的是和与在、，,。“”「」：:（(\s\u0001])[\p{IsCJKUnifiedIdeographs}-[者的是和与在]]{1,5}[·・•]\p{IsCJKUnifiedIdeographs}{1,6}?(?=指出|表示|认为|说|称|强调|提醒|坦言|透露|的|在|是|和|与|也|曾|则|就|等|、|，|,|。|：|:|“|”|）|\)|\s|$)")]
    private static partial Regex TransliteratedNameRegex();

    [GeneratedRegex(@"(?<name>\p{IsCJKUnifiedIdeographs}{2,3})(?:指出|表示|认为|强调|坦言|称|透露|提醒)")]
    private static partial Regex SpeakerRegex();

    // A name holds no particle: in 允许特伦特的小公司 the 的 ends the words before "a small company", which is no name.
    [GeneratedRegex(@"(?:(?![的了])\p{IsCJKUnifiedIdeographs}){2,8}(?:公司|集团|银行|大学|研究院|研究所)")]
    private static partial Regex OrganizationRegex();

    [GeneratedRegex(@"(?<name>\p{IsCJKUnifiedIdeographs}{2,3})\s*$")]
    private static partial Regex BylineNameRegex();
}
